package org.javamiko.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.javamiko.SshClient;
import org.javamiko.SshException;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Remote port forwarding (ssh -R) through a real sshd. */
class PortForwardTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @RegisterExtension
    static final OpenSshServer noForwarding = OpenSshServer.builder().option("AllowTcpForwarding", "no").build();

    @TempDir
    static Path dir;

    @Test
    void connectionsToTheServersPortReachALocalEchoServer() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             SshClient client = Connect.connected(sshd, dir, KeySet.clientKeys().ed25519())) {
            Thread echoThread = new Thread(() -> echoOnce(echo));
            echoThread.setDaemon(true);
            echoThread.start();
            int port = client.getTransport().requestPortForward("127.0.0.1", 0,
                    PortForwardHandler.toLocal(new InetSocketAddress(InetAddress.getLoopbackAddress(), echo.getLocalPort())));

            try (Socket viaServer = new Socket("127.0.0.1", port)) {
                viaServer.setSoTimeout(20_000);
                viaServer.getOutputStream().write("ping through sshd\n".getBytes(StandardCharsets.UTF_8));
                viaServer.shutdownOutput();
                assertThat(new String(viaServer.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("ping through sshd\n");
            }
            client.getTransport().cancelPortForward("127.0.0.1", port);
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aServerThatForbidsForwardingRefusesClearly() throws IOException {
        try (SshClient client = Connect.connected(noForwarding, dir, KeySet.clientKeys().ed25519())) {
            assertThatThrownBy(() -> client.getTransport().requestPortForward("127.0.0.1", 0, (c, o, s) -> c.close()))
                    .isInstanceOf(SshException.class).hasMessageContaining("refused to listen");
        }
    }

    private static void echoOnce(ServerSocket server) {
        try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the test's assertion reports the failure
        }
    }
}
