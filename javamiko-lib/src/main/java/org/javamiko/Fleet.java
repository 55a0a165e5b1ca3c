package org.javamiko;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.javamiko.internal.fleet.LineCollector;
import org.javamiko.internal.fleet.Threads;
import org.javamiko.sftp.SftpClient;
import org.javamiko.transport.Channel;

/**
 * Runs a command, an SFTP transfer, or any {@link FleetTask} on many hosts at once, as Fabric's
 * and parallel-ssh's group runs: bounded concurrency, a per-host timeout, one
 * {@link FleetResult} per host streamed as each finishes, and connections kept for the next task
 * on the same host. A failing host never stops the others.
 *
 * <pre>{@code
 * try (Fleet fleet = Fleet.builder()
 *         .connectOptions(() -> ConnectOptions.builder().sshConfig(SshConfig.load()))
 *         .parallelism(50)
 *         .timeout(Duration.ofSeconds(30))
 *         .build()) {
 *     List<String> hosts = List.of("web-1", "web-2", "deploy@db-1:2222");
 *     for (FleetResult r : fleet.run(hosts, "uptime")) {        // fastest host first
 *         System.out.println(r.host().spec() + " " + (r.ok() ? r.stdout().strip() : r.describeFailure()));
 *     }
 *     fleet.put(hosts, Path.of("app.conf"), "/etc/app.conf").allOk();   // same connections, SFTP
 * }
 * }</pre>
 *
 * <p>Threads: each task on a host runs on a worker thread, at most {@link Builder#parallelism}
 * at once; workers and the connections' reader threads are virtual threads when the JDK has them
 * (Java 21+, chosen at run time), daemon platform threads on Java 17.
 *
 * <p>Timeout: {@link Builder#timeout} bounds each task on each host, connecting included. When it
 * passes, the host's result is a {@link SocketTimeoutException} at once, its connection is closed,
 * and another worker takes the slot, so a hanging host holds up nobody.
 *
 * <p>Hosts are {@code [user@]host[:port]} ({@link FleetHost#parse}); {@code host} goes to
 * {@link SshClient#connect(String, ConnectOptions)} as is, so ssh_config aliases work when the
 * options carry a config. A fleet may run many tasks one after another (or at once); {@link #close()}
 * closes every connection it keeps.
 */
public final class Fleet implements AutoCloseable {
    /** The default number of hosts worked on at once, as pssh's. */
    public static final int DEFAULT_PARALLELISM = 32;

    private final Function<FleetHost, ConnectOptions> options;
    private final FleetClientSetup setup;
    private final int parallelism;
    private final Duration timeout;
    private final boolean keepConnections;
    private final boolean captureOutput;
    private final FleetOutputListener output;
    private final boolean virtual;
    private final ThreadFactory workers;
    private final ScheduledThreadPoolExecutor timers;
    private final Map<String, Pooled> pool = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** A kept connection to one host; its monitor serialises connecting. */
    private static final class Pooled {
        volatile SshClient client;
    }

    private Fleet(Builder b) {
        this.options = b.options;
        this.setup = b.setup;
        this.parallelism = b.parallelism;
        this.timeout = b.timeout;
        this.keepConnections = b.keepConnections;
        this.captureOutput = b.captureOutput;
        this.output = b.output;
        this.virtual = b.virtualThreads && Threads.virtualAvailable();
        this.workers = Threads.factory(virtual, "fleet-");
        this.timers = new ScheduledThreadPoolExecutor(1, Threads.factory(false, "fleet-timer-"));
        this.timers.setRemoveOnCancelPolicy(true);
    }

    /** @return a builder with the defaults: 32 at once, no timeout, connections kept, output captured */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether this JDK has virtual threads (Java 21+), which fleets then use */
    public static boolean virtualThreadsAvailable() {
        return Threads.virtualAvailable();
    }

    /** @return whether this fleet's workers and connections run on virtual threads */
    public boolean usesVirtualThreads() {
        return virtual;
    }

