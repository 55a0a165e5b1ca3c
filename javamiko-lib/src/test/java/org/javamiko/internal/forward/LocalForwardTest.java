package org.javamiko.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.javamiko.PortForward;
import org.javamiko.SshClient;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** ssh -L ({@link SshClient#forwardLocal}) through a real sshd. */
class LocalForwardTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().option("MaxSessions", "200").build();

    @TempDir
    static Path dir;

    private static SshClient client() throws IOException {
        return Connect.connected(sshd, dir, KeySet.clientKeys().ed25519());
    }

    @Test
    void movesTwoHundredFiftySixMebibytesUnchanged() throws IOException, InterruptedException {
        try (TcpServer digest = TcpServer.digest(); SshClient client = client();
             PortForward forward = client.forwardLocal("127.0.0.1", 0, "127.0.0.1", digest.port())) {
            Sockets.assertBigTransferArrives(forward.boundPort());
        }
    }

    @Test
    void carriesAHundredConcurrentConnections() throws IOException, InterruptedException {
        try (TcpServer echo = TcpServer.echo(); SshClient client = client();
             PortForward forward = client.forwardLocal("127.0.0.1", 0, "127.0.0.1", echo.port())) {
            Sockets.assertConcurrentEchoes(forward.boundPort());
        }
    }

    @Test
    void outlivesItsConnections() throws IOException, InterruptedException {
        try (TcpServer echo = TcpServer.echo(); SshClient client = client();
             PortForward forward = client.forwardLocal("", 0, "localhost", echo.port())) {
            assertThat(Sockets.echo(forward.boundPort(), "first\n")).isEqualTo("first\n");
            assertThat(Sockets.echo(forward.boundPort(), "second\n")).isEqualTo("second\n");
            assertThat(forward.bindHost()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void closingItEndsItsConnectionsAndTheListener() throws IOException, InterruptedException {
        try (TcpServer echo = TcpServer.echo(); SshClient client = client()) {
            PortForward forward = client.forwardLocal("127.0.0.1", 0, "127.0.0.1", echo.port());
            Sockets.assertCloseEndsConnections(forward, forward.boundPort());
            Sockets.assertNothingListens(forward.boundPort());
        }
    }

    @Test
    void closingTheClientClosesEveryForwarding() throws IOException, InterruptedException {
        try (TcpServer echo = TcpServer.echo()) {
            SshClient client = client();
            PortForward first = client.forwardLocal("127.0.0.1", 0, "127.0.0.1", echo.port());
            PortForward second = client.forwardDynamic("127.0.0.1", 0);
            client.close();
            Sockets.assertNothingListens(first.boundPort());
            Sockets.assertNothingListens(second.boundPort());
        }
    }

    @Test
    void aRefusedDestinationDropsOnlyThatConnection() throws IOException, InterruptedException {
        try (TcpServer echo = TcpServer.echo(); SshClient client = client()) {
            int closedPort;
            try (TcpServer gone = TcpServer.echo()) {
                closedPort = gone.port();
            }
            try (PortForward nowhere = client.forwardLocal("127.0.0.1", 0, "127.0.0.1", closedPort);
                 java.net.Socket s = Sockets.connect(nowhere.boundPort())) {
                assertThat(s.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(client.run("echo still connected").stdout()).isEqualTo("still connected\n");
        }
    }
}
