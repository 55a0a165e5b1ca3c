package org.javamiko.internal.session;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * One session's clock, ticking on the shared {@link SessionTimer}: keepalive probes and
 * dead-peer detection (OpenSSH's ServerAliveInterval / ServerAliveCountMax), the write
 * watchdog, and the time-based rekey of an idle connection. A tick never blocks.
 */
final class SessionClock {
    /** How often an idle connection checks its time-based rekey when no keepalive ticks faster. */
    private static final long IDLE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final byte[] PROBE = probe(true);
    private static final byte[] PROBE_NO_REPLY = probe(false);

    /** What the clock needs of its session. */
    interface Owner {
        /** Ends the session (may block: the clock calls it on a thread of its own). */
        void fail(IOException cause);

        boolean isClosed();

        /** Sends a keepalive probe without waiting; with a slot, its reply is expected. */
        void sendProbe(byte[] probe, GlobalRequests.Slot slot) throws IOException;

        /** Starts a rekey without waiting when the keys are older than the time limit. */
        void rekeyIfDue() throws IOException;

        /** @return since when the current socket write has been running, or 0 */
        long writingSince();
    }

    private final Owner owner;
    private final ThreadFactory threads;
    private final String where;
    private volatile long lastReceived = System.nanoTime();
    private volatile int unanswered;
    private long intervalNanos;
    private int countMax;
    private ScheduledFuture<?> task;

    /**
     * @param threads makes the thread that ends a dead connection (closing may block; a tick may not)
     * @param where the connection, for thread names
     */
    SessionClock(Owner owner, ThreadFactory threads, String where) {
        this.owner = owner;
        this.threads = threads;
        this.where = where;
    }

    private static byte[] probe(boolean wantReply) {
        return new SshBuffer(32).putByte(Msg.GLOBAL_REQUEST).putString("keepalive@openssh.com")
                .putBoolean(wantReply).toByteArray();
    }

    /**
     * Sets the keepalive and (re)starts the clock.
     *
     * @param interval probe after this much silence from the server; null or zero: no probes
     * @param max end the connection after this many unanswered probes; 0: probe every interval
     *            without asking for a reply (the one-argument {@code setKeepalive}), never end it
     */
    synchronized void start(Duration interval, int max) {
        stop();
        boolean on = interval != null && !interval.isZero() && !interval.isNegative();
        intervalNanos = on ? interval.toNanos() : 0;
        countMax = on ? max : 0;
        unanswered = 0;
        long period = on ? Math.min(intervalNanos, IDLE_CHECK_NANOS) : IDLE_CHECK_NANOS;
        task = SessionTimer.every(period, this::tick);
    }

    /** Stops the clock (the session ended). */
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    /** The reader thread read a packet: the server is alive. One volatile write, and one more after probes. */
    void packetReceived() {
        lastReceived = System.nanoTime();
        if (unanswered != 0) {
            unanswered = 0;
        }
    }

    private void tick() {
        if (owner.isClosed()) {
            stop();
            return;
        }
        try {
            long now = System.nanoTime();
            long interval;
            int max;
            synchronized (this) {
                interval = intervalNanos;
                max = countMax;
            }
            if (interval > 0 && max > 0) {
                long since = owner.writingSince();
                long bound = interval * max;
                if (since != 0 && now - since >= bound) {
                    end(new SshException("The server stopped reading: a write made no progress for "
                            + TimeUnit.NANOSECONDS.toSeconds(bound) + " s"));
                    return;
                }
                if (now - lastReceived >= interval) {
                    if (unanswered >= max) {
                        end(new SshException("The server stopped answering: no reply after " + max
                                + " keepalive probes"));
                        return;
                    }
                    unanswered++;
                    owner.sendProbe(PROBE, GlobalRequests.discarded());
                }
            } else if (interval > 0) {
                owner.sendProbe(PROBE_NO_REPLY, null);
            }
            owner.rekeyIfDue();
        } catch (IOException e) {
            stop();
        }
    }

    private void end(IOException cause) {
        stop();
        Thread t = threads.newThread(() -> owner.fail(cause));
        t.setName("javamiko-keepalive-end " + where);
        t.setDaemon(true);
        t.start();
    }
}
