package org.javamiko.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.javamiko.ConnectOptions;
import org.javamiko.ExecStreams;
import org.javamiko.RejectPolicy;
import org.javamiko.SshClient;

/**
 * The scale test: N concurrent javamiko connections from one JVM, then N concurrent exec
 * channels on one connection; reports time, heap and threads, per connection and per channel.
 *
 * <p>Arguments ({@code --name=value}): host, port, user, key, known-hosts, connections,
 * channels, parallel (how many threads open connections at once; sshd's MaxStartups bounds
 * how many may be unauthenticated at a time), virtual-threads ({@code true}: every connection's
 * threads from a virtual-thread factory, on a JDK that has them).
 */
public final class ScaleMain {
    private static final long TIMEOUT_MINUTES = 20;

    private ScaleMain() {
    }

    /** Runs both halves and prints a Markdown table on stdout. */
    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> a = new java.util.HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        Target t = new Target("default", a.get("host"), Integer.parseInt(a.get("port")), a.get("user"),
                Path.of(a.get("key")), Path.of(a.get("known-hosts")));
        int connections = Integer.parseInt(a.getOrDefault("connections", "1000"));
        int channels = Integer.parseInt(a.getOrDefault("channels", "1000"));
        int parallel = Integer.parseInt(a.getOrDefault("parallel", "32"));
        threads = Boolean.parseBoolean(a.getOrDefault("virtual-threads", "false")) ? VirtualThreads.factoryOrNull() : null;
        System.out.println("JDK " + Runtime.version() + "; connection threads: "
                + (threads == null ? "platform" : "virtual") + "; platform threads are counted");
        System.out.println();
        StringBuilder out = new StringBuilder("| test | N | errors | time to open all | time to use+close all "
                + "| heap used (after GC) | per item | threads | per item |\n|---|---|---|---|---|---|---|---|---|\n");
        out.append(connections(t, connections, parallel));
        out.append(channels(t, channels, parallel));
        System.out.println(out);
    }

    /** The connections' thread factory: virtual threads when asked for and available, else null (platform). */
    private static ThreadFactory threads;

    private static SshClient connect(Target t) throws IOException {
        SshClient client = new SshClient();
        client.setThreadFactory(threads);
        client.loadHostKeys(t.knownHosts());
        client.setMissingHostKeyPolicy(new RejectPolicy());
        client.connect(t.host(), ConnectOptions.builder().port(t.port()).username(t.user()).keyFilename(t.key())
                .allowAgent(false).lookForKeys(false).build());
        return client;
    }

    private record Snapshot(long heap, int threads) {
        static Snapshot take() {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            Runtime r = Runtime.getRuntime();
            return new Snapshot(r.totalMemory() - r.freeMemory(), ManagementFactory.getThreadMXBean().getThreadCount());
        }
    }

    private static String connections(Target t, int n, int parallel) throws Exception {
        Log.info("scale: " + n + " connections, " + parallel + " at a time");
        Snapshot before = Snapshot.take();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<SshClient>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> connect(t)));
        }
        List<SshClient> clients = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        for (Future<SshClient> f : futures) {
            try {
                clients.add(f.get(TIMEOUT_MINUTES, TimeUnit.MINUTES));
            } catch (Exception e) {
                if (errors.getAndIncrement() < 3) {
                    Log.error("scale connect", e);
                }
            }
        }
        long t1 = System.nanoTime();
        stop(pool);
        Snapshot open = Snapshot.take();
        ExecutorService users = Executors.newFixedThreadPool(parallel);
        List<Future<?>> uses = new ArrayList<>();
        for (SshClient c : clients) {
            uses.add(users.submit(() -> {
                if (c.run("true").exitStatus() != 0) {
                    throw new IllegalStateException("true failed");
                }
                c.close();
                return null;
            }));
        }
        for (Future<?> f : uses) {
            try {
                f.get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            } catch (Exception e) {
                if (errors.getAndIncrement() < 3) {
                    Log.error("scale exec/close", e);
                }
            }
        }
        long t2 = System.nanoTime();
        stop(users);
        return row("connections (connect+auth, then exec `true` and close on each)", n, errors.get(), t0, t1, t2,
                before, open, clients.size());
    }

    private static String channels(Target t, int n, int parallel) throws Exception {
        Log.info("scale: " + n + " exec channels on one connection");
        try (SshClient client = connect(t)) {
            Snapshot before = Snapshot.take();
            ExecutorService pool = Executors.newFixedThreadPool(parallel);
            List<Future<ExecStreams>> futures = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> client.execCommand("cat")));
            }
            List<ExecStreams> open = new ArrayList<>();
            AtomicInteger errors = new AtomicInteger();
            for (Future<ExecStreams> f : futures) {
                try {
                    open.add(f.get(TIMEOUT_MINUTES, TimeUnit.MINUTES));
                } catch (Exception e) {
                    if (errors.getAndIncrement() < 3) {
                        Log.error("scale channel open", e);
                    }
                }
            }
            long t1 = System.nanoTime();
            stop(pool);
            Snapshot all = Snapshot.take();
            ExecutorService users = Executors.newFixedThreadPool(parallel);
            List<Future<?>> uses = new ArrayList<>();
            for (int i = 0; i < open.size(); i++) {
                ExecStreams s = open.get(i);
                byte[] line = ("channel " + i + "\n").getBytes(StandardCharsets.US_ASCII);
                uses.add(users.submit(() -> {
                    s.stdin().write(line);
                    s.stdin().close();
                    byte[] echoed = s.stdout().readAllBytes();
                    int status = s.channel().recvExitStatus();
                    s.close();
                    if (status != 0 || !java.util.Arrays.equals(echoed, line)) {
                        throw new IllegalStateException("cat echoed " + echoed.length + " bytes, status " + status);
                    }
                    return null;
                }));
            }
            for (Future<?> f : uses) {
                try {
                    f.get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
                } catch (Exception e) {
                    if (errors.getAndIncrement() < 3) {
                        Log.error("scale channel use", e);
                    }
                }
            }
            long t2 = System.nanoTime();
            stop(users);
            return row("exec channels on one connection (`cat`, all open at once, one line echoed each)", n,
                    errors.get(), t0, t1, t2, before, all, open.size());
        }
    }

    /** Lets the pool's threads end, so they are not counted as the client's. */
    private static void stop(ExecutorService pool) throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
    }

    private static String row(String what, int n, int errors, long t0, long t1, long t2, Snapshot before,
            Snapshot open, int opened) {
        double heapMiB = (open.heap() - before.heap()) / 1048576.0;
        int threads = open.threads() - before.threads();
        return String.format(Locale.ROOT, "| %s | %d | %d | %.2f s | %.2f s | %.1f MiB | %.1f KiB | %d | %.2f |%n",
                what, n, errors, (t1 - t0) / 1e9, (t2 - t1) / 1e9, heapMiB, heapMiB * 1024 / Math.max(1, opened),
                threads, (double) threads / Math.max(1, opened));
    }
}
