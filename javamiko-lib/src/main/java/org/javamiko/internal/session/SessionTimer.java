package org.javamiko.internal.session;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread every session's clock ({@link SessionClock}) ticks on. Its tasks never
 * block: they read volatile clocks, send through the send path's no-wait door, and hand
 * anything that could block (ending a session, which closes its socket) to a thread of the
 * session's own factory. So no connection can hold up another's keepalives, watchdog or rekey.
 */
final class SessionTimer {
    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "javamiko-timer");
        t.setDaemon(true);
        return t;
    });

    static {
        TIMER.setRemoveOnCancelPolicy(true);
        // The thread ends a second after the last session's clock stopped (no thread outlives its connections).
        TIMER.setKeepAliveTime(1, TimeUnit.SECONDS);
        TIMER.allowCoreThreadTimeOut(true);
    }

    private SessionTimer() {
    }

    /** Runs {@code tick} every {@code periodNanos} until cancelled. */
    static ScheduledFuture<?> every(long periodNanos, Runnable tick) {
        return TIMER.scheduleWithFixedDelay(tick, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }
}
