package org.javamiko.internal.session;

import java.util.Locale;

import org.slf4j.Logger;

/**
 * When each step of bringing up a connection happened (identification strings, KEXINIT, the kex
 * reply, NEWKEYS, the service request, each authentication step), so that a slow connect shows
 * which round trip or which computation took the time. Logged as one DEBUG line, e.g.
 * {@code Connect timeline for 127.0.0.1:22 (ms since start): version-sent 0.05, kexinit-sent 0.09, …},
 * when authentication succeeds or the session ends before that.
 *
 * <p>Cheap enough to stay in the code: with the logger off, {@link #mark} returns at once; on,
 * it costs one {@code System.nanoTime()} and an array store. Steps are marked from the reader
 * thread and from the user's thread, so marking is synchronised (a few dozen times per connect).
 */
public final class ConnectTimeline {
    /** Far more than one connect marks (about 20); later marks are dropped, never grown. */
    static final int MAX_EVENTS = 48;

    private final Logger log;
    private final boolean enabled;
    private final long origin;
    private final String[] events = new String[MAX_EVENTS];
    private final long[] times = new long[MAX_EVENTS];
    private int count; // guarded by this
    private boolean reported; // guarded by this

    /**
     * @param log where the timeline goes; nothing is recorded unless it is enabled for DEBUG
     */
    public ConnectTimeline(Logger log) {
        this.log = log;
        this.enabled = log.isDebugEnabled();
        this.origin = System.nanoTime();
    }

    /** @param event a short name for the step that just happened, e.g. {@code kexinit-received} */
    public void mark(String event) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        synchronized (this) {
            if (!reported && count < MAX_EVENTS) {
                events[count] = event;
                times[count] = now;
                count++;
            }
        }
    }

    /**
     * Logs the timeline once; later calls and marks are ignored.
     *
     * @param peer where we are connected, for the message
     * @param outcome how it ended, e.g. {@code authenticated}
     */
    public void report(String peer, String outcome) {
        if (!enabled) {
            return;
        }
        String line;
        synchronized (this) {
            if (reported) {
                return;
            }
            reported = true;
            line = format(peer, outcome);
        }
        log.debug(line);
    }

    /** @return the line {@link #report} logs; must hold the monitor */
    private String format(String peer, String outcome) {
        StringBuilder sb = new StringBuilder(32 + count * 24).append("Connect timeline for ").append(peer)
                .append(" (ms since start, ").append(outcome).append("):");
        for (int i = 0; i < count; i++) {
            sb.append(i == 0 ? " " : ", ").append(events[i]).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", (times[i] - origin) / 1e6));
        }
        return sb.toString();
    }
}
