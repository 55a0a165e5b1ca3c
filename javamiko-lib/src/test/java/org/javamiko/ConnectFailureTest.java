package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;

import org.javamiko.testing.Connect;
import org.javamiko.testing.MinaServer;
import org.javamiko.testing.SilentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How connect fails against servers that are silent, slow, absent or misbehave: clearly, and in bounded time. */
class ConnectFailureTest {
    @TempDir
    static Path dir;

    /** Short timeouts, for the tests that expect one to pass. */
    private static ConnectOptions.Builder quick(int port) {
        return patient(port).bannerTimeout(Duration.ofMillis(500)).authTimeout(Duration.ofSeconds(1));
    }

    /** Timeouts long enough never to pass on a busy machine, for the tests that expect another failure. */
    private static ConnectOptions.Builder patient(int port) {
        return ConnectOptions.builder().port(port).username("nobody").password("x").lookForKeys(false)
                .allowAgent(false).bannerTimeout(Duration.ofSeconds(20)).authTimeout(Duration.ofSeconds(30));
    }

    @Test
    void aSilentServerEndsInABannerTimeout() {
        try (SilentServer server = SilentServer.silent(); SshClient client = new SshClient()) {
            assertThatThrownBy(() -> client.connect(server.host(), quick(server.port()).build()))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("banner");
        }
    }

    @Test
    void aServerSilentAfterItsBannerEndsInAKeyExchangeTimeout() {
        try (SilentServer server = SilentServer.bannerOnly(); SshClient client = new SshClient()) {
            assertThatThrownBy(() -> client.connect(server.host(), quick(server.port()).build()))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("key exchange");
        }
    }

    @Test
    void linesBeforeTheBannerAreTolerated() {
        try (SilentServer server = SilentServer.preBannerLines(100); SshClient client = new SshClient()) {
            assertThatThrownBy(() -> client.connect(server.host(), quick(server.port()).build()))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("key exchange");
        }
    }

    @Test
    void tooManyLinesBeforeTheBannerAreRefused() {
        try (SilentServer server = SilentServer.preBannerLines(101); SshClient client = new SshClient()) {
            assertThatThrownBy(() -> client.connect(server.host(), patient(server.port()).build()))
                    .isInstanceOf(SshException.class)
                    .hasMessageContaining("more than 100 lines");
        }
    }

    @Test
    void anSsh1ServerIsRefusedByVersion() {
        try (SilentServer server = SilentServer.sending("SSH-1.5-Ancient\r\n"); SshClient client = new SshClient()) {
            assertThatThrownBy(() -> client.connect(server.host(), patient(server.port()).build()))
                    .isInstanceOf(SshException.class)
                    .hasMessageContaining("unsupported protocol version");
        }
    }

    @Test
    void aStallingMinaServerEndsInATimeout() {
        try (MinaServer server = MinaServer.builder().stallAfterBanner().start(); SshClient client = new SshClient()) {
            assertThatThrownBy(() -> client.connect(server.host(), quick(server.port()).build()))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aDisconnectDuringKeyExchangeCarriesTheServersReason() {
        try (MinaServer server = MinaServer.builder().disconnectDuringKex().start(); SshClient client = new SshClient()) {
            assertThatThrownBy(() -> client.connect(server.host(), patient(server.port()).build()))
                    .isInstanceOf(SshException.class)
                    .hasMessageContaining("disconnected")
                    .hasMessageContaining("key exchange failed");
        }
    }

    @Test
    void aConnectionDroppedDuringKeyExchangeFailsClearly() {
        try (MinaServer server = MinaServer.builder().dropConnectionDuringKex().start(); SshClient client = new SshClient()) {
            assertThatThrownBy(() -> client.connect(server.host(), patient(server.port()).build()))
                    .isInstanceOf(SshException.class)
                    .hasMessageContaining("closed by the server");
        }
    }

    @Test
    void anAuthenticationReplyThatNeverComesEndsInTheAuthTimeout() {
        try (MinaServer slow = MinaServer.builder().configure(s -> s.setPasswordAuthenticator((user, password, session) -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        })).start(); SshClient client = Connect.trusting(slow, dir)) {
            // The auth timeout also bounds the key exchange: long enough for a busy machine's kex,
            // far shorter than the server's wait.
            assertThatThrownBy(() -> client.connect(slow.host(), quick(slow.port()).username(slow.user())
                    .authTimeout(Duration.ofSeconds(4)).build()))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("authentication reply");
        }
    }

    @Test
    void aRefusedPortGivesNoValidConnections() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (SshClient client = new SshClient()) {
            assertThatThrownBy(() -> client.connect("127.0.0.1", patient(port).build()))
                    .isInstanceOfSatisfying(NoValidConnectionsException.class,
                            e -> assertThat(e.errors()).hasSize(1));
        }
    }
}
