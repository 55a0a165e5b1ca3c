package org.javamiko.internal.session;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The byte pipe an SSH session runs over: a TCP socket, or a channel of another session (a jump
 * host). Only what the session needs of it.
 */
public interface Connection extends Closeable {

    /** @return bytes from the server */
    InputStream input() throws IOException;

    /** @return bytes to the server */
    OutputStream output() throws IOException;

    /**
     * Bounds each blocking read; a read that waits longer throws {@link SocketTimeoutException}.
     *
     * @param timeout the bound, or {@link Duration#ZERO} for none
     */
    void setReadTimeout(Duration timeout) throws IOException;

    /** @return where we are connected, for messages and thread names */
    String describe();

    /**
     * @param socket a connected socket; TCP_NODELAY is switched on, since every request/reply
     *               round trip would otherwise wait for a delayed ACK (~40 ms)
     * @return the socket as a connection
     */
    static Connection of(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return new Connection() {
            @Override
            public InputStream input() throws IOException {
                return socket.getInputStream();
            }

            @Override
            public OutputStream output() throws IOException {
                return socket.getOutputStream();
            }

            @Override
            public void setReadTimeout(Duration timeout) throws IOException {
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            }

            @Override
            public String describe() {
                return socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
            }

            @Override
            public void close() throws IOException {
                socket.close();
            }
        };
    }
}
