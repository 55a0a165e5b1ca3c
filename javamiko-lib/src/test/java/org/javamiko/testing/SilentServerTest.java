package org.javamiko.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves {@link SilentServer} with OpenSSH's {@code ssh} and a plain socket. */
class SilentServerTest {

    @TempDir
    Path tempDir;

    /** A SilentServer as ssh sees it: an address without host keys, so nothing is trusted. */
    private record Unkeyed(String host, int port) implements SshTestServer {
        @Override
        public String user() {
            return "nobody";
        }

        @Override
        public List<String> hostPublicKeys() {
            return List.of();
        }
    }

    private OpenSshClient sshTo(SilentServer server) {
        return OpenSshClient.to(new Unkeyed(server.host(), server.port()), tempDir);
    }

    @Test
    void silentMakesSshTimeOutDuringTheBannerExchange() throws IOException {
        try (SilentServer server = SilentServer.silent()) {
            ExternalCommand.Result result = sshTo(server).option("ConnectTimeout", "1").run("true");

            assertThat(result.exitCode()).isEqualTo(255);
            assertThat(result.stderr()).contains("Connection timed out during banner exchange");
            assertThat(server.acceptedConnections()).isEqualTo(1);
        }
    }

    @Test
    void bannerOnlyLeavesSshWaitingForKexinit() {
        try (SilentServer server = SilentServer.bannerOnly()) {
            OpenSshClient ssh = sshTo(server).verbose().timeout(Duration.ofSeconds(3));

            // ssh has no timeout for the key exchange itself, so it hangs until it is killed.
            assertThatThrownBy(() -> ssh.run("true"))
                    .hasMessageContaining("did not finish")
                    .hasMessageContaining("remote software version SilentServer_1.0")
                    .hasMessageNotContaining("SSH2_MSG_KEXINIT received");
        }
    }

    @Test
    void preBannerLinesArriveBeforeTheBanner() {
        try (SilentServer server = SilentServer.preBannerLines(2)) {
            OpenSshClient ssh = sshTo(server).verbose().timeout(Duration.ofSeconds(3));

            assertThatThrownBy(() -> ssh.run("true"))
                    .hasMessageContaining("did not finish")
                    .hasMessageContaining("banner line 0: pre-banner line 1")
                    .hasMessageContaining("banner line 1: pre-banner line 2")
                    .hasMessageContaining("remote software version SilentServer_1.0");
        }
    }

    @Test
    void sendsExactlyTheGreetingAndThenNothing() throws IOException {
        try (SilentServer server = SilentServer.preBannerLines(1);
                Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), 2_000);
            socket.setSoTimeout(300);
            InputStream in = socket.getInputStream();
            String expected = "pre-banner line 1\r\n" + SilentServer.BANNER + "\r\n";

            assertThat(new String(in.readNBytes(expected.length()), StandardCharsets.ISO_8859_1)).isEqualTo(expected);
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void closeStopsListening() {
        SilentServer server = SilentServer.silent();
        int port = server.port();

        server.close();

        assertThatThrownBy(() -> new Socket(server.host(), port).close()).isInstanceOf(IOException.class);
    }
}
