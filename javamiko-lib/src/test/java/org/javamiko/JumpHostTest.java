package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.javamiko.transport.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Connecting to a host through a jump host: SSH over a direct-tcpip channel of another connection. */
class JumpHostTest {
    @RegisterExtension
    static final OpenSshServer jump = OpenSshServer.builder().build();

    @RegisterExtension
    static final OpenSshServer target = OpenSshServer.builder().freshHostKeys().build();

    @TempDir
    static Path dir;

    @Test
    void connectsThroughADirectTcpipChannel() throws IOException {
        Path key = KeySet.clientKeys().ed25519();
        try (SshClient viaJump = Connect.connected(jump, dir, key)) {
            Channel tunnel = viaJump.getTransport().openChannel("direct-tcpip",
                    new InetSocketAddress(target.host(), target.port()), new InetSocketAddress("127.0.0.1", 0));
            try (SshClient client = Connect.trusting(target, dir)) {
                client.connect(target.host(), Connect.withKey(target, key).sock(tunnel).build());

                assertThat(client.run("echo behind the jump host").stdout()).isEqualTo("behind the jump host\n");
                assertThat(client.getTransport().getRemoteServerKey().getBase64())
                        .isEqualTo(target.hostPublicKeys().get(0).split(" ")[1]);
            }
            assertThat(viaJump.run("echo still here").stdout()).isEqualTo("still here\n");
        }
    }
}
