package org.javamiko.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.javamiko.bench.clients.JavaClient;

/**
 * Measures one JVM client against one server, in this JVM: connect+auth, exec, raw stream,
 * SFTP get and put. Each transfer kind is done once untimed first (JIT warm-up, and the
 * SHA-256 check of the file that arrived), then {@link Setup#reps()} times timed.
 */
public final class JavaClientBench {
    private static final int CONNECT_WARMUPS = 5;
    private static final int EXEC_WARMUPS = 10;

    private final Setup setup;
    private final Results results;

    /** @param results where the samples go */
    public JavaClientBench(Setup setup, Results results) {
        this.setup = setup;
        this.results = results;
    }

    /** Runs every measurement of {@code client} against {@code target}. */
    public void run(JavaClient client, Target target) {
        String name = client.name();
        String cipher = target.cipher();
        try {
            results.add(name, cipher, Metric.CONNECT, connects(client, target));
        } catch (Exception e) {
            for (Metric m : Metric.values()) {
                results.fail(name, cipher, m, Log.brief(e));
            }
            Log.error(name + " " + target.shortCipher() + ": cannot connect", e);
            return;
        }
        try (JavaClient.Session session = client.connect(target)) {
            measure(name, cipher, Metric.EXEC, () -> execs(session));
            measure(name, cipher, Metric.STREAM, () -> transfers(() -> {
                long n = session.stream(setup.streamCommand());
                if (n != setup.size()) {
                    throw new IllegalStateException("stream returned " + n + " bytes, not " + setup.size());
                }
                return n;
            }, () -> { }));
            Path local = setup.work().resolve("get-" + slug(name) + ".bin");
            measure(name, cipher, Metric.GET, () -> transfers(() -> {
                Files.deleteIfExists(local);
                session.get(setup.source().toString(), local);
                return Files.size(local);
            }, () -> checkSha("get", local)));
            Files.deleteIfExists(local);
            Path remote = setup.work().resolve("put-" + slug(name) + ".bin");
            measure(name, cipher, Metric.PUT, () -> transfers(() -> {
                Files.deleteIfExists(remote);
                session.put(setup.source(), remote.toString());
                return Files.size(remote);
            }, () -> checkSha("put", remote)));
            Files.deleteIfExists(remote);
        } catch (Exception e) {
            Log.error(name + " " + target.shortCipher(), e);
        }
    }

    private static String slug(String name) {
        return name.replaceAll("[^A-Za-z0-9.]+", "-");
    }

    private void checkSha(String what, Path file) throws Exception {
        String sha = Sha256.of(file);
        if (!sha.equals(setup.sourceSha256())) {
            throw new IllegalStateException(what + ": SHA-256 mismatch " + sha + " != " + setup.sourceSha256());
        }
    }

    private interface Measurement {
        List<Sample> run() throws Exception;
    }

    private interface Transfer {
        long run() throws Exception;
    }

    private interface Check {
        void run() throws Exception;
    }

    private void measure(String client, String cipher, Metric metric, Measurement m) {
        try {
            results.add(client, cipher, metric, m.run());
        } catch (Exception e) {
            results.fail(client, cipher, metric, Log.brief(e));
            Log.error(client + " " + BenchCiphers.shortName(cipher) + " " + metric.title(), e);
        }
    }

    private List<Sample> connects(JavaClient client, Target target) throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < CONNECT_WARMUPS + setup.connects(); i++) {
            long t0 = System.nanoTime();
            JavaClient.Session s = client.connect(target);
            long t1 = System.nanoTime();
            s.close();
            if (i >= CONNECT_WARMUPS) {
                samples.add(new Sample((t1 - t0) / 1e9, Double.NaN, 0));
            }
        }
        return samples;
    }

    private List<Sample> execs(JavaClient.Session session) throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < EXEC_WARMUPS + setup.execs(); i++) {
            long t0 = System.nanoTime();
            session.exec("true");
            long t1 = System.nanoTime();
            if (i >= EXEC_WARMUPS) {
                samples.add(new Sample((t1 - t0) / 1e9, Double.NaN, 0));
            }
        }
        return samples;
    }

    private List<Sample> transfers(Transfer transfer, Check afterWarmup) throws Exception {
        transfer.run();
        afterWarmup.run();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < setup.reps(); i++) {
            System.gc();
            double cpu0 = Cpu.processSeconds();
            long t0 = System.nanoTime();
            long bytes = transfer.run();
            long t1 = System.nanoTime();
            double cpu1 = Cpu.processSeconds();
            samples.add(new Sample((t1 - t0) / 1e9, cpu1 - cpu0, bytes));
        }
        return samples;
    }
}
