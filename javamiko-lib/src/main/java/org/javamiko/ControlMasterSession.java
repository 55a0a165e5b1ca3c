package org.javamiko;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

import org.javamiko.internal.mux.MuxClient;

/**
 * A command or a stdio forward running through a {@link ControlMaster}: its streams (our ends
 * of the descriptors handed to the master) and its exit status.
 *
 * <pre>{@code
 * try (ControlMasterSession s = master.execCommand("cat", ExecOptions.defaults())) {
 *     s.stdin().write(data);
 *     s.stdin().close();
 *     byte[] echoed = s.stdout().readAllBytes();
 *     int status = s.exitStatus(Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class ControlMasterSession implements AutoCloseable {
    private final MuxClient.Session session;
    private final OutputStream stdin;
    private final InputStream stdout;
    /** Null for a stdio forward. */
    private final InputStream stderr;

    ControlMasterSession(MuxClient.Session session, boolean hasStderr) throws IOException {
        this.session = session;
        this.stdout = session.stdout();
        this.stderr = hasStderr ? session.stderr() : null;
        OutputStream raw = session.stdin();
        this.stdin = new OutputStream() { // close() sends EOF but keeps stdout readable
            @Override
            public void write(int b) throws IOException {
                raw.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                raw.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                session.shutdownStdin();
            }
        };
    }

    /** @return the remote side's stdin; closing it sends EOF */
    public OutputStream stdin() {
        return stdin;
    }

    /** @return the remote side's stdout (for a stdio forward: the bytes from the destination) */
    public InputStream stdout() {
        return stdout;
    }

    /**
     * @return the command's stderr
     * @throws IllegalStateException for a stdio forward, which has none
     */
    public InputStream stderr() {
        if (stderr == null) {
            throw new IllegalStateException("A stdio forward has no stderr");
        }
        return stderr;
    }

    /**
     * Bounds each blocking read of {@link #stdout()} and {@link #stderr()}, as paramiko's settimeout.
     *
     * @param timeout the bound, or null for none; a read that outlasts it throws
     *        {@link java.net.SocketTimeoutException}
     * @throws IOException when the streams are closed
     */
    public void setTimeout(Duration timeout) throws IOException {
        session.setReadTimeout(timeout);
    }

    /**
     * Waits for the command's exit status, which the master sends when its channel closes.
     *
     * @param timeout the bound, or null for none
     * @return the status; -1 when the master ended without one
     * @throws java.net.SocketTimeoutException when the bound passes
     * @throws IOException when the control connection fails
     */
    public int exitStatus(Duration timeout) throws IOException {
        return session.exitStatus(timeout);
    }

    /** Closes our streams and the control connection; the master then closes the channel. */
    @Override
    public void close() {
        session.close();
    }
}
