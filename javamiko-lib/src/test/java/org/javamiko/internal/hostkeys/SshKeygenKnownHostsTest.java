package org.javamiko.internal.hostkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.javamiko.testing.SshKeygen;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our host patterns and hashed names against OpenSSH's ssh-keygen, with no key implementation involved. */
class SshKeygenKnownHostsTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsSshKeygen() {
        assumeTrue(SshKeygen.available(), "ssh-keygen is not installed");
    }

    private List<KnownHostsEntry> entriesOf(Path file) throws Exception {
        List<KnownHostsEntry> entries = new ArrayList<>();
        for (RawLine line : KnownHostsFiles.readLines(file)) {
            Optional<KnownHostsEntry> entry = KnownHostsLineParser.parse(line.text());
            entry.ifPresent(entries::add);
        }
        return entries;
    }

    private static boolean anyMatches(List<KnownHostsEntry> entries, String host) {
        HostQuery query = new HostQuery(host);
        return entries.stream().anyMatch(e -> e.hosts().matches(query));
    }

    @Test
    void namesHashedBySshKeygenMatchTheirHosts() throws Exception {
        String key = SshKeygen.newEd25519PublicKey(dir, "k");
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "a.example.com,10.0.0.1 " + key + "\n[b.example.com]:2222 " + key + "\n");
        assertThat(SshKeygen.keygen("-H", "-f", file.toString()).exit()).isZero();

        List<KnownHostsEntry> entries = entriesOf(file);
        assertThat(entries).hasSize(3).allSatisfy(e -> assertThat(e.hosts().text()).startsWith(HashedHostName.MAGIC));
        assertThat(anyMatches(entries, "a.example.com")).isTrue();
        assertThat(anyMatches(entries, "10.0.0.1")).isTrue();
        assertThat(anyMatches(entries, "[b.example.com]:2222")).isTrue();
        assertThat(anyMatches(entries, "b.example.com")).isFalse();
        assertThat(anyMatches(entries, "c.example.com")).isFalse();
    }

    @Test
    void namesWeHashAreFoundBySshKeygen() throws Exception {
        String key = SshKeygen.newEd25519PublicKey(dir, "k");
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, HashedHostName.hash("a.example.com").text() + " " + key + "\n"
                + HashedHostName.hash("[b.example.com]:2222").text() + " " + key + "\n");

        SshKeygen.Result plain = SshKeygen.keygen("-F", "a.example.com", "-f", file.toString());
        assertThat(plain.exit()).isZero();
        assertThat(plain.stdout()).contains("found: line 1");
        SshKeygen.Result port = SshKeygen.keygen("-F", "[b.example.com]:2222", "-f", file.toString());
        assertThat(port.exit()).isZero();
        assertThat(port.stdout()).contains("found: line 2");
        assertThat(SshKeygen.keygen("-F", "b.example.com", "-f", file.toString()).exit()).isNotZero();
    }
}
