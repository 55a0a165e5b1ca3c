package org.javamiko.internal.mux;

import java.io.FileDescriptor;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * One connection to a master's control socket: packets framed as {@code uint32 length} then
 * the body, the hello exchange, and every read bounded by a deadline.
 */
public abstract class MuxLink implements AutoCloseable {
    public static final int HELLO = 0x00000001;
    public static final int C_NEW_SESSION = 0x10000002;
    public static final int C_ALIVE_CHECK = 0x10000004;
    public static final int C_TERMINATE = 0x10000005;
    public static final int C_OPEN_FWD = 0x10000006;
    public static final int C_NEW_STDIO_FWD = 0x10000008;
    public static final int C_STOP_LISTENING = 0x10000009;
    public static final int S_OK = 0x80000001;
    public static final int S_PERMISSION_DENIED = 0x80000002;
    public static final int S_FAILURE = 0x80000003;
    public static final int S_EXIT_MESSAGE = 0x80000004;
    public static final int S_ALIVE = 0x80000005;
    public static final int S_SESSION_OPENED = 0x80000006;
    public static final int S_REMOTE_PORT = 0x80000007;
    public static final int S_TTY_ALLOC_FAIL = 0x80000008;
    /** The protocol version we speak, OpenSSH's since 5.7. */
    public static final int VERSION = 4;
    /** The largest packet we accept from a master; its replies are a few dozen bytes. */
    private static final int MAX_PACKET = 256 * 1024;

    /** Writes all of {@code bytes}. */
    protected abstract void write(byte[] bytes) throws IOException;

    /** Reads into {@code buf}, blocking at most {@code timeoutMillis}; -1 at EOF. */
    protected abstract int read(byte[] buf, int off, int len, long timeoutMillis) throws IOException;

    /**
     * Sends one file descriptor with a single byte, as the master's {@code mm_receive_fd} wants.
     *
     * @throws SshException when this link cannot pass descriptors
     */
    public abstract void sendFd(FileDescriptor fd) throws IOException;

    /** Sends our hello and checks the master's. */
    public void hello(Duration timeout) throws IOException {
        send(new SshBuffer(8).putInt(HELLO).putInt(VERSION));
        SshBuffer reply = receive(timeout);
        int type = reply.getInt();
        if (type != HELLO) {
            throw new SshException("The control socket did not answer with the mux hello (got 0x"
                    + Integer.toHexString(type) + "): is it an OpenSSH ControlMaster socket?");
        }
        int version = reply.getInt();
        if (version != VERSION) {
            throw new SshException("The ControlMaster speaks mux protocol version " + version + ", we speak "
                    + VERSION);
        }
    }

    /** Sends one packet: its length, then the body. */
    public void send(SshBuffer body) throws IOException {
        byte[] payload = body.toByteArray();
        byte[] framed = new byte[4 + payload.length];
        SshBuffer.writeInt(framed, 0, payload.length);
        System.arraycopy(payload, 0, framed, 4, payload.length);
        write(framed);
    }

    /**
     * @param timeout the bound, or null for none
     * @return the next packet's body
     * @throws SocketTimeoutException when none arrives within the timeout
     * @throws SshException when the master closes the socket or sends an oversized packet
     */
    public SshBuffer receive(Duration timeout) throws IOException {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        byte[] len = readFully(4, deadline);
        int n = SshBuffer.readInt(len, 0);
        if (n < 4 || n > MAX_PACKET) {
            throw new SshException("The ControlMaster sent a packet of " + n + " bytes");
        }
        return SshBuffer.wrap(readFully(n, deadline));
    }

    private byte[] readFully(int n, long deadline) throws IOException {
        byte[] buf = new byte[n];
        int off = 0;
        while (off < n) {
            long millis = 0;
            if (deadline != Long.MAX_VALUE) {
                millis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                if (deadline - System.nanoTime() <= 0) {
                    throw new SocketTimeoutException("The ControlMaster did not answer in time");
                }
            }
            int r = read(buf, off, n - off, millis);
            if (r < 0) {
                throw new Closed();
            }
            off += r;
        }
        return buf;
    }

    @Override
    public abstract void close();

    /** The master closed the control connection (e.g. after MUX_C_TERMINATE, or on its way out). */
    public static final class Closed extends SshException {
        private static final long serialVersionUID = 1L;

        Closed() {
            super("The ControlMaster closed the control connection");
        }
    }
}
