package org.javamiko.internal.forward;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A loopback TCP server for the far end of a forwarding: one thread per connection, each running a handler. */
final class TcpServer implements AutoCloseable {
    /** What the server does with one connection. */
    interface Handler {
        void handle(InputStream in, OutputStream out) throws IOException;
    }

    private final ServerSocket server;

    TcpServer(InetAddress address, Handler handler) throws IOException {
        server = new ServerSocket(0, 200, address);
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> serve(s, handler), "test server connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "test server accept");
        accept.setDaemon(true);
        accept.start();
    }

    private static void serve(Socket s, Handler handler) {
        try (s) {
            handler.handle(s.getInputStream(), s.getOutputStream());
            s.shutdownOutput();
        } catch (IOException ignored) {
            // the test on the other end sees the connection end and says what went wrong
        }
    }

    /** Echoes until the client half-closes. */
    static TcpServer echo() throws IOException {
        return echo(InetAddress.getLoopbackAddress());
    }

    /** Echoes until the client half-closes, listening on {@code address}. */
    static TcpServer echo(InetAddress address) throws IOException {
        return new TcpServer(address, InputStream::transferTo);
    }

    /** Answers the SHA-256 of all it received. */
    static TcpServer digest() throws IOException {
        return new TcpServer(InetAddress.getLoopbackAddress(), Digests::answerDigest);
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
