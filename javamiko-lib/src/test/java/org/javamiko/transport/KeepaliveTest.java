package org.javamiko.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.javamiko.SshClient;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Keepalives both ways, and idle connections that must survive them. */
class KeepaliveTest {
    /** sshd asks every second whether we are alive, and hangs up after two unanswered asks. */
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder()
            .option("ClientAliveInterval", "1").option("ClientAliveCountMax", "2").build();

    @TempDir
    Path dir;

    private SshClient connect() throws IOException {
        return Connect.connected(sshd, dir, KeySet.clientKeys().ed25519());
    }

    @Test
    void theServersKeepaliveRequestsAreAnsweredSoAnIdleConnectionSurvives() throws Exception {
        try (SshClient client = connect()) {
            Thread.sleep(4000); // an idle connection, not a timing assertion: sshd would hang up after 3 s
            assertThat(client.run("echo alive").stdout()).isEqualTo("alive\n");
        }
    }

    @Test
    void ourKeepalivesReachTheServer() throws Exception {
        try (SshClient client = connect()) {
            client.getTransport().setKeepalive(Duration.ofMillis(200));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!sshd.log().contains("rtype keepalive@openssh.com") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(sshd.log()).contains("rtype keepalive@openssh.com want_reply 0");
        }
    }
}
