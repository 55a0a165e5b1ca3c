package org.javamiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code javamiko keygen} and {@code fingerprint}, with ssh-keygen as the oracle. */
class KeyCommandsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"ed25519,", "ecdsa,384", "rsa,2048"})
    void keygenWritesKeysSshKeygenReads(String type, String bits) throws Exception {
        Path key = dir.resolve("id_" + type);
        String[] args = bits == null
                ? new String[] {"keygen", "-t", type, "-f", key.toString(), "-N", "", "-C", "me@test"}
                : new String[] {"keygen", "-t", type, "-b", bits, "-f", key.toString(), "-N", "", "-C", "me@test"};
        Cli.Result r = Cli.run(args);
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Your identification has been saved in " + key)
                .contains("Your public key has been saved in " + key + ".pub");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        String expected = sshKeygen("-lf", key.toString());
        assertThat(Cli.run("fingerprint", key.toString()).out()).isEqualTo(expected);
        assertThat(Cli.run("fingerprint", key + ".pub").out()).isEqualTo(expected);
        assertThat(expected).contains("me@test");
        // ssh-keygen derives the same public key from our private file
        assertThat(sshKeygen("-y", "-f", key.toString()).strip().split(" ")[1])
                .isEqualTo(Files.readString(Path.of(key + ".pub")).strip().split(" ")[1]);
    }

    @Test
    void keygenWithAPassphraseWritesAnEncryptedKey() throws Exception {
        Path key = dir.resolve("enc");
        assertThat(Cli.run("keygen", "-q", "-f", key.toString(), "-N", "s3cret").status()).isZero();
        assertThat(sshKeygen("-y", "-P", "s3cret", "-f", key.toString())).startsWith("ssh-ed25519 ");
        assertThat(ExternalCommand.of("ssh-keygen", "-y", "-P", "wrong", "-f", key.toString()).run().exitCode())
                .isNotZero();
    }

    @Test
    void keygenNeverOverwrites() throws Exception {
        Path key = dir.resolve("k");
        Files.writeString(key, "precious");
        Cli.Result r = Cli.run("keygen", "-f", key.toString(), "-N", "");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("already exists");
        assertThat(Files.readString(key)).isEqualTo("precious");
    }

    @Test
    void fingerprintOfKnownHostsAndAuthorizedKeysFilesMatchesSshKeygen() throws Exception {
        OpenSshServer.builder(); // loads the shared key sets
        List<String> pubs = org.javamiko.testing.KeySet.clientKeys().publicKeyLines();
        Path authorized = dir.resolve("authorized_keys");
        Files.write(authorized, List.of("# a comment", pubs.get(0), "no-pty,command=\"true\" " + pubs.get(1), "",
                pubs.get(2)));
        assertThat(Cli.run("fingerprint", authorized.toString()).out()).isEqualTo(sshKeygen("-lf", authorized.toString()));
        Path knownHosts = dir.resolve("known_hosts");
        Files.write(knownHosts, List.of("[127.0.0.1]:2222 " + strip(pubs.get(0)), "host1,host2 " + strip(pubs.get(2))));
        assertThat(Cli.run("fingerprint", knownHosts.toString()).out()).isEqualTo(sshKeygen("-lf", knownHosts.toString()));
        assertThat(Cli.run("fingerprint", "-E", "md5", knownHosts.toString()).out())
                .isEqualTo(sshKeygen("-E", "md5", "-lf", knownHosts.toString()));
    }

    @Test
    void fingerprintOfAMissingOrNonKeyFileFails() throws Exception {
        Cli.Result missing = Cli.run("fingerprint", dir.resolve("nope").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("No such file");
        Path text = Files.writeString(dir.resolve("text"), "hello\n");
        Cli.Result notKey = Cli.run("fingerprint", text.toString());
        assertThat(notKey.status()).isEqualTo(1);
        assertThat(notKey.err()).contains("is not a public key file");
    }

    private static String strip(String pubLine) {
        String[] f = pubLine.split(" ");
        return f[0] + " " + f[1];
    }

    private static String sshKeygen(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("ssh-keygen"));
        command.addAll(List.of(args));
        ExternalCommand.Result r;
        try {
            r = ExternalCommand.of(command).run();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r.stdout();
    }
}
