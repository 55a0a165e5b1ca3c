package org.javamiko.transport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

import org.javamiko.SshClient;
import org.javamiko.SshException;
import org.javamiko.testing.Connect;
import org.javamiko.testing.FaultProxy;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A man in the middle slips a plaintext message into sshd's stream before the first NEWKEYS (the
 * Terrapin attack's move). With strict key exchange agreed, as OpenSSH 9.6+ and Debian's 9.2
 * agree with us, each is the end of the connection, never a message acted on. (Strict kex also
 * resets the sequence numbers at every NEWKEYS: every connection to sshd proves ours do, since a
 * count one off fails the first MAC.)
 */
class InjectedMessageTest {
    private static final Duration SHORT = Duration.ofSeconds(5);
    private static final byte[] IGNORE = {2, 0, 0, 0, 1, 'x'};
    private static final byte[] USERAUTH_SUCCESS = {52};
    private static final int KEXINIT = 20;
    private static final int ECDH_REPLY = 31;

    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    Path dir;

    private FaultProxy proxy;

    @BeforeEach
    void startTheProxy() throws IOException {
        proxy = new FaultProxy(sshd.port());
    }

    @AfterEach
    void stopTheProxy() throws IOException {
        proxy.close();
    }

    private void connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", proxy.port()), 5000);
        try (SshClient client = Connect.trusting(sshd, dir)) {
            client.connect(sshd.host(), Connect.withKey(sshd, KeySet.clientKeys().ed25519()).sock(socket)
                    .bannerTimeout(SHORT).authTimeout(SHORT).channelTimeout(SHORT).build());
        }
    }

    @Test
    void theProxyAloneLetsTheConnectionThrough() throws IOException {
        connect();
    }

    @Test
    void anIgnoreBeforeTheServersKexInitEndsTheConnection() {
        proxy.insertPacketAfter(0, IGNORE);
        assertThatThrownBy(this::connect).isInstanceOf(SshException.class)
                .hasMessageContaining("Strict key exchange violated").hasMessageContaining("before its KEXINIT");
    }

    @Test
    void anIgnoreAfterTheServersKexInitEndsTheConnection() {
        proxy.insertPacketAfter(KEXINIT, IGNORE);
        assertThatThrownBy(this::connect).isInstanceOf(SshException.class)
                .hasMessageContaining("Strict key exchange violated").hasMessageContaining("message 2");
    }

    @Test
    void anIgnoreBetweenTheKexReplyAndNewKeysEndsTheConnection() {
        proxy.insertPacketAfter(ECDH_REPLY, IGNORE);
        assertThatThrownBy(this::connect).isInstanceOf(SshException.class)
                .hasMessageContaining("Strict key exchange violated");
    }

    @Test
    void anAuthenticationSuccessBeforeNewKeysIsAProtocolError() {
        proxy.insertPacketAfter(KEXINIT, USERAUTH_SUCCESS);
        assertThatThrownBy(this::connect).isInstanceOf(SshException.class)
                .hasMessageContaining("message 52").hasMessageContaining("before the first key exchange finished");
    }
}
