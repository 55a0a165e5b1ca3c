package org.javamiko.bench;

/**
 * One timed operation.
 *
 * @param seconds the wall-clock time
 * @param cpuSeconds the client's CPU time (user + system, all threads), or NaN when unknown
 * @param bytes the bytes moved, 0 for latency operations
 */
public record Sample(double seconds, double cpuSeconds, long bytes) {

    /** @return the throughput in MB/s (10^6 bytes per second) */
    public double megabytesPerSecond() {
        return bytes / seconds / 1e6;
    }
}
