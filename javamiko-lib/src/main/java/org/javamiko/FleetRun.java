package org.javamiko;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One task running on many hosts, started by {@link Fleet#run}, {@link Fleet#put},
 * {@link Fleet#get} or {@link Fleet#submit}: iterate it to get each host's {@link FleetResult} as
 * soon as that host finishes (fastest first), or {@link #awaitAll()} for all of them in host order.
 *
 * <pre>{@code
 * try (FleetRun run = fleet.run(hosts, "systemctl is-active nginx")) {
 *     for (FleetResult r : run) {                 // blocks until the next host is done
 *         System.out.println(r);
 *     }
 * }
 * }</pre>
 *
 * <p>Every iterator sees every result, in the order they finished. {@link #close()} cancels what
 * has not finished yet.
 */
public final class FleetRun implements Iterable<FleetResult>, AutoCloseable {
    private final Fleet fleet;
    private final String task;
    private final FleetConnections.LeasedTask work;
    private final List<Job> jobs;
    private final ConcurrentLinkedQueue<Job> pending;
    private final FleetResult[] byHost;
    private final List<FleetResult> byFinish = new ArrayList<>();
    private final CountDownLatch allDone;
    private volatile boolean cancelled;

    /** One host's share of the run. */
    static final class Job {
        final FleetHost host;
        final int index;
        final AtomicBoolean settled = new AtomicBoolean();
        volatile long startNanos;
        volatile boolean started;
        /** The client this job connects or uses; closed by a timeout or cancel. */
        volatile SshClient client;
        /** Its lease on the fleet's pool, when connections are kept. */
        volatile SshClientPool.Lease lease;

        Job(FleetHost host, int index) {
            this.host = host;
            this.index = index;
        }
    }

    FleetRun(Fleet fleet, List<FleetHost> hosts, String task, FleetConnections.LeasedTask work) {
        this.fleet = fleet;
        this.task = task;
        this.work = work;
        List<Job> list = new ArrayList<>(hosts.size());
        for (int i = 0; i < hosts.size(); i++) {
            list.add(new Job(hosts.get(i), i));
        }
        this.jobs = List.copyOf(list);
        this.pending = new ConcurrentLinkedQueue<>(list);
        this.byHost = new FleetResult[hosts.size()];
        this.allDone = new CountDownLatch(hosts.size());
    }

    void start(int parallelism) {
        int workers = Math.min(parallelism, jobs.size());
        for (int i = 0; i < workers; i++) {
            fleet.startWorker(this::workLoop);
        }
    }

    private void workLoop() {
        Job job;
        while ((job = pending.poll()) != null) {
            if (cancelled) {
                settle(job, FleetResult.failed(job.host, task, new CancellationException("the run was cancelled"),
                        Duration.ZERO));
                continue;
            }
            if (!execute(job)) {
                return; // this job timed out: a new worker took over its place
            }
        }
    }

    /** @return false when the job's result was already given (timeout or cancel) and a replacement worker runs */
    private boolean execute(Job job) {
        job.startNanos = System.nanoTime();
        job.started = true;
        Duration timeout = fleet.timeout();
        ScheduledFuture<?> timer = timeout == null ? null : fleet.schedule(() -> expire(job,
                new SocketTimeoutException(job.host.spec() + ": did not finish within " + timeout)), timeout);
        FleetResult result;
        try {
            SshClient client = fleet.connections().clientFor(job);
            CommandResult r = work.run(job.host, client, job.lease, timeLeft(job, timeout));
            result = FleetResult.completed(job.host, r, elapsed(job));
        } catch (Throwable t) {
            Exception e = t instanceof Exception ex ? ex : new ExecutionException(t);
            result = FleetResult.failed(job.host, task, e, elapsed(job));
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
            fleet.connections().release(job);
        }
        return settle(job, result);
    }

    /** A timeout or cancel: the result now, the connection closed, and the worker's place given to a new one. */
    private void expire(Job job, Exception why) {
        FleetResult result = FleetResult.failed(job.host, task, why, elapsed(job));
        if (job.settled.compareAndSet(false, true)) {
            fleet.connections().abort(job);
            deliver(job, result);
            if (!pending.isEmpty()) {
                fleet.startWorker(this::workLoop);
            }
        }
    }

    private boolean settle(Job job, FleetResult result) {
        if (job.settled.compareAndSet(false, true)) {
            deliver(job, result);
            return true;
        }
        return false;
    }

    private void deliver(Job job, FleetResult result) {
        synchronized (byFinish) {
            byHost[job.index] = result;
            byFinish.add(result);
            byFinish.notifyAll();
        }
        allDone.countDown();
    }

    private static Duration timeLeft(Job job, Duration timeout) {
        if (timeout == null) {
            return null;
        }
        Duration left = timeout.minusNanos(System.nanoTime() - job.startNanos);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration elapsed(Job job) {
        return job.started ? Duration.ofNanos(System.nanoTime() - job.startNanos) : Duration.ZERO;
    }

    /** @return the command or the description of the task */
    public String task() {
        return task;
    }

    /** @return the number of hosts */
    public int size() {
        return jobs.size();
    }

    /** @return how many hosts have a result so far */
    public int finishedCount() {
        synchronized (byFinish) {
            return byFinish.size();
        }
    }

    /** @return true once every host has a result */
    public boolean isDone() {
        return allDone.getCount() == 0;
    }

    /**
     * Waits for every host.
     *
     * <pre>{@code
     * List<FleetResult> results = fleet.run(hosts, "true").awaitAll();
     * }</pre>
     *
     * @return one result per host, in the order the hosts were given
     * @throws InterruptedException when interrupted while waiting (the run goes on)
     */
    public List<FleetResult> awaitAll() throws InterruptedException {
        allDone.await();
        synchronized (byFinish) {
            return List.copyOf(Arrays.asList(byHost));
        }
    }

    /**
     * Waits for every host, at most {@code timeout}.
     *
     * @param timeout the bound
     * @return true when every host has a result
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return allDone.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Waits for every host and tells whether all succeeded, as {@code pssh}'s exit status.
     *
     * @return true when every host ran its task to the end with exit status 0
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean allOk() throws InterruptedException {
        return awaitAll().stream().allMatch(FleetResult::ok);
    }

    /**
     * The results as they finish. {@code next()} blocks until another host is done; the iteration
     * ends after the last host. An interrupted wait throws {@link CancellationException} (with the
     * thread's interrupt flag set again).
     *
     * @return an iterator over all results, fastest host first
     */
    @Override
    public Iterator<FleetResult> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < jobs.size();
            }

            @Override
            public FleetResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                synchronized (byFinish) {
                    while (byFinish.size() <= next) {
                        try {
                            byFinish.wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new CancellationException("interrupted while waiting for the next host");
                        }
                    }
                    return byFinish.get(next++);
                }
            }
        };
    }

    /**
     * Cancels what has not finished: hosts not started yet get a {@link CancellationException}
     * result, running ones have their connection closed and get one too.
     */
    public void cancel() {
        cancelled = true;
        Job job;
        while ((job = pending.poll()) != null) {
            settle(job, FleetResult.failed(job.host, task, new CancellationException("the run was cancelled"),
                    Duration.ZERO));
        }
        for (Job j : jobs) {
            if (j.started && !j.settled.get()) {
                expire(j, new CancellationException("the run was cancelled"));
            }
        }
    }

    /** Cancels what has not finished yet (nothing when all are done). */
    @Override
    public void close() {
        if (!isDone()) {
            cancel();
        }
    }
}