    /**
     * Runs a command on every host; see {@link #run(List, String, ExecOptions)}.
     *
     * @param hosts {@code [user@]host[:port]} each
     * @param command the remote command line
     * @return the run, already going
     */
    public FleetRun run(List<String> hosts, String command) {
        return run(hosts, command, ExecOptions.defaults());
    }

    /**
     * Runs a command on every host: stdin gets EOF at once, stdout and stderr are collected (and
     * handed line by line to the {@link Builder#outputListener} as they arrive), then the exit
     * status. Returns at once; the results stream from the returned run.
     *
     * <pre>{@code
     * boolean allUp = fleet.run(hosts, "systemctl is-active nginx").allOk();
     * }</pre>
     *
     * @param hosts {@code [user@]host[:port]} each; the same host may appear more than once
     * @param command the remote command line
     * @param exec environment, pty, agent forwarding; its timeout bounds the command alone
     * @return the run, already going
     * @throws IllegalArgumentException when a host cannot be parsed
     * @throws IllegalStateException when the fleet is closed
     */
    public FleetRun run(List<String> hosts, String command, ExecOptions exec) {
        Objects.requireNonNull(command, "command");
        return submit(hosts, command, (host, client, left) -> runCommand(host, client, command, exec, left));
    }

    /**
     * Uploads one file to every host by SFTP, as {@link SftpClient#put} with confirm.
     *
     * <pre>{@code
     * fleet.put(hosts, Path.of("motd"), "/etc/motd").awaitAll();
     * }</pre>
     *
     * @param hosts {@code [user@]host[:port]} each
     * @param local the file to send
     * @param remote its remote path
     * @return the run; each result has exit status 0 and the bytes sent as stdout when the upload worked
     */
    public FleetRun put(List<String> hosts, Path local, String remote) {
        String description = "sftp put " + local + " " + remote;
        return submit(hosts, description, (host, client, left) -> {
            try (SftpClient sftp = client.openSftp()) {
                if (left != null) {
                    sftp.setTimeout(left);
                }
                long size = sftp.put(local, remote, null, true).getSize();
                return new CommandResult(description, 0, Long.toString(size), "");
            }
        });
    }

    /**
     * Downloads one file from every host by SFTP, each to its own local path.
     *
     * <pre>{@code
     * fleet.get(hosts, "/etc/os-release", h -> Path.of("os-release." + h.host())).awaitAll();
     * }</pre>
     *
     * @param hosts {@code [user@]host[:port]} each
     * @param remote the remote file
     * @param local where each host's copy goes
     * @return the run; each result has exit status 0 when the download worked
     */
    public FleetRun get(List<String> hosts, String remote, Function<FleetHost, Path> local) {
        String description = "sftp get " + remote;
        return submit(hosts, description, (host, client, left) -> {
            try (SftpClient sftp = client.openSftp()) {
                if (left != null) {
                    sftp.setTimeout(left);
                }
                sftp.get(remote, local.apply(host), null);
                return new CommandResult(description, 0, "", "");
            }
        });
    }

    /**
     * Runs any task on every host over its connection (made, or kept from an earlier task).
     *
     * <pre>{@code
     * FleetRun run = fleet.submit(hosts, "disk check", (host, client, left) -> client.run("df -h /"));
     * }</pre>
     *
     * @param hosts {@code [user@]host[:port]} each
     * @param description names the task in results
     * @param task the work
     * @return the run, already going
     * @throws IllegalArgumentException when a host cannot be parsed
     * @throws IllegalStateException when the fleet is closed
     */
    public FleetRun submit(List<String> hosts, String description, FleetTask task) {
        if (closed) {
            throw new IllegalStateException("the fleet is closed");
        }
        List<FleetHost> parsed = hosts.stream().map(FleetHost::parse).toList();
        FleetRun run = new FleetRun(this, parsed, description, task);
        run.start(parallelism);
        return run;
    }

