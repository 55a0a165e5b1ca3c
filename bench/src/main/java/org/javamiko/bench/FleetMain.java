package org.javamiko.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.javamiko.ConnectOptions;
import org.javamiko.Fleet;
import org.javamiko.FleetResult;
import org.javamiko.FleetRun;
import org.javamiko.config.SshConfig;

/**
 * The fleet benchmark: N hosts, each its own endpoint (ssh_config aliases h1..hN, alias i at the
 * i-th loopback address of {@link MinaScaleServer}, which listens on all of them), each running
 * {@code true}, by javamiko's {@link Fleet} and, in the same run, by {@code parallel-ssh} (pssh)
 * and GNU {@code parallel} + {@code ssh} with the same config and the same number at once.
 * Distinct endpoints matter: Fleet's connection pool (rightly) shares one connection among
 * aliases of one host, so aliases of one sshd would measure the pool, not N hosts. Prints a
 * Markdown table: wall time, CPU seconds, errors, and for javamiko heap (after GC) and threads
 * while the N connections are open.
 *
 * <p>Arguments ({@code --name=value}): port (the MINA server's), user, key, host-key-line (the
 * server's public key, {@code type base64}), work (a scratch directory), hosts (N), parallel (at
 * once, default 32 as pssh's), peers (comma list of {@code pssh,parallel}; missing programs are
 * reported, not fatal).
 */
