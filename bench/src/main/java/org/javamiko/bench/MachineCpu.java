package org.javamiko.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the whole machine's CPUs are, from the first line of {@code /proc/stat}; Linux only.
 *
 * <p>Client and server share this machine's CPUs. When a transfer keeps them nearly all busy, its
 * speed is set by the CPU time client and server spend together per byte, not by either alone:
 * that is what this column shows next to the client's and sshd's own CPU seconds.
 */
public final class MachineCpu {
    private static final Path STAT = Path.of("/proc/stat");

    /** A reading: busy and total CPU ticks since boot, summed over all CPUs. */
    public record Reading(long busy, long total) {
        /** @return the share of all CPU time that was busy since {@code earlier}, NaN when unknown */
        public double busySince(Reading earlier) {
            long total = this.total - earlier.total;
            return earlier.total < 0 || this.total < 0 || total <= 0 ? Double.NaN : (double) (busy - earlier.busy) / total;
        }
    }

    private MachineCpu() {
    }

    /** @return the counters now; a reading with negative values when /proc cannot tell */
    public static Reading read() {
        try {
            return parse(Files.readAllLines(STAT).get(0));
        } catch (IOException | RuntimeException e) {
            return new Reading(-1, -1);
        }
    }

    /**
     * Parses the aggregate "cpu" line: user nice system idle iowait irq softirq steal ...; idle and
     * iowait are idle time, steal counts as busy (the hypervisor gave the CPU to someone else).
     */
    static Reading parse(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        if (!f[0].equals("cpu") || f.length < 9) {
            throw new IllegalArgumentException("not the aggregate cpu line of /proc/stat: " + cpuLine);
        }
        long total = 0;
        for (int i = 1; i <= 8; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new Reading(total - idle, total);
    }
}
