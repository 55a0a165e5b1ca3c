package org.javamiko.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.javamiko.CommandResult;
import org.javamiko.ConnectOptions;
import org.javamiko.SshClient;
import org.javamiko.SshClientPool;
import org.javamiko.config.SshConfig;

/**
 * Connection reuse: N sequential {@code run("true")} calls to one host through javamiko's
 * {@link SshClientPool}, through a new javamiko connection each time, and by OpenSSH's {@code ssh}
 * with {@code ControlMaster auto} + {@code ControlPersist} (one process per call, the first one
 * starting the master). Prints a Markdown table: total wall time, the first call (which pays the
 * handshake) and the median of the others.
 *
 * <p>Arguments ({@code --name=value}): host, port, user, key, known-hosts, work (a scratch
 * directory), calls (N, default 100).
 */
public final class ReuseMain {
    private ReuseMain() {
    }

    /** One way of making a call. */
    private interface Call {
        void run() throws Exception;
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
        int n = Integer.parseInt(a.getOrDefault("calls", "100"));
        Path work = Path.of(a.get("work"));
        Path config = work.resolve("reuse_ssh_config");
        Files.writeString(config, "Host reuse\n"
                + "    HostName " + a.get("host") + "\n"
                + "    Port " + a.get("port") + "\n"
                + "    User " + a.get("user") + "\n"
                + "    IdentityFile " + a.get("key") + "\n"
                + "    IdentitiesOnly yes\n"
                + "    UserKnownHostsFile " + a.get("known-hosts") + "\n"
                + "    GlobalKnownHostsFile /dev/null\n"
                + "    StrictHostKeyChecking yes\n"
                + "    BatchMode yes\n"
                + "    ControlMaster auto\n"
                + "    ControlPath " + work.resolve("reuse-cm-%C") + "\n"
                + "    ControlPersist 60\n", StandardCharsets.UTF_8);
        SshConfig ssh = SshConfig.fromPath(config);
        ConnectOptions options = ConnectOptions.builder().sshConfig(ssh).allowAgent(false).lookForKeys(false).build();
        StringBuilder out = new StringBuilder();
        out.append("N = ").append(n).append(" sequential `true` calls to one host (javamiko after an untimed")
                .append(" warm-up of 20 calls each way); JDK ").append(Runtime.version()).append("\n\n");
        out.append("| client | errors | total wall | first call | median of the others | CPU s (client side) |\n")
                .append("|---|---|---|---|---|---|\n");
        try (SshClientPool warm = pool()) {
            measure(20, () -> check(warm.run("reuse", options, "true")));
            measure(20, () -> fresh(options));
        }
        try (SshClientPool pool = pool()) {
            out.append(row("javamiko SshClientPool", n, () -> check(pool.run("reuse", options, "true"))));
        }
        out.append(row("javamiko, a new connection each call", n, () -> fresh(options)));
        out.append(row("OpenSSH `ssh` (ControlMaster auto, ControlPersist 60)", n,
                () -> process("ssh", "-n", "-F", config.toString(), "reuse", "true")));
        process("ssh", "-F", config.toString(), "-O", "exit", "reuse"); // the master started above
        System.out.println(out);
    }

    private static SshClientPool pool() {
        return SshClientPool.builder().clientSetup((h, c) -> { }).build();
    }

    private static void fresh(ConnectOptions options) throws IOException {
        try (SshClient client = new SshClient()) {
            client.connect("reuse", options);
            check(client.run("true"));
        }
    }

    private static void check(CommandResult r) throws IOException {
        if (!r.ok()) {
            throw new IOException("`true` failed: " + r);
        }
    }

    private static void process(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " took over 60 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue());
        }
    }

    /** @return the wall time of each call in nanoseconds, and the error count as the last element */
    private static long[] measure(int n, Call call) {
        long[] times = new long[n + 1];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            try {
                call.run();
            } catch (Exception e) {
                if (times[n]++ < 3) {
                    Log.info("reuse error: " + e);
                }
            }
            times[i] = System.nanoTime() - t0;
        }
        return times;
    }

    private static String row(String label, int n, Call call) {
        double cpu0 = Cpu.processSeconds() + Cpu.childrenSeconds();
        long[] times = measure(n, call);
        double cpu = Cpu.processSeconds() + Cpu.childrenSeconds() - cpu0;
        long total = Arrays.stream(times, 0, n).sum();
        List<Long> others = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            others.add(times[i]);
        }
        others.sort(null);
        double median = others.isEmpty() ? 0 : others.get(others.size() / 2) / 1e6;
        return String.format(Locale.ROOT, "| %s | %d | %.2f s | %.1f ms | %.1f ms | %.2f |%n", label, times[n],
                total / 1e9, times[0] / 1e6, median, cpu);
    }
}
