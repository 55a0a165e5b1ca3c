package org.javamiko.bench;

import java.nio.file.Path;
import org.javamiko.bench.clients.JavaClient;

/**
 * A JVM client in the tree benchmark: one connection, K SFTP workers on it (see
 * {@link JavaClient.Session#sftpWorker()}), the transfers done by {@link TreeTransfer}. Times
 * are wall clock; CPU is this JVM's process CPU time (all threads, GC and JIT included).
 */
final class JvmTreeClient implements TreeClient {
    private final String name;
    private final JavaClient.Session session;
    private final WorkerPool pool;

    private JvmTreeClient(String name, JavaClient.Session session, WorkerPool pool) {
        this.name = name;
        this.session = session;
        this.pool = pool;
    }

    /** Connects {@code client} to {@code target} and opens {@code concurrency} workers. */
    static JvmTreeClient connect(JavaClient client, Target target, int concurrency) throws Exception {
        JavaClient.Session session = client.connect(target);
        try {
            return new JvmTreeClient(client.name(), session, WorkerPool.open(session, concurrency));
        } catch (Exception e) {
            session.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    private interface Action {
        void run() throws Exception;
    }

    private static Sample timed(Action action, long bytes) throws Exception {
        System.gc();
        double cpu0 = Cpu.processSeconds();
        long t0 = System.nanoTime();
        action.run();
        long t1 = System.nanoTime();
        double cpu1 = Cpu.processSeconds();
        return new Sample((t1 - t0) / 1e9, cpu1 - cpu0, bytes);
    }

    @Override
    public Sample upload(TreeLayout tree, String remoteRoot) throws Exception {
        return timed(() -> TreeTransfer.upload(pool, tree, remoteRoot), tree.totalBytes());
    }

    @Override
    public Sample download(String remoteRoot, Path localRoot, long bytes) throws Exception {
        return timed(() -> TreeTransfer.download(pool, remoteRoot, localRoot), bytes);
    }

    @Override
    public void close() {
        pool.close();
        try {
            session.close();
        } catch (Exception e) {
            Log.error(name + ": closing the connection", e);
        }
    }
}
