package org.javamiko.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.javamiko.bench.clients.JavaClient;
import org.javamiko.bench.clients.SftpWorker;

/**
 * K SFTP workers on one connection, each driven by one thread at a time: at most K transfers
 * are in progress at once. The workers and threads live as long as the pool, so the per-worker
 * SFTP sessions of the libraries that need them are opened once, outside the timed runs.
 */
final class WorkerPool implements AutoCloseable {
    private static final long TIMEOUT_MINUTES = 30;

    /** What to do with one item, on one worker. */
    interface Job<T> {
        void run(SftpWorker worker, T item) throws Exception;
    }

    private final List<SftpWorker> workers;
    private final ExecutorService threads;

    private WorkerPool(List<SftpWorker> workers) {
        this.workers = workers;
        this.threads = Executors.newFixedThreadPool(workers.size(), r -> {
            Thread t = new Thread(r, "tree-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens {@code size} workers on {@code session}. */
    static WorkerPool open(JavaClient.Session session, int size) throws Exception {
        if (size < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + size);
        }
        List<SftpWorker> workers = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                workers.add(session.sftpWorker());
            }
        } catch (Exception e) {
            closeAll(workers);
            throw e;
        }
        return new WorkerPool(workers);
    }

    /**
     * Runs {@code job} on every item, each worker taking the next item when it is done with one;
     * returns when all are done. The first failure stops the workers from taking more items and
     * is thrown, naming its item.
     */
    <T> void forEach(List<T> items, Job<T> job) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<?>> loops = new ArrayList<>();
        for (SftpWorker worker : workers) {
            loops.add(threads.submit(() -> {
                for (int i; !failed.get() && (i = next.getAndIncrement()) < items.size(); ) {
                    try {
                        job.run(worker, items.get(i));
                    } catch (Exception e) {
                        failed.set(true);
                        throw new IllegalStateException(items.get(i) + ": " + e, e);
                    }
                }
                return null;
            }));
        }
        Exception first = null;
        for (Future<?> loop : loops) {
            try {
                loop.get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                first = first != null ? first
                        : e.getCause() instanceof Exception ? (Exception) e.getCause() : new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                failed.set(true);
                first = first != null ? first : new TimeoutException("a tree transfer took over " + TIMEOUT_MINUTES + " minutes");
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        closeAll(workers);
    }

    private static void closeAll(List<SftpWorker> workers) {
        for (SftpWorker w : workers) {
            try {
                w.close();
            } catch (Exception e) {
                Log.error("closing an SFTP worker", e);
            }
        }
    }
}
