package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A pool meeting sshd's {@code MaxSessions 2}: the third channel at once gets a second connection. */
class SshClientPoolMaxSessionsTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().option("MaxSessions", "2").build();

    @TempDir
    static Path dir;

    @Test
    void aRefusedSessionOpensASecondConnection() throws IOException {
        Path knownHosts = sshd.writeKnownHosts(dir.resolve("known_hosts"));
        ConnectOptions options = Connect.withKey(sshd, KeySet.clientKeys().ed25519()).build();
        List<ExecStreams> running = new ArrayList<>();
        try (SshClientPool pool = SshClientPool.builder()
                .clientSetup((host, client) -> client.loadSystemHostKeys(knownHosts)).build()) {
            for (int i = 0; i < 3; i++) {
                running.add(pool.execCommand(sshd.host(), options, "cat",
                        ExecOptions.builder().timeout(Duration.ofSeconds(30)).build()));
            }

            assertThat(pool.openConnections()).isEqualTo(2);
            for (ExecStreams s : running) {
                s.stdin().write("hi\n".getBytes(StandardCharsets.UTF_8));
                s.stdin().close();
                assertThat(new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hi\n");
                assertThat(s.channel().recvExitStatus()).isZero();
            }
        } finally {
            running.forEach(ExecStreams::close);
        }
    }
}
