package org.javamiko;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.javamiko.internal.fleet.LineCollector;
import org.javamiko.internal.fleet.Threads;
import org.javamiko.sftp.SftpClient;

/**
 * Runs a command, an SFTP transfer, or any {@link FleetTask} on many hosts at once, as Fabric's
 * and parallel-ssh's group runs: bounded concurrency, a per-host timeout, one
 * {@link FleetResult} per host streamed as each finishes, and connections kept for the next task
 * on the same host. A failing host never stops the others.
 *
 * <p>Connections: kept in an {@link SshClientPool}, so tasks to one host (however it is spelled:
 * {@code web-1} and {@code root@web-1:22} resolve alike) share one connection and pay one
 * handshake, a second connection opens when the server's {@code MaxSessions} is reached, and a
 * dead connection is replaced for the next task.
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
 * passes, the host's result is a {@link SocketTimeoutException} at once, its connection is closed
 * (with any other task on that connection),
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

    private final int parallelism;
    private final Duration timeout;
    private final boolean captureOutput;
    private final FleetOutputListener output;
    private final boolean virtual;
    private final ThreadFactory workers;
    private final ScheduledThreadPoolExecutor timers;
    private final FleetConnections connections;
    private volatile boolean closed;

    private Fleet(Builder b) {
        this.parallelism = b.parallelism;
        this.timeout = b.timeout;
        this.captureOutput = b.captureOutput;
        this.output = b.output;
        this.virtual = b.virtualThreads && Threads.virtualAvailable();
        this.workers = Threads.factory(virtual, "fleet-");
        this.timers = new ScheduledThreadPoolExecutor(1, Threads.factory(false, "fleet-timer-"));
        this.timers.setRemoveOnCancelPolicy(true);
        this.connections = new FleetConnections(b.options, b.setup, b.keepConnections, virtual ? workers : null);
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
        return start(hosts, command, (host, client, lease, left) -> runCommand(host, client, lease, command, exec, left));
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
        return start(hosts, description, (host, client, lease, left) -> {
            try (SftpClient sftp = FleetConnections.openSftp(client, lease)) {
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
        return start(hosts, description, (host, client, lease, left) -> {
            try (SftpClient sftp = FleetConnections.openSftp(client, lease)) {
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
        Objects.requireNonNull(task, "task");
        return start(hosts, description, (host, client, lease, left) -> task.run(host, client, left));
    }

    private FleetRun start(List<String> hosts, String description, FleetConnections.LeasedTask task) {
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
        return connections.open();
    }

    /** Closes every connection the fleet keeps, and its timer; runs still going fail. Idempotent. */
    @Override
    public void close() {
        closed = true;
        connections.close();
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

    FleetConnections connections() {
        return connections;
    }

    private CommandResult runCommand(FleetHost host, SshClient client, SshClientPool.Lease lease, String command,
                                     ExecOptions exec, Duration left) throws IOException {
        long deadline = FleetConnections.deadline(left, exec.timeout());
        ExecOptions untimed = exec.toBuilder().timeout(null).build();
        ExecStreams streams = lease != null ? lease.execCommand(command, untimed) : client.execCommand(command, untimed);
        LineCollector out = new LineCollector(captureOutput, output == null ? null : l -> output.line(host, false, l));
        LineCollector err = new LineCollector(captureOutput, output == null ? null : l -> output.line(host, true, l));
        return FleetConnections.runCommand(streams, host, command, deadline, out, err);
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
