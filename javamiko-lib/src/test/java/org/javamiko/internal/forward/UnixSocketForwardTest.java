package org.javamiko.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.javamiko.PortForward;
import org.javamiko.SshClient;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Unix socket forwarding (direct-streamlocal and streamlocal-forward@openssh.com) through a real sshd. */
class UnixSocketForwardTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().option("AllowStreamLocalForwarding", "yes").build();

    @TempDir
    static Path dir;

    private static SshClient client() throws IOException {
        return Connect.connected(sshd, dir, KeySet.clientKeys().ed25519());
    }

    @Test
    void localToUnixSocketMovesTwoHundredFiftySixMebibytesUnchanged() throws Exception {
        Path path = dir.resolve("digest.sock");
        try (ServerSocketChannel server = unixServer(path); SshClient client = client();
             PortForward forward = client.forwardLocalToUnixSocket("127.0.0.1", 0, path.toString())) {
            Thread answer = new Thread(() -> answerDigestOnce(server));
            answer.setDaemon(true);
            answer.start();
            Sockets.assertBigTransferArrives(forward.boundPort());
        }
    }

    @Test
    void remoteFromUnixSocketReachesALocalPortUntilClosed() throws Exception {
        Path path = dir.resolve("remote.sock");
        try (TcpServer echo = TcpServer.echo(); SshClient client = client()) {
            PortForward forward = client.forwardRemoteFromUnixSocket(path.toString(), "127.0.0.1", echo.port());
            assertThat(forward.bindHost()).isEqualTo(path.toString());
            try (SocketChannel s = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
                s.write(ByteBuffer.wrap("through a unix socket\n".getBytes(StandardCharsets.US_ASCII)));
                s.shutdownOutput();
                assertThat(new String(Channels.newInputStream(s).readAllBytes(), StandardCharsets.US_ASCII))
                        .isEqualTo("through a unix socket\n");
            }
            forward.close();
            assertThatThrownBy(() -> SocketChannel.open(UnixDomainSocketAddress.of(path)).close())
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aRefusedSocketPathDropsTheConnectionOnly() throws IOException {
        try (SshClient client = client();
             PortForward forward = client.forwardLocalToUnixSocket("127.0.0.1", 0, dir.resolve("absent.sock").toString());
             Socket s = Sockets.connect(forward.boundPort())) {
            assertThat(s.getInputStream().read()).isEqualTo(-1);
            assertThat(client.run("echo still connected").stdout()).isEqualTo("still connected\n");
        }
    }

    private static ServerSocketChannel unixServer(Path path) throws IOException {
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        return server;
    }

    private static void answerDigestOnce(ServerSocketChannel server) {
        try (SocketChannel s = server.accept()) {
            InputStream in = Channels.newInputStream(s);
            OutputStream out = Channels.newOutputStream(s);
            Digests.answerDigest(in, out);
            s.shutdownOutput();
        } catch (IOException ignored) {
            // the sender sees the connection end without a digest and fails there
        }
    }
}