    /** @return how many connections the fleet keeps open now */
    public int openConnections() {
        int n = 0;
        for (Pooled p : pool.values()) {
            SshClient c = p.client;
            if (c != null && c.getTransport() != null && c.getTransport().isActive()) {
                n++;
            }
        }
        return n;
    }

    /** Closes every connection the fleet keeps, and its timer; runs still going fail. Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Pooled p : pool.values()) {
            SshClient c = p.client; // not under its monitor: a connect in progress must not hold close() up
            p.client = null;
            if (c != null) {
                c.close();
            }
        }
        pool.clear();
        timers.shutdownNow();
    }

    // ---- for FleetRun --------------------------------------------------------------------

    Duration timeout() {
        return timeout;
    }

    void startWorker(Runnable loop) {
        workers.newThread(loop).start();
    }

    ScheduledFuture<?> schedule(Runnable action, Duration delay) {
        return timers.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The job's client: the kept one when it is still up, else a new connection. */
    SshClient clientFor(FleetRun.Job job) throws IOException {
        if (closed) {
            throw new SshException("the fleet is closed");
        }
        if (!keepConnections) {
            SshClient client = new SshClient();
            job.client = client;
            connect(job, client);
            return client;
        }
        Pooled p = pool.computeIfAbsent(job.host.spec(), k -> new Pooled());
        synchronized (p) {
            SshClient kept = p.client;
            if (kept != null && kept.getTransport() != null && kept.getTransport().isActive()) {
                job.client = kept;
                return kept;
            }
            if (kept != null) {
                kept.close();
                p.client = null;
            }
            SshClient client = new SshClient();
            job.client = client;
            connect(job, client);
            p.client = client;
            if (closed) {
                client.close();
                throw new SshException("the fleet is closed");
            }
            return client;
        }
    }

