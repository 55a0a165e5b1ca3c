package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What the user is told when OpenSSH's sshd refuses a session channel beyond its MaxSessions. */
class SshClientSessionLimitTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().option("MaxSessions", "1").build();

    @TempDir
    static Path dir;

    @Test
    void aSessionBeyondMaxSessionsNamesTheServersLimit() throws IOException {
        try (SshClient client = Connect.connected(sshd, dir, KeySet.clientKeys().ed25519());
                ExecStreams first = client.execCommand("cat")) {
            assertThatThrownBy(() -> client.execCommand("true"))
                    .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.code()).isEqualTo(2))
                    .hasMessageContaining("open failed")
                    .hasMessageContaining("OpenSSH MaxSessions");
            first.stdin().close();
            assertThat(first.channel().recvExitStatus()).isZero();
        }
    }
}
