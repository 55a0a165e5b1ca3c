package org.javamiko.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.javamiko.PortForward;

/** What the forwarding tests do from the client's end of a forwarded connection. */
final class Sockets {
    static final int TIMEOUT_MS = 60_000;
    static final int CONCURRENT = 100;
    static final Duration CLOSE_BOUND = Duration.ofSeconds(5);

    private Sockets() {
    }

    static Socket connect(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(TIMEOUT_MS);
        return s;
    }

    /** Sends 256 MiB to a digest server through {@code port}; asserts it got exactly those bytes. */
    static void assertBigTransferArrives(int port) throws IOException {
        try (Socket s = connect(port)) {
            assertBigTransferArrives(s);
        }
    }

    static void assertBigTransferArrives(Socket s) throws IOException {
        String sent = Digests.send(s.getOutputStream(), Digests.BIG);
        s.shutdownOutput();
        String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(answer).isEqualTo(Digests.BIG + " " + sent + "\n");
    }

    /** How a test reaches the forwarding. */
    interface Connector {
        Socket connect() throws IOException;
    }

    /** Opens {@link #CONCURRENT} connections to an echo server through {@code port}, all at once. */
    static void assertConcurrentEchoes(int port) throws IOException {
        assertConcurrentEchoes(() -> connect(port));
    }

    /** Opens {@link #CONCURRENT} connections to an echo server, all at once. */
    static void assertConcurrentEchoes(Connector connector) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < CONCURRENT; i++) {
                Socket s = connector.connect();
                s.setSoTimeout(TIMEOUT_MS);
                sockets.add(s);
                s.getOutputStream().write(("connection " + i + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            for (int i = 0; i < CONCURRENT; i++) {
                Socket s = sockets.get(i);
                s.shutdownOutput();
                assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                        .isEqualTo("connection " + i + "\n");
            }
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /** One echo round trip, ending with a half-close. */
    static String echo(int port, String text) throws IOException {
        try (Socket s = connect(port)) {
            s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Asserts that an open, idle connection through {@code forward} ends when the forward closes, and no new one gets in. */
    static void assertCloseEndsConnections(PortForward forward, int clientPort) throws IOException {
        try (Socket s = connect(clientPort)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            assertThat(new String(in.readNBytes(6), StandardCharsets.US_ASCII)).isEqualTo("hello\n");
            forward.close();
            assertThat(endOfStreamOrReset(in)).isTrue();
        }
    }

    /**
     * Asserts that within a few seconds nothing listens on {@code port} any more (the JDK closes a
     * listening socket that a thread is blocked accepting on only once that thread has left accept).
     */
    static void assertNothingListens(int port) throws InterruptedException {
        long deadline = System.nanoTime() + CLOSE_BOUND.toNanos();
        while (accepts(port)) {
            assertThat(System.nanoTime()).as("port %d still accepts after %s", port, CLOSE_BOUND).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    static boolean endOfStreamOrReset(InputStream in) throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }
}
