package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.javamiko.keys.PKey;
import org.javamiko.testing.SshKeygen;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files HostKeys writes, read by OpenSSH's ssh-keygen, and files ssh-keygen writes, read by HostKeys. */
class HostKeysSshKeygenTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsSshKeygen() {
        assumeTrue(SshKeygen.available(), "ssh-keygen is not installed");
    }

    private PKey newKey(String name) throws Exception {
        return PKey.fromPublicKeyLine(SshKeygen.newEd25519PublicKey(dir, name));
    }

    private SshKeygen.Result find(String host, Path file) throws Exception {
        return SshKeygen.keygen("-F", host, "-f", file.toString());
    }

    @Test
    void plainAndPortEntriesWeSaveAreFoundBySshKeygen() throws Exception {
        HostKeys keys = new HostKeys();
        keys.add("a.example.com", "ssh-ed25519", newKey("a"));
        keys.add("[b.example.com]:2222", "ssh-ed25519", newKey("b"));
        Path file = dir.resolve("known_hosts");
        keys.save(file);

        assertThat(find("a.example.com", file).stdout()).contains("found: line 1");
        assertThat(find("[b.example.com]:2222", file).stdout()).contains("found: line 2");
        assertThat(find("b.example.com", file).exit()).isNotZero();
    }

    @Test
    void hashedNamesWeSaveAreFoundBySshKeygen() throws Exception {
        HostKeys keys = new HostKeys();
        keys.add(HostKeys.hashHost("a.example.com"), "ssh-ed25519", newKey("a"));
        keys.add(HostKeys.hashHost("[b.example.com]:2222"), "ssh-ed25519", newKey("b"));
        Path file = dir.resolve("known_hosts");
        keys.save(file);

        assertThat(Files.readString(file)).doesNotContain("example.com");
        assertThat(find("a.example.com", file).stdout()).contains("found: line 1");
        assertThat(find("[b.example.com]:2222", file).stdout()).contains("found: line 2");
    }

    @Test
    void fileHashedBySshKeygenIsMatchedByLookup() throws Exception {
        PKey a = newKey("a");
        PKey b = newKey("b");
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "a.example.com,10.1.2.3 " + a.publicKeyLine() + "\n[b.example.com]:2222 " + b.publicKeyLine() + "\n");
        assertThat(SshKeygen.keygen("-H", "-f", file.toString()).exit()).isZero();
        assertThat(Files.readString(file)).doesNotContain("example.com");

        HostKeys keys = new HostKeys(file);
        assertThat(keys.check("a.example.com", a)).isTrue();
        assertThat(keys.check("10.1.2.3", a)).isTrue();
        assertThat(keys.check("[b.example.com]:2222", b)).isTrue();
        assertThat(keys.lookup("b.example.com")).isEmpty();
    }

    @Test
    void sshKeygenRemovesAHostFromAFileWeSaved() throws Exception {
        PKey a = newKey("a");
        PKey b = newKey("b");
        HostKeys keys = new HostKeys();
        keys.add("a.example.com", "ssh-ed25519", a);
        keys.add(HostKeys.hashHost("b.example.com"), "ssh-ed25519", b);
        Path file = dir.resolve("known_hosts");
        keys.save(file);

        assertThat(SshKeygen.keygen("-R", "b.example.com", "-f", file.toString()).exit()).isZero();

        HostKeys after = new HostKeys(file);
        assertThat(after.lookup("b.example.com")).isEmpty();
        assertThat(after.check("a.example.com", a)).isTrue();
    }
}
