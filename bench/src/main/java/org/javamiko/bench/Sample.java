package org.javamiko.bench;

/**
 * One timed operation.
 *
 * @param seconds the wall-clock time
 * @param cpuSeconds the client's CPU time (user + system, all threads), or NaN when unknown
 * @param bytes the bytes moved, 0 for latency operations
 * @param serverCpuSeconds the sshd's CPU time during the operation ({@link ServerCpu}), or NaN
 * @param machineBusy the share of all the machine's CPU time that was busy during the operation
 *                    ({@link MachineCpu}), or NaN
 */
public record Sample(double seconds, double cpuSeconds, long bytes, double serverCpuSeconds, double machineBusy) {

    /** A sample without the server's CPU time. */
    public Sample(double seconds, double cpuSeconds, long bytes) {
        this(seconds, cpuSeconds, bytes, Double.NaN, Double.NaN);
    }

    /** @return the throughput in MB/s (10^6 bytes per second) */
    public double megabytesPerSecond() {
        return bytes / seconds / 1e6;
    }
}
