package org.javamiko.internal.channel;

import java.io.IOException;
import java.util.concurrent.locks.Condition;

/**
 * The server's side of a channel's flow control (RFC 4254 §5.2): how many bytes it lets us send
 * now and the largest packet it takes. Not thread-safe: the channel's lock guards it, and writers
 * wait on a condition of that lock that only a window adjustment (or the channel's end) signals,
 * so arriving data never wakes them.
 */
final class RemoteWindow {
    /** A window never exceeds what its uint32 can say (RFC 4254 §5.2). */
    private static final long MAX_WINDOW = 0xffffffffL;

    private final Condition grown;
    private long bytes;
    private int maxPacket = 1;

    /** @param grown a condition of the channel's lock */
    RemoteWindow(Condition grown) {
        this.grown = grown;
    }

    /**
     * Takes the server's opening numbers.
     *
     * @param ourLimit the largest packet we send whatever the server allows
     */
    void open(long window, int serverMaxPacket, int ourLimit) {
        bytes = window;
        maxPacket = Math.max(1, Math.min(serverMaxPacket, ourLimit));
    }

    /** Adds a WINDOW_ADJUST's bytes and wakes the writers. */
    void grow(long adjust) {
        bytes = Math.min(bytes + adjust, MAX_WINDOW);
        grown.signalAll();
    }

    /** @return true while the server lets us send nothing */
    boolean isFull() {
        return bytes == 0;
    }

    /**
     * Takes as much of the window as a send of {@code wanted} bytes may use now.
     *
     * @param batch the most taken at once
     * @return the bytes to send, at least 1 unless {@link #isFull}
     */
    int take(int wanted, int batch) {
        int n = (int) Math.min(Math.min(wanted, bytes), batch);
        bytes -= n;
        return n;
    }

    /** @return the largest packet's data we send */
    int maxPacket() {
        return maxPacket;
    }

    /** Waits for the window to grow (the lock held); see {@link BoundedWait#await}. */
    long awaitGrowth(long nanos) throws IOException {
        return BoundedWait.await(grown, nanos, "the server to accept more data (window full)");
    }

    /** Wakes the writers so they see that the channel ended. */
    void wakeWriters() {
        grown.signalAll();
    }
}
