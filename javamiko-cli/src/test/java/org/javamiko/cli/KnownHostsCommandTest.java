package org.javamiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code javamiko known-hosts} against a private sshd, with ssh-keygen -F as the oracle. */
class KnownHostsCommandTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    Path dir;

    private String port() {
        return String.valueOf(sshd.port());
    }

    private String name() {
        return "[127.0.0.1]:" + sshd.port();
    }

    @Test
    void addFetchesTheHostKeyThenCheckFindsIt() throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "# keep me\nother.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOprC4h636pMrzdniQ33JqXxQF0eAmebJPBtjzLulzKv");
        Cli.Result add = Cli.run("known-hosts", "add", "-f", file.toString(), "-p", port(), "-t", "ed25519", "127.0.0.1");
        assertThat(add.status()).as(add.toString()).isZero();
        String ed25519 = sshd.hostPublicKeys().get(0);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).containsExactly("# keep me",
                "other.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOprC4h636pMrzdniQ33JqXxQF0eAmebJPBtjzLulzKv",
                name() + " " + ed25519);
        assertThat(add.out()).startsWith("Added " + name() + " ssh-ed25519 SHA256:");

        Cli.Result again = Cli.run("known-hosts", "add", "-f", file.toString(), "-p", port(), "-t", "ed25519", "127.0.0.1");
        assertThat(again.out()).contains("already in");
        assertThat(Files.readAllLines(file)).hasSize(3);

        Cli.Result check = Cli.run("known-hosts", "check", "-f", file.toString(), "-p", port(), "127.0.0.1");
        assertThat(check.status()).as(check.toString()).isZero();
        assertThat(check.out()).contains("OK");
        // the file works for ssh's own lookup
        assertThat(sshKeygen("-F", name(), "-f", file.toString()).exitCode()).isZero();
    }

    @Test
    void checkSaysNotListedOrChanged() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "");
        Cli.Result unknown = Cli.run("known-hosts", "check", "-f", empty.toString(), "-p", port(), "127.0.0.1");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.out()).contains("not in");

        Path other = Files.writeString(dir.resolve("other"), name()
                + " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOprC4h636pMrzdniQ33JqXxQF0eAmebJPBtjzLulzKv\n");
        Cli.Result changed = Cli.run("known-hosts", "check", "-f", other.toString(), "-p", port(), "127.0.0.1");
        assertThat(changed.status()).isEqualTo(2);
        assertThat(changed.out()).contains("CHANGED");
        Cli.Result refused = Cli.run("known-hosts", "add", "-f", other.toString(), "-p", port(), "-t", "ed25519", "127.0.0.1");
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("different ssh-ed25519 key");
    }

    @Test
    void addFromAKeyFileHashed() throws Exception {
        Path file = dir.resolve("kh");
        Path pub = sshd.hostPublicKeyFiles().get(1);
        Cli.Result add = Cli.run("known-hosts", "add", "-H", "-f", file.toString(), "web1.example", pub.toString());
        assertThat(add.status()).as(add.toString()).isZero();
        assertThat(Files.readString(file)).startsWith("|1|").doesNotContain("web1");
        assertThat(sshKeygen("-F", "web1.example", "-f", file.toString()).exitCode()).isZero();
    }

    @Test
    void removeDeletesPlainHashedAndPatternEntriesButKeepsMarkers() throws Exception {
        String key = sshd.hostPublicKeys().get(0);
        Path file = dir.resolve("known_hosts");
        Files.write(file, List.of("# comment", "web1,web2 " + key, org.javamiko.HostKeys.hashHost("web1") + " " + key,
                "db1 " + key, "@cert-authority web1 " + key, "web* " + key));
        Cli.Result r = Cli.run("known-hosts", "remove", "-f", file.toString(), "web1");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("# Host web1 found: line 2").contains("line 3").contains("line 6")
                .contains("Original contents retained as " + file + ".old");
        assertThat(Files.readAllLines(file)).containsExactly("# comment", "db1 " + key, "@cert-authority web1 " + key);
        assertThat(Files.readAllLines(Path.of(file + ".old"))).hasSize(6);
        Cli.Result none = Cli.run("known-hosts", "remove", "-f", file.toString(), "web9");
        assertThat(none.status()).isEqualTo(1);
    }

    @Test
    void hashHashesEveryPlainNameAsSshKeygenReadsThem() throws Exception {
        String key = sshd.hostPublicKeys().get(0);
        Path file = dir.resolve("known_hosts");
        Files.write(file, List.of("# comment", "web1,[web2]:2222 " + key, "*.example " + key,
                "@revoked bad " + key));
        Cli.Result r = Cli.run("known-hosts", "hash", "-f", file.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("|1|").endsWith(" " + key);
        assertThat(lines.get(2)).startsWith("|1|");
        assertThat(lines.subList(3, 5)).containsExactly("*.example " + key, "@revoked bad " + key);
        assertThat(String.join("\n", lines)).doesNotContain("web1").doesNotContain("web2");
        assertThat(sshKeygen("-F", "web1", "-f", file.toString()).exitCode()).isZero();
        assertThat(sshKeygen("-F", "[web2]:2222", "-f", file.toString()).exitCode()).isZero();
    }

    @Test
    void anUnreachableHostIs255() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Cli.Result r = Cli.run("known-hosts", "add", "-f", dir.resolve("kh").toString(), "-p", String.valueOf(closed),
                "127.0.0.1");
        assertThat(r.status()).isEqualTo(255);
        assertThat(r.err().strip()).endsWith("Connection refused");
    }

    private static ExternalCommand.Result sshKeygen(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("ssh-keygen"));
        command.addAll(List.of(args));
        return ExternalCommand.of(command).run();
    }
}
