package org.javamiko.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.javamiko.PortForward;
import org.javamiko.SshClient;
import org.javamiko.SshException;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** ssh -R ({@link SshClient#forwardRemote}) through a real sshd. */
class RemoteForwardTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @RegisterExtension
    static final OpenSshServer localOnly = OpenSshServer.builder().option("AllowTcpForwarding", "local").build();

    @TempDir
    static Path dir;

    private static SshClient client(OpenSshServer server) throws IOException {
        return Connect.connected(server, dir, KeySet.clientKeys().ed25519());
    }

    @Test
    void movesTwoHundredFiftySixMebibytesUnchanged() throws IOException {
        try (TcpServer digest = TcpServer.digest(); SshClient client = client(sshd);
             PortForward forward = client.forwardRemote("127.0.0.1", 0, "127.0.0.1", digest.port())) {
            Sockets.assertBigTransferArrives(forward.boundPort());
        }
    }

    @Test
    void portZeroGivesTheServersChoiceAndCarriesAHundredConcurrentConnections() throws IOException {
        try (TcpServer echo = TcpServer.echo(); SshClient client = client(sshd);
             PortForward forward = client.forwardRemote("127.0.0.1", 0, "127.0.0.1", echo.port())) {
            assertThat(forward.boundPort()).isPositive();
            assertThat(forward.bindHost()).isEqualTo("127.0.0.1");
            Sockets.assertConcurrentEchoes(forward.boundPort());
        }
    }

    @Test
    void closingItCancelsTheServersListenerAndEndsItsConnections() throws Exception {
        try (TcpServer echo = TcpServer.echo(); SshClient client = client(sshd)) {
            PortForward forward = client.forwardRemote("127.0.0.1", 0, "127.0.0.1", echo.port());
            Sockets.assertCloseEndsConnections(forward, forward.boundPort());
            Sockets.assertNothingListens(forward.boundPort());
            assertThat(client.run("echo still connected").stdout()).isEqualTo("still connected\n");
        }
    }

    @Test
    void aServerThatAllowsOnlyLocalForwardingRefusesClearly() throws IOException {
        try (SshClient client = client(localOnly)) {
            assertThatThrownBy(() -> client.forwardRemote("127.0.0.1", 0, "127.0.0.1", 9))
                    .isInstanceOf(SshException.class).hasMessageContaining("refused to listen");
        }
    }

    @Test
    void pastTheLimitOnServerOpenedChannelsAConnectionIsRefusedAndTheOpenOnesGoOn() throws IOException {
        try (TcpServer echo = TcpServer.echo(); SshClient client = client(sshd);
             PortForward forward = client.forwardRemote("127.0.0.1", 0, "127.0.0.1", echo.port())) {
            client.getTransport().setMaxServerOpenedChannels(2);
            try (Socket first = openEcho(forward.boundPort()); Socket second = openEcho(forward.boundPort());
                 Socket third = Sockets.connect(forward.boundPort())) {
                third.setSoTimeout(10_000);
                assertThat(Sockets.endOfStreamOrReset(third.getInputStream())).isTrue();
                assertThat(roundTrip(first, "still\n")).isEqualTo("still\n");
                assertThat(roundTrip(second, "there\n")).isEqualTo("there\n");
            }
        }
    }

    /** A connection through the forwarding that has answered once, so its channel is open. */
    private static Socket openEcho(int port) throws IOException {
        Socket s = Sockets.connect(port);
        s.setSoTimeout(10_000);
        assertThat(roundTrip(s, "hello\n")).isEqualTo("hello\n");
        return s;
    }

    private static String roundTrip(Socket s, String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
        s.getOutputStream().write(bytes);
        return new String(s.getInputStream().readNBytes(bytes.length), StandardCharsets.US_ASCII);
    }
}
