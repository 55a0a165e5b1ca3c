package org.javamiko.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.javamiko.bench.clients.JavaClient;

/**
 * Measures one JVM client against one server, in this JVM: connect+auth and exec right away;
 * raw stream, SFTP get and SFTP put once untimed (JIT warm-up, and the check of what arrived:
 * the stream's length, the SHA-256 of each file), then as {@link TransferRounds} whose timed
 * repetitions {@link BenchMain} interleaves with the other clients'.
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

    /**
     * Measures connect and exec, then opens the connection the transfers use and warms each
     * transfer up; a transfer that fails its warm-up is marked failed and not timed.
     *
     * @return the client's timed transfers, or null when it cannot connect at all
     */
    public TransferRounds prepare(JavaClient client, Target target) {
        String name = client.name();
        String cipher = target.cipher();
        try {
            results.add(name, cipher, Metric.CONNECT, connects(client, target));
        } catch (Exception e) {
            for (Metric m : Metric.values()) {
                results.fail(name, cipher, m, Log.brief(e));
            }
            Log.error(name + " " + target.shortCipher() + ": cannot connect", e);
            return null;
        }
        JavaClient.Session session;
        try {
            session = client.connect(target);
        } catch (Exception e) {
            for (Metric m : TransferRounds.TRANSFERS) {
                results.fail(name, cipher, m, Log.brief(e));
            }
            Log.error(name + " " + target.shortCipher(), e);
            return null;
        }
        measure(name, cipher, Metric.EXEC, () -> execs(session));
        Rounds rounds = new Rounds(name, session, target);
        for (Metric m : TransferRounds.TRANSFERS) {
            try {
                rounds.transfer(m);
                rounds.check(m);
            } catch (Exception e) {
                results.fail(name, cipher, m, Log.brief(e));
                Log.error(name + " " + target.shortCipher() + " " + m.title() + " (warm-up)", e);
            } finally {
                rounds.cleanUp();
            }
        }
        return rounds;
    }

    /** The timed transfers of one connected client. */
    private final class Rounds implements TransferRounds {
        private final String name;
        private final JavaClient.Session session;
        private final Path local;
        private final Path remote;
        private final ServerCpu server;

        private double serverCpu() {
            return server == null ? Double.NaN : server.seconds();
        }

        Rounds(String name, JavaClient.Session session, Target target) {
            this.name = name;
            this.session = session;
            this.server = ServerCpu.forPort(target.port()).orElse(null);
            this.local = setup.work().resolve("get-" + slug(name) + ".bin");
            this.remote = setup.work().resolve("put-" + slug(name) + ".bin");
        }

        @Override
        public String name() {
            return name;
        }

        /** One transfer, untimed; the files it leaves stay until {@link #cleanUp()}. */
        long transfer(Metric metric) throws Exception {
            switch (metric) {
                case STREAM -> {
                    long n = session.stream(setup.streamCommand());
                    if (n != setup.size()) {
                        throw new IllegalStateException("stream returned " + n + " bytes, not " + setup.size());
                    }
                    return n;
                }
                case GET -> {
                    Files.deleteIfExists(local);
                    session.get(setup.source().toString(), local);
                    return Files.size(local);
                }
                case PUT -> {
                    Files.deleteIfExists(remote);
                    session.put(setup.source(), remote.toString());
                    return Files.size(remote);
                }
                default -> throw new IllegalArgumentException(metric + " is not a transfer");
            }
        }

        /** Checks the file the last transfer of {@code metric} left (the stream checks itself). */
        void check(Metric metric) throws Exception {
            if (metric == Metric.GET) {
                checkSha("get", local);
            } else if (metric == Metric.PUT) {
                checkSha("put", remote);
            }
        }

        /** Removes the transferred files, so the clients' copies of a large file never pile up on tmpfs. */
        void cleanUp() {
            try {
                Files.deleteIfExists(local);
                Files.deleteIfExists(remote);
            } catch (Exception e) {
                Log.error(name + ": removing " + local + " and " + remote, e);
            }
        }

        @Override
        public Sample once(Metric metric, int rep) throws Exception {
            try {
                System.gc();
                double server0 = serverCpu();
                MachineCpu.Reading machine0 = MachineCpu.read();
                double cpu0 = Cpu.processSeconds();
                long t0 = System.nanoTime();
                long bytes = transfer(metric);
                long t1 = System.nanoTime();
                double cpu1 = Cpu.processSeconds();
                double busy = MachineCpu.read().busySince(machine0);
                return new Sample((t1 - t0) / 1e9, cpu1 - cpu0, bytes, serverCpu() - server0, busy);
            } finally {
                cleanUp();
            }
        }

        @Override
        public void close() {
            cleanUp();
            try {
                session.close();
            } catch (Exception e) {
                Log.error(name + ": closing the connection", e);
            }
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
}
