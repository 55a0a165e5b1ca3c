package org.javamiko.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.javamiko.SshClient;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A host key type already known for a host is asked for first, as OpenSSH does. */
class HostKeyOrderTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    Path dir;

    @Test
    void onlyTheRsaKeyKnownMeansRsaIsNegotiated() throws IOException {
        String rsaLine = sshd.knownHostsLines().stream().filter(l -> l.contains(" ssh-rsa ")).findFirst().orElseThrow();
        Path knownHosts = Files.write(dir.resolve("known_hosts"), List.of(rsaLine));
        try (SshClient client = new SshClient()) {
            client.loadSystemHostKeys(knownHosts);
            client.connect(sshd.host(), Connect.withKey(sshd, KeySet.clientKeys().ed25519()).build());

            assertThat(client.getTransport().getNegotiated().hostKeyAlgorithm()).isEqualTo("rsa-sha2-512");
        }
    }
}
