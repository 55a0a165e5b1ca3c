package org.javamiko.bench;

import java.lang.management.ManagementFactory;

/** This JVM's CPU time: user + system, all threads, GC and JIT included. */
public final class Cpu {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Cpu() {
    }

    /** @return the process CPU time so far, in seconds */
    public static double processSeconds() {
        return OS.getProcessCpuTime() / 1e9;
    }
}
