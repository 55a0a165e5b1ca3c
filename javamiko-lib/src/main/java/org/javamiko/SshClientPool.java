package org.javamiko;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.javamiko.internal.fleet.Threads;
import org.javamiko.sftp.SftpClient;
import org.javamiko.transport.Channel;
import org.javamiko.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared, authenticated connections, as OpenSSH's {@code ControlMaster}/{@code ControlPersist}
 * gives {@code ssh}: many threads run commands and SFTP sessions to a host over one connection,
 * paying the handshake once.
 *
 * <pre>{@code
 * try (SshClientPool pool = SshClientPool.builder().idleTimeout(Duration.ofMinutes(5)).build()) {
 *     ConnectOptions opts = ConnectOptions.builder().username("deploy").build();
 *     CommandResult r = pool.run("build-01", opts, "uptime");          // connects
 *     r = pool.run("build-01", opts, "df -h /");                       // same connection
 *     try (SshClientPool.Lease lease = pool.lease("build-01", opts);
 *          SftpClient sftp = lease.openSftp()) {
 *         sftp.put(Path.of("app.jar"), "/srv/app.jar", null, true);
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Connections are keyed by user, host, port and every other resolved option (ssh_config
 *       included) and by the credentials: callers share a connection only when they would have
 *       made the same one. One pool is meant for one application: whoever can call it may use
 *       the connections it holds.</li>
 *   <li>Each connection carries at most {@link Builder#maxChannelsPerConnection} leases (one
 *       channel each) at once; when the server refuses a session channel although others are open
 *       (sshd's {@code MaxSessions}), that connection's cap drops to what it accepted and the
 *       caller gets a second connection instead of the refusal.</li>
 *   <li>A connection idle for {@link Builder#idleTimeout} is closed. A dead one (the server went
 *       away; set {@link ConnectOptions.Builder#keepalive} to notice it while idle) is replaced
 *       for the next caller; one whose channel fails to open because it died meanwhile is
 *       replaced for that caller too. A connection is never closed under a lease, except by
 *       {@link #close()}.</li>
 * </ul>
 *
 * <p>Safe to use from many threads.
 */
public final class SshClientPool implements AutoCloseable {
    /** The default cap of channels per connection: OpenSSH's default {@code MaxSessions}. */
    public static final int DEFAULT_MAX_CHANNELS = 10;
    /** The default time an unused connection is kept: one minute. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(SshClientPool.class);

    private final ClientSetup setup;
    private final int maxChannels;
    private final Duration idleTimeout;
    private final ThreadFactory threadFactory;
    private final Map<String, PoolGroup> groups = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor sweeper;
    private volatile boolean closed;

    /**
     * Prepares each new client of a pool before it connects: host keys, the missing-host-key
     * policy, the log channel. The default loads {@code ~/.ssh/known_hosts}.
     */
    @FunctionalInterface
    public interface ClientSetup {
        /**
         * @param host the host it will connect to, as given to the pool
         * @param client a new client, not connected yet
         * @throws IOException a failure, thrown to the caller that needed the connection
         */
        void setUp(String host, SshClient client) throws IOException;
    }

    private SshClientPool(Builder b) {
        this.setup = b.setup;
        this.maxChannels = b.maxChannels;
        this.idleTimeout = b.idleTimeout;
        this.threadFactory = b.threadFactory;
        this.sweeper = new ScheduledThreadPoolExecutor(1, Threads.factory(false, "ssh-pool-idle-"));
        long period = Math.max(50, Math.min(idleTimeout.toMillis() / 2, 30_000));
        sweeper.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /** @return a builder with the defaults: 10 channels per connection, idle connections closed after a minute */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Takes one channel's room on a connection to {@code host}, connecting when none has room.
     * Close the lease when done; the connection stays for the next caller.
     *
     * @param host the server's name or address, or a Host alias when the options carry an ssh_config
     * @param options how to connect and log in
     * @return the lease
     * @throws IllegalArgumentException when the options carry a connected socket ({@code sock})
     * @throws IllegalStateException when the pool is closed
     * @throws IOException as {@link SshClient#connect(String, ConnectOptions)}
     */
    public Lease lease(String host, ConnectOptions options) throws IOException {
        return lease(host, options, setup, client -> { });
    }

    /** As {@link #lease(String, ConnectOptions)}, with this caller's setup; sees each new client before it connects. */
    Lease lease(String host, ConnectOptions options, ClientSetup clientSetup, Consumer<SshClient> onNewClient)
            throws IOException {
        if (closed) {
            throw new IllegalStateException("the pool is closed");
        }
        String key = PoolKey.of(host, options);
        PoolGroup group = groups.computeIfAbsent(key, k -> new PoolGroup(maxChannels));
        PoolGroup.Connector connector = () -> connect(host, options, clientSetup, onNewClient);
        return new Lease(this, group, connector, group.acquire(connector));
    }

    private SshClient connect(String host, ConnectOptions options, ClientSetup clientSetup,
                              Consumer<SshClient> onNewClient) throws IOException {
        SshClient client = new SshClient();
        try {
            if (threadFactory != null) {
                client.setThreadFactory(threadFactory);
            }
            onNewClient.accept(client);
            clientSetup.setUp(host, client);
            LOG.debug("Pool: connecting to {}", host);
            client.connect(host, options);
            if (closed) {
                throw new IllegalStateException("the pool is closed");
            }
            return client;
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * Runs a command to its end on a pooled connection, as {@link SshClient#run(String)}.
     *
     * @param host the server's name, address or ssh_config alias
     * @param options how to connect and log in
     * @param command the command line
     * @return its exit status and output
     * @throws IOException as {@link #lease} and {@link SshClient#run(String, ExecOptions)}
     */
    public CommandResult run(String host, ConnectOptions options, String command) throws IOException {
        return run(host, options, command, ExecOptions.defaults());
    }

    /**
     * Runs a command to its end on a pooled connection, as {@link SshClient#run(String, ExecOptions)}.
     * When the options' {@link ConnectOptions#controlPath()}, or the config's {@code ControlPath},
     * names a socket where an OpenSSH master answers, the command goes through that master
     * instead ({@link ControlMaster#run}; needs junixsocket, without which the pool connects
     * itself), as {@code ssh} with {@code ControlMaster auto} does; no master there: the pool
     * connects itself, and says so at DEBUG.
     *
     * @param host the server's name, address or ssh_config alias
     * @param options how to connect and log in
     * @param command the command line
     * @param exec its timeout (the command is ended when it passes), pty, environment
     * @return its exit status and output
     * @throws CommandTimeoutException when the timeout passes
     * @throws IOException as {@link #lease} and {@link SshClient#run(String, ExecOptions)}
     */
    public CommandResult run(String host, ConnectOptions options, String command, ExecOptions exec)
            throws IOException {
        ControlMaster master = ControlPaths.liveMaster(host, options);
        if (master != null) {
            try {
                return master.run(command, exec);
            } catch (SshException e) {
                if (!(e.getCause() instanceof LinkageError)) {
                    throw e;
                }
                LOG.debug("Not using the ControlMaster at {}: {}", master.path(), e.getMessage());
            }
        }
        try (Lease lease = lease(host, options)) {
            return lease.run(command, exec);
        }
    }

    /**
     * Starts a command on a pooled connection; closing the streams ends the command (see
     * {@link ExecStreams#close()}) and gives the connection's room back.
     *
     * @param host the server's name, address or ssh_config alias
     * @param options how to connect and log in
     * @param command the command line
     * @param exec as {@link SshClient#execCommand(String, ExecOptions)}
     * @return its streams
     * @throws IOException as {@link #lease} and {@link SshClient#execCommand(String, ExecOptions)}
     */
    public ExecStreams execCommand(String host, ConnectOptions options, String command, ExecOptions exec)
            throws IOException {
        Lease lease = lease(host, options);
        try {
            return lease.execCommand(command, exec, lease::close);
        } catch (IOException | RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** @return how many live connections the pool holds now, leased or idle */
    public int openConnections() {
        return groups.values().stream().mapToInt(PoolGroup::open).sum();
    }

    private void closeIdle() {
        long idleBefore = System.nanoTime() - idleTimeout.toNanos();
        groups.values().forEach(g -> g.closeIdle(idleBefore));
    }

    /** Closes every connection, leased ones too (their commands fail), and the idle timer. Idempotent. */
    @Override
    public void close() {
        closed = true;
        sweeper.shutdownNow();
        groups.values().forEach(PoolGroup::closeAll);
        groups.clear();
    }

    /**
     * Room for one channel on a pooled connection, until closed. Open the channel through
     * {@link #execCommand}, {@link #run} or {@link #openSftp}: when the server refuses it
     * (MaxSessions) or the connection turns out dead, the lease moves to another connection
     * before anything ran. {@link #client()} gives the connection itself, for anything else.
     * Not for use by several threads at once.
     */
    public static final class Lease implements AutoCloseable {
        /** How often one lease moves to another connection before the failure is the caller's. */
        private static final int MAX_MOVES = 3;

        private final SshClientPool pool;
        private final PoolGroup group;
        private final PoolGroup.Connector connector;
        private PoolGroup.Entry entry;
        private boolean channelOpened;

        private Lease(SshClientPool pool, PoolGroup group, PoolGroup.Connector connector, PoolGroup.Entry entry) {
            this.pool = pool;
            this.group = group;
            this.connector = connector;
            this.entry = entry;
        }

        /** Opens a channel, for {@link #openOn}. */
        private interface ChannelOpen<T> {
            T open(Transport transport) throws IOException;
        }

        /**
         * @return the connection; closing it is the pool's business, not the caller's
         * @throws IllegalStateException when the lease is closed
         */
        public SshClient client() {
            return current().client;
        }

        /**
         * Starts a command, as {@link SshClient#execCommand(String, ExecOptions)}; the streams
         * belong to this lease, close them before it.
         *
         * @param command the command line
         * @param exec pty, environment, stream timeout
         * @return its streams
         * @throws IOException as {@link SshClient#execCommand(String, ExecOptions)}
         */
        public ExecStreams execCommand(String command, ExecOptions exec) throws IOException {
            return execCommand(command, exec, null);
        }

        ExecStreams execCommand(String command, ExecOptions exec, Runnable onClose) throws IOException {
            Channel channel = openOn(t -> t.openSession(exec.bufferSize()));
            return current().client.execOn(channel, command, exec, onClose);
        }

        /**
         * Runs a command to its end, as {@link SshClient#run(String, ExecOptions)}.
         *
         * @param command the command line
         * @param exec its timeout (the command is ended when it passes), pty, environment
         * @return its exit status and output
         * @throws CommandTimeoutException when the timeout passes
         * @throws IOException as {@link SshClient#run(String, ExecOptions)}
         */
        public CommandResult run(String command, ExecOptions exec) throws IOException {
            return CommandRun.run(command, exec, this::execCommand);
        }

        /**
         * Opens an SFTP session, as {@link SshClient#openSftp()}; close it before the lease.
         *
         * @return the session
         * @throws IOException as {@link SshClient#openSftp()}
         */
        public SftpClient openSftp() throws IOException {
            return openOn(SftpClient::fromTransport);
        }

        private <T> T openOn(ChannelOpen<T> open) throws IOException {
            for (int moves = 0;; moves++) {
                Transport t = current().client.getTransport();
                try {
                    if (t == null) {
                        throw new SshException("The pool was closed");
                    }
                    T opened = open.open(t);
                    channelOpened = true;
                    return opened;
                } catch (IOException e) {
                    if (channelOpened || moves >= MAX_MOVES || pool.closed || !moveAfter(e)) {
                        throw e;
                    }
                }
            }
        }

        /** @return true when the failure was the connection's limit or death, and the lease moved on */
        private boolean moveAfter(IOException e) throws IOException {
            PoolGroup.Entry old = entry;
            boolean alive = old.alive();
            if (alive && e instanceof ChannelException) {
                if (!group.lowerCap(old)) {
                    return false; // refused with nothing else open: not a limit, the caller's to see
                }
                LOG.debug("Pool: the server refused a channel beyond {} on one connection ({}); using another",
                        old.cap, e.getMessage());
            } else if (alive && e instanceof SshException) {
                return false; // a refused request (e.g. the subsystem) on a healthy connection
            } else {
                // an I/O failure or timeout opening a channel: the connection is broken, even
                // when its reader has not noticed yet
                LOG.debug("Pool: the connection failed before the channel opened ({}); using another", e.toString());
                group.retire(old);
            }
            entry = null;
            group.release(old);
            entry = group.acquire(connector);
            return true;
        }

        private PoolGroup.Entry current() {
            PoolGroup.Entry e = entry;
            if (e == null) {
                throw new IllegalStateException("the lease is closed");
            }
            return e;
        }

        /** Aborts: the connection is closed now, under whatever runs on it (a fleet's timeout). */
        void discard() {
            PoolGroup.Entry e = entry;
            if (e != null) {
                group.retire(e);
                e.client.close();
            }
        }

        /** Gives the room back; the connection stays open. Idempotent. */
        @Override
        public void close() {
            PoolGroup.Entry e = entry;
            entry = null;
            if (e != null) {
                group.release(e);
            }
        }
    }

    /** Settings for a {@link SshClientPool}; every setter returns the builder. */
    public static final class Builder {
        private ClientSetup setup = (host, client) -> client.loadSystemHostKeys();
        private int maxChannels = DEFAULT_MAX_CHANNELS;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private ThreadFactory threadFactory;

        private Builder() {
        }

        /**
         * @param clientSetup prepares each new client before it connects; default:
         *        {@link SshClient#loadSystemHostKeys()}
         * @return this builder
         */
        public Builder clientSetup(ClientSetup clientSetup) {
            this.setup = Objects.requireNonNull(clientSetup, "clientSetup");
            return this;
        }

        /**
         * @param channels leases (channels) one connection carries at once, at least 1; default 10.
         *        A server that allows fewer is noticed by its refusals.
         * @return this builder
         */
        public Builder maxChannelsPerConnection(int channels) {
            if (channels < 1) {
                throw new IllegalArgumentException("maxChannelsPerConnection must be at least 1: " + channels);
            }
            this.maxChannels = channels;
            return this;
        }

        /**
         * @param idle how long a connection with no lease is kept, more than zero; default one minute
         * @return this builder
         */
        public Builder idleTimeout(Duration idle) {
            if (idle == null || idle.isNegative() || idle.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be more than zero: " + idle);
            }
            this.idleTimeout = idle;
            return this;
        }

        /**
         * @param factory makes each connection's reader thread (see {@link SshClient#setThreadFactory}); null for the default
         * @return this builder
         */
        public Builder threadFactory(ThreadFactory factory) {
            this.threadFactory = factory;
            return this;
        }

        /** @return the pool */
        public SshClientPool build() {
            return new SshClientPool(this);
        }
    }
}
