package org.javamiko.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.session.ServerUserAuthService;
import org.javamiko.ConnectOptions;
import org.javamiko.SshClient;
import org.javamiko.SshException;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.MinaServer;
import org.javamiko.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a session starts: what it sends without waiting for the server. */
class SshSessionStartTest {
    @TempDir
    static Path dir;

    @Test
    void kexInitIsSentBeforeTheServersIdentificationArrives() throws Exception {
        // A server that reads what the client sends and never says a word itself.
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             Transport t = new Transport(new Socket("127.0.0.1", listener.getLocalPort()));
             Socket server = listener.accept()) {
            t.setBannerTimeout(Duration.ofSeconds(30));
            t.beginStartClient();
            server.setSoTimeout(10_000);
            byte[] ident = (SessionConfig.CLIENT_VERSION + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] received = readExactly(server.getInputStream(), ident.length + 6);
            assertThat(Arrays.copyOf(received, ident.length)).isEqualTo(ident);
            // uint32 packet_length, byte padding_length, then the payload's type: SSH_MSG_KEXINIT
            assertThat(received[ident.length + 5]).isEqualTo((byte) Msg.KEXINIT);
        }
    }

    @Test
    void aHostKeySignatureThatDoesNotVerifyEndsTheStartBeforeAnyCredentialIsSent() throws Exception {
        KeyPairGenerator p256 = KeyPairGenerator.getInstance("EC");
        p256.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair shown = p256.generateKeyPair();
        KeyPair signing = p256.generateKeyPair(); // signs for the key it shows: the signature cannot verify
        AtomicInteger authRequests = new AtomicInteger();
        try (MinaServer impostor = MinaServer.builder().hostKeys(new KeyPair(shown.getPublic(), signing.getPrivate()))
                .configure(s -> s.setPasswordAuthenticator((user, password, session) -> authRequests.incrementAndGet() > 0))
                .start();
             SshClient client = Connect.trusting(impostor, dir)) {
            assertThatThrownBy(() -> client.connect(impostor.host(), ConnectOptions.builder().port(impostor.port())
                    .username(impostor.user()).password(impostor.password()).lookForKeys(false).allowAgent(false).build()))
                    .isInstanceOf(SshException.class)
                    .hasMessageContaining("signature over the key exchange is invalid");
        }
        assertThat(authRequests).hasValue(0);
    }

    @Test
    void aServerSendingLinesBeforeItsIdentificationStillLogsIn() throws IOException {
        try (MinaServer chatty = MinaServer.builder().configure(s -> CoreModuleProperties.SERVER_EXTRA_IDENTIFICATION_LINES
                .set(s, "Welcome to the test server|Lines before the identification are allowed")).start();
             SshClient client = Connect.connected(chatty, dir, KeySet.clientKeys().ed25519())) {
            assertThat(client.run("echo early").stdout()).isEqualTo("early\n");
        }
    }

    @Test
    void theUserauthServiceIsRequestedWithoutAnAuthenticationCall() throws Exception {
        try (MinaServer mina = MinaServer.builder().start();
             Transport t = new Transport(new Socket(mina.host(), mina.port()))) {
            t.startClient(Duration.ofSeconds(30));
            ServerSession session = (ServerSession) mina.sshServer().getActiveSessions().get(0);
            // Bounded: the request is on its way once startClient returns.
            for (int i = 0; i < 1000 && !hasUserauthService(session); i++) {
                Thread.sleep(10);
            }
            assertThat(hasUserauthService(session)).as("MINA runs the ssh-userauth service").isTrue();
        }
    }

    /** MINA throws instead of answering null while a session has no service at all. */
    private static boolean hasUserauthService(ServerSession session) {
        try {
            return session.getService(ServerUserAuthService.class) != null;
        } catch (IllegalStateException noServiceYet) {
            return false;
        }
    }

    private static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        assertThat(b).as("bytes the client sent").hasSize(n);
        return b;
    }
}
