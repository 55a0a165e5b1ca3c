package org.javamiko.internal.channel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.locks.Condition;

/** The one way a channel waits: on a condition of its lock, bounded, and interruptible as an IOException. */
final class BoundedWait {
    private BoundedWait() {
    }

    /** @return the nanoseconds {@code timeout} allows; null or zero wait without bound */
    static long nanos(Duration timeout) {
        return timeout == null || timeout.isZero() ? Long.MAX_VALUE : timeout.toNanos();
    }

    /**
     * Waits once on {@code condition} (its lock held).
     *
     * @param nanos what is left of the bound, {@link Long#MAX_VALUE} for none
     * @param what what is waited for, for the exception's message
     * @return what is left of the bound after the wake-up
     * @throws SocketTimeoutException when nothing is left
     */
    static long await(Condition condition, long nanos, String what) throws IOException {
        if (nanos <= 0) {
            throw new SocketTimeoutException("Timed out waiting for " + what);
        }
        try {
            if (nanos == Long.MAX_VALUE) {
                condition.await();
                return Long.MAX_VALUE;
            }
            return condition.awaitNanos(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted waiting for " + what);
        }
    }
}
