package org.javamiko.internal.session;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * Messages the reader thread hands to a waiting user thread (authentication replies, global
 * request replies), each copied out of the reader's buffer. Closing it wakes every waiter.
 */
final class ReplyQueue {
    private static final byte[] CLOSED = new byte[0];
    /** Far more than a lockstep protocol ever has waiting; more means a flooding server. */
    static final int MAX_WAITING = 256;

    private final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>(MAX_WAITING + 1);
    private final String what;

    /** @param what what the queue carries, for timeout messages, e.g. "an authentication reply" */
    ReplyQueue(String what) {
        this.what = what;
    }

    /**
     * Queues a copy of a message (type byte, then the rest of the payload).
     *
     * @throws SshException when {@link #MAX_WAITING} messages wait already: the server floods us
     */
    void add(int type, SshBuffer payload) throws SshException {
        if (messages.size() >= MAX_WAITING) {
            throw new SshException("Protocol error: the server sent more than " + MAX_WAITING + " unrequested "
                    + "messages while waiting for " + what);
        }
        byte[] b = new byte[payload.available() + 1];
        b[0] = (byte) type;
        System.arraycopy(payload.array(), payload.readPosition(), b, 1, payload.available());
        messages.offer(b);
    }

    /**
     * @param ifClosed throws why the session ended, when it has
     * @return the next message, starting with its type byte
     * @throws SocketTimeoutException when none came in time
     */
    SshBuffer poll(Duration timeout, SessionCheck ifClosed) throws IOException {
        ifClosed.throwIfClosed();
        byte[] m;
        try {
            m = messages.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted waiting for " + what);
        }
        if (m == null) {
            throw new SocketTimeoutException("Timed out after " + timeout.toMillis() + " ms waiting for " + what);
        }
        if (m == CLOSED) {
            messages.offer(CLOSED);
            ifClosed.throwIfClosed();
        }
        return SshBuffer.wrap(m);
    }

    /** Wakes every waiter, now and later: the session has ended. */
    void close() {
        messages.clear(); // whoever waits throws why the session ended; nothing queued is needed any more
        messages.offer(CLOSED);
    }

    /** Throws the reason the session ended, if it has. */
    @FunctionalInterface
    interface SessionCheck {
        void throwIfClosed() throws IOException;
    }
}
