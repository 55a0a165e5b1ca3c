package org.javamiko.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.javamiko.PortForward;
import org.javamiko.SshClient;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** ssh -D ({@link SshClient#forwardDynamic}): SOCKS 4, 4a and 5 through a real sshd. */
class DynamicForwardTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().option("MaxSessions", "200").build();

    @TempDir
    static Path dir;

    private static SshClient client() throws IOException {
        return Connect.connected(sshd, dir, KeySet.clientKeys().ed25519());
    }

    private static Socket viaJavaSocks(PortForward socks, String host, int port) throws IOException {
        Socket s = new Socket(new Proxy(Proxy.Type.SOCKS, new InetSocketAddress("127.0.0.1", socks.boundPort())));
        s.setSoTimeout(Sockets.TIMEOUT_MS);
        s.connect(InetSocketAddress.createUnresolved(host, port), Sockets.TIMEOUT_MS);
        return s;
    }

    @Test
    void movesTwoHundredFiftySixMebibytesUnchangedThroughJavaNetProxy() throws IOException {
        try (TcpServer digest = TcpServer.digest(); SshClient client = client();
             PortForward socks = client.forwardDynamic("127.0.0.1", 0);
             Socket s = viaJavaSocks(socks, "localhost", digest.port())) {
            Sockets.assertBigTransferArrives(s);
        }
    }

    @Test
    void carriesAHundredConcurrentConnections() throws IOException {
        try (TcpServer echo = TcpServer.echo(); SshClient client = client();
             PortForward socks = client.forwardDynamic("127.0.0.1", 0)) {
            Sockets.assertConcurrentEchoes(() -> viaJavaSocks(socks, "127.0.0.1", echo.port()));
        }
    }

    @Test
    void curlFetchesAPageWithSocks5Hostname() throws Exception {
        try (TcpServer http = new TcpServer(InetAddress.getLoopbackAddress(), DynamicForwardTest::answerHttp);
             SshClient client = client(); PortForward socks = client.forwardDynamic("127.0.0.1", 0)) {
            Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "30", "--socks5-hostname",
                    "127.0.0.1:" + socks.boundPort(), "http://localhost:" + http.port() + "/")
                    .redirectErrorStream(true).start();
            String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out).isEqualTo(PAGE);
        }
    }

    private static final String PAGE = "served behind the SOCKS proxy\n";

    /** Just enough HTTP/1.0 for curl: read the request head, answer one page. */
    private static void answerHttp(InputStream in, OutputStream out) throws IOException {
        BufferedReader request = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        for (String line = request.readLine(); line != null && !line.isEmpty(); line = request.readLine()) {
            // the headers say nothing this page depends on
        }
        out.write(("HTTP/1.0 200 OK\r\nContent-Length: " + PAGE.length() + "\r\nConnection: close\r\n\r\n" + PAGE)
                .getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void socks4aReachesANameTheServerResolves() throws IOException {
        try (TcpServer echo = TcpServer.echo(); SshClient client = client();
             PortForward socks = client.forwardDynamic("127.0.0.1", 0);
             Socket s = Sockets.connect(socks.boundPort())) {
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {4, 1, (byte) (echo.port() >> 8), (byte) echo.port(), 0, 0, 0, 1});
            out.write("user\0localhost\0".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new DataInputStream(s.getInputStream()).readNBytes(8);
            assertThat(reply[1]).isEqualTo((byte) 0x5a);
            assertEchoes(s);
        }
    }

    @Test
    void socks4ReachesAnIpv4Address() throws IOException {
        try (TcpServer echo = TcpServer.echo(); SshClient client = client();
             PortForward socks = client.forwardDynamic("127.0.0.1", 0);
             Socket s = Sockets.connect(socks.boundPort())) {
            s.getOutputStream().write(new byte[] {4, 1, (byte) (echo.port() >> 8), (byte) echo.port(), 127, 0, 0, 1, 0});
            assertThat(s.getInputStream().readNBytes(8)[1]).isEqualTo((byte) 0x5a);
            assertEchoes(s);
        }
    }

    @Test
    void socks5ReachesAnIpv6Address() throws IOException {
        InetAddress v6 = InetAddress.getByName("::1");
        try (ServerSocket probe = new ServerSocket(0, 1, v6)) {
            assumeTrue(probe.isBound(), "no IPv6 loopback");
        } catch (IOException noIpv6) {
            assumeTrue(false, "no IPv6 loopback: " + noIpv6);
        }
        try (TcpServer echo = TcpServer.echo(v6); SshClient client = client();
             PortForward socks = client.forwardDynamic("127.0.0.1", 0);
             Socket s = Sockets.connect(socks.boundPort())) {
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {5, 1, 0});
            assertThat(s.getInputStream().readNBytes(2)).containsExactly(5, 0);
            out.write(new byte[] {5, 1, 0, 4});
            out.write(v6.getAddress());
            out.write(new byte[] {(byte) (echo.port() >> 8), (byte) echo.port()});
            assertThat(s.getInputStream().readNBytes(10)[1]).isEqualTo((byte) 0);
            assertEchoes(s);
        }
    }

    @Test
    void aRefusedOpenGetsTheSocks5ConnectionRefusedReply() throws IOException {
        int closedPort = closedPort();
        try (SshClient client = client(); PortForward socks = client.forwardDynamic("127.0.0.1", 0);
             Socket s = Sockets.connect(socks.boundPort())) {
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {5, 1, 0});
            assertThat(s.getInputStream().readNBytes(2)).containsExactly(5, 0);
            out.write(new byte[] {5, 1, 0, 1, 127, 0, 0, 1, (byte) (closedPort >> 8), (byte) closedPort});
            byte[] reply = s.getInputStream().readNBytes(10);
            assertThat(reply[1]).as("SOCKS 5 reply code").isEqualTo((byte) 5);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aRefusedOpenGetsTheSocks4RejectedReply() throws IOException {
        int closedPort = closedPort();
        try (SshClient client = client(); PortForward socks = client.forwardDynamic("127.0.0.1", 0);
             Socket s = Sockets.connect(socks.boundPort())) {
            s.getOutputStream().write(new byte[] {4, 1, (byte) (closedPort >> 8), (byte) closedPort, 127, 0, 0, 1, 0});
            assertThat(s.getInputStream().readNBytes(8)[1]).isEqualTo((byte) 0x5b);
        }
    }

    @Test
    void aClientOfferingOnlyPasswordAuthenticationIsTurnedAway() throws IOException {
        try (SshClient client = client(); PortForward socks = client.forwardDynamic("127.0.0.1", 0);
             Socket s = Sockets.connect(socks.boundPort())) {
            s.getOutputStream().write(new byte[] {5, 1, 2});
            assertThat(s.getInputStream().readNBytes(2)).containsExactly(5, 0xff);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return gone.getLocalPort();
        }
    }

    private static void assertEchoes(Socket s) throws IOException {
        s.getOutputStream().write("through socks\n".getBytes(StandardCharsets.US_ASCII));
        s.shutdownOutput();
        assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("through socks\n");
    }
}
