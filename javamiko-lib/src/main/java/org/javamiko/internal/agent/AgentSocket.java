package org.javamiko.internal.agent;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

import org.javamiko.SshException;

/**
 * A connection to an ssh-agent over its Unix-domain socket (JDK 16+ socket channels, no native
 * code), speaking the agent protocol's framing: each message is a uint32 length and that many
 * bytes, and each request gets exactly one reply (draft-miller-ssh-agent §3).
 *
 * <p>Reads and writes are bounded in time, so a stuck agent ends in a
 * {@link SocketTimeoutException} rather than a hang; one request runs at a time.
 */
public final class AgentSocket implements Closeable {
    /** The largest message either side may send: OpenSSH's own limit (AGENT_MAX_LEN). */
    public static final int MAX_MESSAGE = 256 * 1024;

    private final Path path;
    private final SocketChannel channel;
    private final Selector selector;
    private final Duration timeout;

    private AgentSocket(Path path, SocketChannel channel, Selector selector, Duration timeout) {
        this.path = path;
        this.channel = channel;
        this.selector = selector;
        this.timeout = timeout;
    }

    /**
     * Connects to the agent listening at a socket path.
     *
     * @param path the socket, e.g. the value of {@code SSH_AUTH_SOCK}
     * @param timeout bounds each wait for the agent to take or answer a request (an agent asking
     *                the user to confirm a signature takes as long as the user does)
     * @return the connection
     * @throws IOException when nothing listens there
     */
    public static AgentSocket connect(Path path, Duration timeout) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(path));
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            return new AgentSocket(path, channel, selector, timeout);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** @return the socket path this connection was made to */
    public Path path() {
        return path;
    }

    /**
     * Sends one message and waits for the reply.
     *
     * @param message the message body, starting with its type byte, without the length
     * @return the reply body, starting with its type byte
     * @throws SshException when the agent sends an empty or oversized reply
     * @throws EOFException when the agent closes the connection
     * @throws SocketTimeoutException when the agent does not answer in time
     */
    public synchronized byte[] request(byte[] message) throws IOException {
        if (message.length == 0 || message.length > MAX_MESSAGE) {
            throw new SshException("Agent message of " + message.length + " bytes (1 to " + MAX_MESSAGE + " allowed)");
        }
        ByteBuffer out = ByteBuffer.allocate(4 + message.length).putInt(message.length).put(message).flip();
        transfer(out, SelectionKey.OP_WRITE);
        ByteBuffer header = ByteBuffer.allocate(4);
        transfer(header, SelectionKey.OP_READ);
        int length = header.flip().getInt();
        if (length <= 0 || length > MAX_MESSAGE) {
            throw new SshException("The ssh-agent at " + path + " sent a reply of " + Integer.toUnsignedString(length)
                    + " bytes (1 to " + MAX_MESSAGE + " allowed)");
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        transfer(body, SelectionKey.OP_READ);
        return body.array();
    }

    /** Writes out or fills the buffer completely, waiting on the selector between partial transfers. */
    private void transfer(ByteBuffer buffer, int operation) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        SelectionKey key = channel.register(selector, operation);
        try {
            while (buffer.hasRemaining()) {
                int n = operation == SelectionKey.OP_WRITE ? channel.write(buffer) : channel.read(buffer);
                if (n < 0) {
                    throw new EOFException("The ssh-agent at " + path + " closed the connection");
                }
                if (n > 0 || !buffer.hasRemaining()) {
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SocketTimeoutException("The ssh-agent at " + path + " did not answer within "
                            + timeout.toMillis() + " ms");
                }
                selector.select(Math.max(1, left / 1_000_000));
                selector.selectedKeys().clear();
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("Interrupted while talking to the ssh-agent");
                }
            }
        } finally {
            key.interestOps(0);
        }
    }

    /** Closes the connection; idempotent. */
    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }
}
