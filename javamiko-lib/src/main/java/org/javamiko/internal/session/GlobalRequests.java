package org.javamiko.internal.session;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * Our want-reply global requests (RFC 4254 §4) awaiting the server's REQUEST_SUCCESS or
 * REQUEST_FAILURE, which come back in the order the requests were sent: a FIFO of reply slots,
 * as {@code ChannelRequests} is for a channel. A slot is queued under the write lock right
 * before its request is written, so the FIFO's order is the wire's. A caller that times out
 * abandons its slot but leaves it in place: the late reply then fills the abandoned slot and is
 * discarded, never taken as the answer to the next request. Keepalive probes use discarded
 * slots from the start; an answer to one tells the session only that the server is alive.
 */
final class GlobalRequests {
    /** The answer to one request. */
    static final class Slot {
        private final boolean discard;
        private byte[] reply;
        private boolean abandoned;
        private boolean ended;

        private Slot(boolean discard) {
            this.discard = discard;
        }
    }

    private final ArrayDeque<Slot> awaiting = new ArrayDeque<>();
    private boolean closed;

    /** @return a slot for a request whose answer a caller will {@link #await} */
    static Slot forCaller() {
        return new Slot(false);
    }

    /** @return a slot whose answer nobody awaits (a keepalive probe) */
    static Slot discarded() {
        return new Slot(true);
    }

    /** Queues the slot of a request about to be written; the caller holds the write lock. */
    synchronized void expect(Slot slot) {
        if (closed) {
            slot.ended = true;
            return;
        }
        awaiting.add(slot);
    }

    /**
     * Takes in a reply from the reader thread.
     *
     * @param type REQUEST_SUCCESS or REQUEST_FAILURE
     * @param payload positioned after the type byte
     * @return false when no request was waiting for it (the server answered what we never asked)
     */
    synchronized boolean answer(int type, SshBuffer payload) {
        Slot slot = awaiting.poll();
        if (slot == null) {
            return false;
        }
        if (!slot.discard && !slot.abandoned) {
            byte[] b = new byte[payload.available() + 1];
            b[0] = (byte) type;
            System.arraycopy(payload.array(), payload.readPosition(), b, 1, payload.available());
            slot.reply = b;
            notifyAll();
        }
        return true;
    }

    /**
     * Waits for the reply in a slot.
     *
     * @param ifClosed throws why the session ended, when it has
     * @return the reply, starting with its type byte
     * @throws SocketTimeoutException when it did not come in time (the slot is abandoned)
     */
    synchronized SshBuffer await(Slot slot, Duration timeout, ReplyQueue.SessionCheck ifClosed) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (slot.reply == null && !slot.ended) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    slot.abandoned = true;
                    throw new SocketTimeoutException("Timed out after " + timeout.toMillis()
                            + " ms waiting for a global request reply");
                }
                wait(left / 1_000_000, (int) (left % 1_000_000));
            }
        } catch (InterruptedException e) {
            slot.abandoned = true;
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted waiting for a global request reply");
        }
        if (slot.reply == null) {
            ifClosed.throwIfClosed();
            throw new SshException("The SSH session is closed");
        }
        return SshBuffer.wrap(slot.reply);
    }

    /** @return how many requests await an answer (probes included) */
    synchronized int pending() {
        return awaiting.size();
    }

    /** The session ended: every waiter wakes and throws why. */
    synchronized void close() {
        closed = true;
        for (Slot slot : awaiting) {
            slot.ended = true;
        }
        awaiting.clear();
        notifyAll();
    }
}