    private void connect(FleetRun.Job job, SshClient client) throws IOException {
        try {
            if (virtual) {
                client.setThreadFactory(workers);
            }
            setup.setUp(job.host, client);
            client.connect(job.host.host(), options.apply(job.host));
            if (job.settled.get()) {
                throw new SocketTimeoutException(job.host.spec() + ": did not finish within " + timeout);
            }
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** After a job: a connection that is not kept is closed. */
    void release(FleetRun.Job job) {
        if (!keepConnections) {
            SshClient c = job.client;
            if (c != null) {
                c.close();
            }
        }
    }

    /** A job timed out or was cancelled: its connection is closed under it. */
    void abort(FleetRun.Job job) {
        SshClient c = job.client;
        if (c != null) {
            c.close();
        }
    }

    private CommandResult runCommand(FleetHost host, SshClient client, String command, ExecOptions exec, Duration left)
            throws IOException {
        long deadline = deadline(left, exec.timeout());
        try (ExecStreams streams = client.execCommand(command, exec.toBuilder().timeout(null).build())) {
            Channel channel = streams.channel();
            channel.shutdownWrite();
            LineCollector out = new LineCollector(captureOutput, output == null ? null : l -> output.line(host, false, l));
            LineCollector err = new LineCollector(captureOutput, output == null ? null : l -> output.line(host, true, l));
            byte[] buf = new byte[32 * 1024];
            while (channel.waitForOutput(remaining(deadline, host))) {
                drain(streams.stdout(), out, buf);
                drain(streams.stderr(), err, buf);
            }
            out.finish();
            err.finish();
            int status = channel.recvExitStatus(remaining(deadline, host));
            return new CommandResult(command, status, out.text(), err.text());
        }
    }

    private static long deadline(Duration a, Duration b) {
        long now = System.nanoTime();
        long deadline = Long.MAX_VALUE;
        for (Duration d : new Duration[] {a, b}) {
            if (d != null) {
                deadline = Math.min(deadline, now + d.toNanos());
            }
        }
        return deadline;
    }

    private static Duration remaining(long deadline, FleetHost host) throws SocketTimeoutException {
        if (deadline == Long.MAX_VALUE) {
            return null;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException(host.spec() + ": the command did not finish within its timeout");
        }
        return Duration.ofNanos(left);
    }

    private static void drain(InputStream in, LineCollector to, byte[] buf) throws IOException {
        int available;
        while ((available = in.available()) > 0) {
            int n = in.read(buf, 0, Math.min(buf.length, available));
            if (n < 0) {
                return;
            }
            to.accept(buf, 0, n);
        }
    }

    /** Settings for a {@link Fleet}; every setter returns the builder. */
    public static final class Builder {
        private Function<FleetHost, ConnectOptions> options = host -> withHost(ConnectOptions.builder(), host).build();
        private FleetClientSetup setup = (host, client) -> client.loadSystemHostKeys();
        private int parallelism = DEFAULT_PARALLELISM;
        private Duration timeout;
        private boolean keepConnections = true;
        private boolean captureOutput = true;
        private FleetOutputListener output;
        private boolean virtualThreads = true;

        private Builder() {
        }

        /**
         * The same connection settings for every host, from a fresh builder per host onto which
         * the host's {@code user@} and {@code :port} are set (so they win over an ssh_config's,
         * as {@code ssh -l}/{@code -p} do).
         *
         * <pre>{@code
         * builder.connectOptions(() -> ConnectOptions.builder().sshConfig(config).keyFilename(key));
         * }</pre>
         *
         * @param base makes a builder with the common settings
         * @return this builder
         */
        public Builder connectOptions(Supplier<ConnectOptions.Builder> base) {
            Objects.requireNonNull(base, "base");
            this.options = host -> withHost(base.get(), host).build();
            return this;
        }

        /**
         * Connection settings chosen per host; the host's {@code user@} and {@code :port} are
         * the function's to apply.
         *
         * @param perHost the options for each host
         * @return this builder
         */
        public Builder connectOptionsPerHost(Function<FleetHost, ConnectOptions> perHost) {
            this.options = Objects.requireNonNull(perHost, "perHost");
            return this;
        }

        /**
         * @param setup prepares each new client before it connects (host keys, policy); default:
         *              {@link SshClient#loadSystemHostKeys()}
         * @return this builder
         */
        public Builder clientSetup(FleetClientSetup setup) {
            this.setup = Objects.requireNonNull(setup, "setup");
            return this;
        }

        /**
         * @param hostsAtOnce how many hosts are worked on at once, at least 1; default 32
         * @return this builder
         */
        public Builder parallelism(int hostsAtOnce) {
            if (hostsAtOnce < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1: " + hostsAtOnce);
            }
            this.parallelism = hostsAtOnce;
            return this;
        }

        /**
         * @param perHost bounds each task on each host, connecting included; null (the default) for none
         * @return this builder
         */
        public Builder timeout(Duration perHost) {
            this.timeout = perHost;
            return this;
        }

        /**
         * @param keep keep each host's connection for the fleet's next task (default true); false
         *             closes it after each task
         * @return this builder
         */
        public Builder keepConnections(boolean keep) {
            this.keepConnections = keep;
            return this;
        }

        /**
         * @param capture keep each host's stdout and stderr in its result (default true); false
         *                for huge outputs, with an output listener
         * @return this builder
         */
        public Builder captureOutput(boolean capture) {
            this.captureOutput = capture;
            return this;
        }

        /**
         * @param listener gets every line of every host's output as it arrives; null for none
         * @return this builder
         */
        public Builder outputListener(FleetOutputListener listener) {
            this.output = listener;
            return this;
        }

        /**
         * @param use virtual threads when the JDK has them (default true); false forces platform threads
         * @return this builder
         */
        public Builder virtualThreads(boolean use) {
            this.virtualThreads = use;
            return this;
        }

        /** @return the fleet */
        public Fleet build() {
            return new Fleet(this);
        }

        private static ConnectOptions.Builder withHost(ConnectOptions.Builder b, FleetHost host) {
            if (host.user() != null) {
                b.username(host.user());
            }
            if (host.port() > 0) {
                b.port(host.port());
            }
            return b;
        }
    }
}
