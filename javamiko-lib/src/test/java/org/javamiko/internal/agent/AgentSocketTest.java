package org.javamiko.internal.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

import org.javamiko.SshException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent connection's framing and bounds, against a scripted agent on a Unix-domain socket. */
class AgentSocketTest {
    @TempDir
    Path dir;

    private ServerSocketChannel server;
    private Path path;

    @BeforeEach
    void listen() throws IOException {
        path = dir.resolve("fake-agent.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(path));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    /** Connects, lets the scripted agent read one framed request and write {@code answer} raw. */
    private AgentSocket connectAnswering(byte[] answer) throws IOException {
        AgentSocket socket = AgentSocket.connect(path, Duration.ofSeconds(30));
        Thread agent = new Thread(() -> {
            try (SocketChannel peer = server.accept()) {
                ByteBuffer request = ByteBuffer.allocate(5);
                while (request.hasRemaining() && peer.read(request) >= 0) {
                    // read the 4-byte length and the 1-byte request
                }
                peer.write(ByteBuffer.wrap(answer));
            } catch (IOException e) {
                // the test sees the effect on its side
            }
        });
        agent.setDaemon(true);
        agent.start();
        return socket;
    }

    @Test
    void sendsAFramedRequestAndReadsTheFramedReply() throws IOException {
        try (AgentSocket socket = connectAnswering(new byte[] {0, 0, 0, 2, 12, 0})) {
            assertThat(socket.request(new byte[] {11})).containsExactly(12, 0);
        }
    }

    @Test
    void anOversizedReplyLengthIsRefusedBeforeAllocating() throws IOException {
        try (AgentSocket socket = connectAnswering(new byte[] {(byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff})) {
            assertThatThrownBy(() -> socket.request(new byte[] {11}))
                    .isInstanceOf(SshException.class).hasMessageContaining("2147483647 bytes");
        }
    }

    @Test
    void anEmptyReplyIsRefused() throws IOException {
        try (AgentSocket socket = connectAnswering(new byte[] {0, 0, 0, 0})) {
            assertThatThrownBy(() -> socket.request(new byte[] {11}))
                    .isInstanceOf(SshException.class).hasMessageContaining("reply of 0 bytes");
        }
    }

    @Test
    void anAgentClosingMidReplyIsAnEndOfFile() throws IOException {
        try (AgentSocket socket = connectAnswering(new byte[] {0, 0, 0, 9, 12})) {
            assertThatThrownBy(() -> socket.request(new byte[] {11})).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void aSilentAgentTimesOut() throws IOException {
        try (AgentSocket socket = AgentSocket.connect(path, Duration.ofMillis(200));
             SocketChannel silent = server.accept()) {
            assertThatThrownBy(() -> socket.request(new byte[] {11}))
                    .isInstanceOf(SocketTimeoutException.class).hasMessageContaining("did not answer");
        }
    }

    @Test
    void anOversizedRequestIsRefusedBeforeSending() throws IOException {
        try (AgentSocket socket = AgentSocket.connect(path, Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> socket.request(new byte[AgentSocket.MAX_MESSAGE + 1]))
                    .isInstanceOf(SshException.class).hasMessageContaining("1 to 262144 allowed");
        }
    }
}
