package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** proxyJump through two OpenSSH sshd (A → B → C), each hop's host key checked like the target's. */
class ProxyJumpTest {
    @RegisterExtension
    static final OpenSshServer a = OpenSshServer.builder().build();

    @RegisterExtension
    static final OpenSshServer b = OpenSshServer.builder().freshHostKeys().build();

    @RegisterExtension
    static final OpenSshServer c = OpenSshServer.builder().freshHostKeys().build();

    @TempDir
    Path dir;

    private static String hop(OpenSshServer server) {
        return server.user() + "@" + server.host() + ":" + server.port();
    }

    private Path knownHosts(OpenSshServer... servers) throws IOException {
        List<String> lines = new ArrayList<>();
        for (OpenSshServer server : servers) {
            lines.addAll(Files.readAllLines(server.writeKnownHosts(Files.createTempFile(dir, "kh", ""))));
        }
        return Files.write(dir.resolve("known_hosts"), lines);
    }

    @Test
    void reachesTheTargetThroughTwoJumpHosts() throws IOException {
        Path key = KeySet.clientKeys().ed25519();
        try (SshClient client = new SshClient()) {
            client.loadSystemHostKeys(knownHosts(a, b, c));
            client.connect(c.host(), Connect.withKey(c, key).proxyJump(hop(a) + "," + hop(b)).build());

            assertThat(client.run("echo behind two hops").stdout()).isEqualTo("behind two hops\n");
            assertThat(client.getTransport().getRemoteServerKey().getBase64())
                    .isEqualTo(c.hostPublicKeys().get(0).split(" ")[1]);
        }
    }

    @Test
    void anUnknownHopHostKeyIsRefusedNamingTheHop() throws IOException {
        Path key = KeySet.clientKeys().ed25519();
        try (SshClient client = new SshClient()) {
            client.loadSystemHostKeys(knownHosts(a, c));
            assertThatThrownBy(() -> client.connect(c.host(),
                    Connect.withKey(c, key).proxyJump(hop(a) + "," + hop(b)).build()))
                    .isInstanceOf(ProxyCommandFailure.class).hasMessageContaining(":" + b.port())
                    .hasRootCauseInstanceOf(SshException.class);
        }
    }
}
