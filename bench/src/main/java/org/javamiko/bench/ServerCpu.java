package org.javamiko.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPU time of one private sshd: its listener and every process under it, counting the
 * children they have already reaped (a connection's sshd processes exit when it closes, and their
 * time moves into the parent's {@code cutime}/{@code cstime}). Read from {@code /proc}; Linux only.
 *
 * <p>The tree holds more than one busy process: for SFTP, sshd's network process and its
 * {@code internal-sftp} child; for a stream, sshd and the command feeding it. So the sum can pass
 * the transfer's wall time and is no single thread's limit. On CPUs shared by client and server,
 * it is the server's share of the CPU time a transfer costs ({@link MachineCpu} shows how busy the
 * CPUs were).
 */
public final class ServerCpu {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux we run on

    private final ProcessHandle listener;

    private ServerCpu(ProcessHandle listener) {
        this.listener = listener;
    }

    /** @return the listening sshd started with {@code -p port}, if found */
    public static Optional<ServerCpu> forPort(int port) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> isListenerOn(p, port)).findFirst().map(ServerCpu::new);
        }
    }

    /**
     * sshd rewrites its command line into a title ("sshd: /usr/sbin/sshd ... -p PORT [listener] 0
     * of 10-100 startups"), which {@code ProcessHandle.Info} does not parse; /proc has it as is.
     */
    private static boolean isListenerOn(ProcessHandle p, int port) {
        try {
            String title = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).replace('\0', ' ').strip();
            return title.startsWith("sshd") && (title.contains(" -p " + port + " [listener]") || title.endsWith(" -p " + port));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** @return the CPU seconds the server has used so far, NaN when /proc cannot tell */
    public double seconds() {
        long ticks = ticks(listener);
        try (Stream<ProcessHandle> children = listener.descendants()) {
            ticks += children.mapToLong(ServerCpu::ticks).sum();
        }
        return ticks < 0 ? Double.NaN : ticks / TICKS_PER_SECOND;
    }

    /** utime + stime + cutime + cstime of one process; 0 if it has just exited (its parent counts it) */
    private static long ticks(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
            // fields after the command name in parentheses, which may itself hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
