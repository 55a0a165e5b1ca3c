package org.javamiko.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A TCP server on {@code 127.0.0.1} that sends a fixed greeting to each connection and then
 * nothing, ever, while keeping the connection open: the peer for timeout tests.
 *
 * <ul>
 * <li>{@link #silent()}: sends nothing (a banner timeout);</li>
 * <li>{@link #bannerOnly()}: sends an SSH banner, then nothing (a key exchange timeout);</li>
 * <li>{@link #preBannerLines(int)}: sends lines before its banner, as RFC 4253 §4.2 allows.</li>
 * </ul>
 * It never reads what the client sends. It listens as soon as it is made; close it, or register
 * it in a static {@code @RegisterExtension} field to have it closed after the class's tests.
 */
public final class SilentServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    /** The identification line the banner-sending variants send. */
    public static final String BANNER = "SSH-2.0-SilentServer_1.0";

    private final byte[] greeting;
    private final ServerSocket listener;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final ClassScope scope = new ClassScope();

    private SilentServer(String greeting) {
        this.greeting = greeting.getBytes(StandardCharsets.ISO_8859_1);
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
        Thread acceptor = new Thread(this::acceptForever, "SilentServer-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server that accepts connections and never sends a byte. */
    public static SilentServer silent() {
        return new SilentServer("");
    }

    /** A server that sends {@value #BANNER} and CR LF, then nothing. */
    public static SilentServer bannerOnly() {
        return new SilentServer(BANNER + "\r\n");
    }

    /**
     * A server that sends {@code count} lines {@code pre-banner line 1} ... {@code pre-banner
     * line <count>}, each ending in CR LF, then {@value #BANNER} and CR LF, then nothing.
     */
    public static SilentServer preBannerLines(int count) {
        StringBuilder greeting = new StringBuilder();
        for (int line = 1; line <= count; line++) {
            greeting.append("pre-banner line ").append(line).append("\r\n");
        }
        return new SilentServer(greeting.append(BANNER).append("\r\n").toString());
    }

    /** A server that sends exactly {@code greeting} (ISO-8859-1 encoded), then nothing. */
    public static SilentServer sending(String greeting) {
        return new SilentServer(greeting);
    }

    /** Always {@code 127.0.0.1}. */
    public String host() {
        return "127.0.0.1";
    }

    /** The port it listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    /** How many connections it has accepted so far. */
    public int acceptedConnections() {
        return accepted.get();
    }

    private void acceptForever() {
        while (!listener.isClosed()) {
            try {
                Socket connection = listener.accept();
                connections.add(connection);
                accepted.incrementAndGet();
                connection.getOutputStream().write(greeting);
                connection.getOutputStream().flush();
            } catch (IOException e) {
                // Closed while accepting, or a client already gone: keep serving the others.
            }
        }
    }

    /** Stops listening and closes every connection it holds. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // Nothing left to do for a listener that cannot even close.
        }
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException e) {
                // Already broken: nothing to release.
            }
        }
    }

    /** Notes which test class registered the server (it is already listening). */
    @Override
    public void beforeAll(ExtensionContext context) {
        scope.claim(context);
    }

    /** Closes the server after the last test of the class (nested ones included). */
    @Override
    public void afterAll(ExtensionContext context) {
        if (scope.release(context)) {
            close();
        }
    }
}