public final class FleetMain {
    private FleetMain() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code --name=value} pairs, see the class comment
     * @throws Exception when the setup fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        int n = Integer.parseInt(a.getOrDefault("hosts", "200"));
        int parallel = Integer.parseInt(a.getOrDefault("parallel", "32"));
        Path work = Path.of(a.get("work"));
        Path config = work.resolve("fleet_ssh_config");
        Path knownHosts = work.resolve("fleet_known_hosts");
        StringBuilder cfg = new StringBuilder();
        List<String> known = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            cfg.append("Host h").append(i).append("\n    HostName ").append(MinaScaleServer.address(i)).append('\n');
            known.add("[" + MinaScaleServer.address(i) + "]:" + a.get("port") + " " + a.get("host-key-line"));
        }
        Files.write(knownHosts, known);
        Files.writeString(config, cfg + "Host h*\n"
                + "    Port " + a.get("port") + "\n"
                + "    User " + a.get("user") + "\n"
                + "    IdentityFile " + a.get("key") + "\n"
                + "    IdentitiesOnly yes\n"
                + "    UserKnownHostsFile " + knownHosts + "\n"
                + "    GlobalKnownHostsFile /dev/null\n"
                + "    StrictHostKeyChecking yes\n"
                + "    BatchMode yes\n"
                + "    ControlMaster no\n"
                + "    ControlPath none\n", StandardCharsets.UTF_8);
        List<String> hosts = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            hosts.add("h" + i);
        }
        Path hostFile = Files.write(work.resolve("fleet_hosts"), hosts);
        StringBuilder out = new StringBuilder();
        out.append("N = ").append(n).append(" hosts (N loopback addresses of one MINA SSHD, commands in-process), ").append(parallel)
                .append(" at a time, each running `true` (javamiko after an untimed warm-up on 20 hosts); JDK ").append(Runtime.version()).append(", virtual threads ")
                .append(Fleet.virtualThreadsAvailable() ? "yes" : "no (platform threads)").append("\n\n");
        out.append("| client | errors | wall | CPU s (client side) | per host | heap after GC, N connections open "
                + "| platform threads, N open |\n|---|---|---|---|---|---|---|\n");
        SshConfig ssh = SshConfig.fromPath(config);
        try (Fleet warm = fleet(parallel, ssh)) { // JIT and class loading, untimed
            errors(warm.run(hosts.subList(0, Math.min(20, n)), "true").awaitAll());
        }
        out.append(javamiko(hosts, parallel, ssh, "javamiko Fleet (connect+auth+`true`)", true));
        for (String peer : a.getOrDefault("peers", "pssh,parallel").split(",")) {
            switch (peer) {
                case "pssh" -> out.append(external("pssh (`parallel-ssh -p " + parallel + "`)",
                        List.of("parallel-ssh", "-p", Integer.toString(parallel), "-t", "0", "-x", "-F " + config,
                                "-h", hostFile.toString(), "true"), n));
                case "parallel" -> out.append(external("GNU parallel + ssh (`parallel -j " + parallel + "`)",
                        List.of("parallel", "--will-cite", "-j", Integer.toString(parallel), "--halt", "never",
                                "ssh", "-n", "-F", config.toString(), "{}", "true", "::::", hostFile.toString()), n));
                default -> { }
            }
        }
        System.out.println(out);
    }

    private static String javamiko(List<String> hosts, int parallel, SshConfig ssh, String label, boolean reuse)
            throws Exception {
        double cpu0 = Cpu.processSeconds();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long t0 = System.nanoTime();
        StringBuilder rows = new StringBuilder();
        try (Fleet fleet = fleet(parallel, ssh)) {
            FleetRun run = fleet.run(hosts, "true");
            int errors = errors(run.awaitAll());
            long t1 = System.nanoTime();
            double cpuFirst = Cpu.processSeconds() - cpu0;
            long heap = heapAfterGc();
            int threads = ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore;
            rows.append(row(label, errors, t1 - t0, cpuFirst, hosts.size(),
                    String.format(Locale.ROOT, "%.1f MiB (%.0f KiB/host)", heap / 1048576.0, heap / 1024.0 / hosts.size()),
                    threads + " (" + fleet.openConnections() + " connections)"));
            if (reuse) {
                double cpu2 = Cpu.processSeconds();
                long t2 = System.nanoTime();
                int errors2 = errors(fleet.run(hosts, "true").awaitAll());
                rows.append(row("javamiko Fleet, again on the kept connections (`true` only)", errors2,
                        System.nanoTime() - t2, Cpu.processSeconds() - cpu2, hosts.size(), "", ""));
            }
        }
        return rows.toString();
    }

    private static Fleet fleet(int parallel, SshConfig ssh) {
        return Fleet.builder().parallelism(parallel)
                .connectOptions(() -> ConnectOptions.builder().sshConfig(ssh).allowAgent(false).lookForKeys(false))
                .clientSetup((h, c) -> { })
                .build();
    }

    private static int errors(List<FleetResult> results) {
        int errors = 0;
        for (FleetResult r : results) {
            if (!r.ok()) {
                if (errors++ < 3) {
                    Log.info("fleet error: " + r);
                }
            }
        }
        return errors;
    }

    /** Runs a peer under bash so that {@code times} reports its children's CPU. */
    private static String external(String label, List<String> command, int n) throws IOException, InterruptedException {
        String program = command.get(0);
        if (new ProcessBuilder("sh", "-c", "command -v " + program).start().waitFor() != 0) {
            return "| " + label + " | not installed | | | | | |\n";
        }
        StringBuilder line = new StringBuilder();
        for (String word : command) {
            line.append('\'').append(word.replace("'", "'\\''")).append("' ");
        }
        Path log = Files.createTempFile("fleet-peer", ".log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("bash", "-c", line + "< /dev/null > " + log + " 2>&1; status=$?; times; exit $status")
                .redirectErrorStream(true).start();
        String timesOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        long wall = System.nanoTime() - t0;
        String[] times = timesOut.strip().split("\n");
        double cpu = times.length >= 2 ? bashTimes(times[times.length - 1]) : Double.NaN;
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        int errors = countErrors(program, output, p.exitValue(), n);
        return row(label, errors, wall, cpu, n, "", "");
    }

    /** pssh prints one "[FAILURE]" line per failed host; parallel's exit status is the failure count (max 101). */
    private static int countErrors(String program, String output, int status, int n) {
        if (program.equals("parallel-ssh")) {
            return (int) output.lines().filter(l -> l.contains("[FAILURE]")).count();
        }
        return Math.min(status, n);
    }

    /** "0m1.234s 0m0.567s" → 1.801. */
    private static double bashTimes(String line) {
        double total = 0;
        for (String field : line.trim().split("\\s+")) {
            int m = field.indexOf('m');
            total += Double.parseDouble(field.substring(0, m)) * 60 + Double.parseDouble(field.substring(m + 1, field.length() - 1));
        }
        return total;
    }

    private static String row(String label, int errors, long wallNanos, double cpu, int n, String heap, String threads) {
        double wall = wallNanos / 1e9;
        return String.format(Locale.ROOT, "| %s | %d | %.2f s | %.2f | %.1f ms wall, %.1f ms CPU | %s | %s |\n",
                label, errors, wall, cpu, wall * 1000 / n, cpu * 1000 / n, heap, threads);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
