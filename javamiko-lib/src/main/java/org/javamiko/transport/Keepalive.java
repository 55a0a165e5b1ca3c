package org.javamiko.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends a transport's keepalives from one timer thread shared by all transports, so keepalives
 * cost no thread per connection.
 */
final class Keepalive {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "javamiko-keepalive");
        t.setDaemon(true);
        return t;
    });

    private final Transport transport;
    private ScheduledFuture<?> task;

    Keepalive(Transport transport) {
        this.transport = transport;
    }

    synchronized void schedule(Duration interval) {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        if (interval != null && !interval.isZero() && !interval.isNegative()) {
            long ms = interval.toMillis();
            task = TIMER.scheduleAtFixedRate(this::send, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    private void send() {
        try {
            transport.sendKeepalive();
        } catch (IOException e) {
            schedule(null);
        }
    }
}
