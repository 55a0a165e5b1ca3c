package org.javamiko.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** This JVM's CPU time (user + system, all threads, GC and JIT included), and its children's. */
public final class Cpu {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Cpu() {
    }

    /**
     * @return the CPU time of this JVM's reaped child processes so far (cutime + cstime of
     *         {@code /proc/self/stat}, at Linux's 100 ticks a second), in seconds; 0 off Linux
     */
    public static double childrenSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0; // fields 16, 17 counted from 1
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** @return the process CPU time so far, in seconds */
    public static double processSeconds() {
        return OS.getProcessCpuTime() / 1e9;
    }
}
