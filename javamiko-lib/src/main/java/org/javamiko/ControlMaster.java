package org.javamiko;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.javamiko.internal.fleet.Threads;
import org.javamiko.internal.mux.MuxClient;

/**
 * A client of a running OpenSSH {@code ControlMaster} ({@code ssh -M -S path}, or
 * {@code ControlMaster auto} with a {@code ControlPath}): commands and {@code ssh -W}-style
 * streams go through the user's existing, already-authenticated connection, two-factor logins
 * included, as further {@code ssh} processes would ({@code PROTOCOL.mux}).
 *
 * <pre>{@code
 * ControlMaster master = ControlMaster.at(Path.of(System.getProperty("user.home"), ".ssh/cm-build-01"));
 * if (master.isAlive()) {
 *     CommandResult r = master.run("uptime", ExecOptions.defaults());
 * }
 * }</pre>
 *
 * <p>Alive checks, forwardings, {@link #stopListening()} and {@link #terminate()} use the JDK's
 * Unix sockets. Sessions and stdio forwards hand the master their stdin, stdout and stderr as file
 * descriptors, which the JDK cannot: they need junixsocket
 * ({@code com.kohlschutter.junixsocket:junixsocket-core}, an optional dependency) and say so when
 * it is missing. The master runs as, and only answers, the same local user.
 */
public final class ControlMaster {
    /** The default bound on each answer of the master: 10 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Path path;
    private final MuxClient mux;

    private ControlMaster(Path path, Duration timeout) {
        this.path = path;
        this.mux = new MuxClient(path, timeout);
    }

    /**
     * @param controlPath the master's control socket (its {@code ControlPath}, tokens expanded)
     * @return a client of it, with {@link #DEFAULT_TIMEOUT}; nothing is connected yet
     */
    public static ControlMaster at(Path controlPath) {
        return at(controlPath, DEFAULT_TIMEOUT);
    }

    /**
     * @param controlPath the master's control socket
     * @param timeout bounds each answer of the master
     * @return a client of it; nothing is connected yet
     */
    public static ControlMaster at(Path controlPath, Duration timeout) {
        return new ControlMaster(controlPath, timeout);
    }

    /** @return the control socket's path */
    public Path path() {
        return path;
    }

    /** @return true when a master answers on the socket (MUX_C_ALIVE_CHECK), false when none does */
    public boolean isAlive() {
        if (!Files.exists(path)) {
            return false;
        }
        try {
            mux.aliveCheck();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @return the master's process id (MUX_C_ALIVE_CHECK)
     * @throws IOException when no master answers
     */
    public long pid() throws IOException {
        return mux.aliveCheck();
    }

    /**
     * Starts a command through the master (MUX_C_NEW_SESSION).
     *
     * @param command the command line
     * @param options its pty ({@code getPty}, terminal type {@code xterm}), environment (sent
     *        where the master's SendEnv and the server's AcceptEnv allow) and timeout (bounds
     *        each read of its stdout and stderr); the buffer size does not apply here
     * @return its streams and exit status
     * @throws SshException when the master refuses, or junixsocket is missing
     * @throws IOException when no master answers
     */
    public ControlMasterSession execCommand(String command, ExecOptions options) throws IOException {
        List<String> environment = new ArrayList<>();
        for (Map.Entry<String, String> e : options.environment().entrySet()) {
            environment.add(e.getKey() + "=" + e.getValue());
        }
        MuxClient.Session session = mux.newSession(command, options.getPty(), "xterm", environment);
        try {
            ControlMasterSession s = new ControlMasterSession(session, true);
            s.setTimeout(options.timeout());
            return s;
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * Runs a command through the master to its end, as {@link SshClient#run(String, ExecOptions)}:
     * stdin gets EOF at once, stdout and stderr are read together.
     *
     * @param command the command line
     * @param options pty and environment; its timeout bounds the whole command. When it passes,
     *        the session is closed and the master closes its channel: OpenSSH's mux protocol has
     *        no signal request, so without a pty (whose hang-up ends it) the command may go on
     * @return its exit status and output
     * @throws CommandTimeoutException when the timeout passes
     * @throws IOException as {@link #execCommand}
     */
    public CommandResult run(String command, ExecOptions options) throws IOException {
        try (ControlMasterSession s = execCommand(command, options.toBuilder().timeout(null).build())) {
            s.stdin().close();
            Executor readers = r -> Threads.factory(false, "controlmaster-read-").newThread(r).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(s.stdout()), readers);
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(s.stderr()), readers);
            long deadline = CommandRun.deadline(options);
            try {
                String stdout = await(out, deadline);
                String stderr = await(err, deadline);
                return new CommandResult(command, s.exitStatus(left(deadline)), stdout, stderr);
            } catch (TimeoutException | SocketTimeoutException e) {
                throw new CommandTimeoutException(command, options.timeout(), out.getNow(""), err.getNow(""),
                        false, null);
            }
        }
    }

    private static String await(CompletableFuture<String> read, long deadline) throws IOException, TimeoutException {
        try {
            return deadline == Long.MAX_VALUE ? read.get()
                    : read.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading a ControlMaster session");
        } catch (ExecutionException e) {
            throw new IOException("reading a ControlMaster session failed", e.getCause());
        }
    }

    private static Duration left(long deadline) {
        return deadline == Long.MAX_VALUE ? null : Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
    }

    private static String readAll(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the session ended under us: what arrived is what we have
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Opens a byte stream to {@code host:port} as the master's server reaches it
     * (MUX_C_NEW_STDIO_FWD, as {@code ssh -W host:port}); e.g. to tunnel another SSH connection.
     *
     * @param host the destination, as the server resolves it
     * @param port the destination port
     * @return the stream: write to {@code stdin()}, read {@code stdout()}
     * @throws SshException when the master refuses, or junixsocket is missing
     * @throws IOException when no master answers
     */
    public ControlMasterSession openStdioForward(String host, int port) throws IOException {
        MuxClient.Session session = mux.stdioForward(host, port);
        try {
            return new ControlMasterSession(session, false);
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * Asks the master to forward a local port ({@code ssh -O forward -L}).
     *
     * @param bindHost the local address the master listens on
     * @param bindPort the local port
     * @param destHost the destination, as the server resolves it
     * @param destPort the destination port
     * @throws SshException when the master refuses (e.g. the port is in use)
     * @throws IOException when no master answers
     */
    public void forwardLocal(String bindHost, int bindPort, String destHost, int destPort) throws IOException {
        mux.openForward(MuxClient.FWD_LOCAL, bindHost, bindPort, destHost, destPort);
    }

    /**
     * Asks the master to have its server listen and forward here ({@code ssh -O forward -R}).
     *
     * @param bindHost the address on the server
     * @param bindPort the port on the server, or 0 for any
     * @param destHost the host the master connects each forwarded connection to
     * @param destPort the port on {@code destHost}
     * @return the port the server listens on (the allocated one for 0)
     * @throws SshException when the master or its server refuses
     * @throws IOException when no master answers
     */
    public int forwardRemote(String bindHost, int bindPort, String destHost, int destPort) throws IOException {
        return mux.openForward(MuxClient.FWD_REMOTE, bindHost, bindPort, destHost, destPort);
    }

    /**
     * Asks the master for a SOCKS proxy on a local port ({@code ssh -O forward -D}).
     *
     * @param bindHost the local address
     * @param bindPort the local port
     * @throws SshException when the master refuses
     * @throws IOException when no master answers
     */
    public void forwardDynamic(String bindHost, int bindPort) throws IOException {
        mux.openForward(MuxClient.FWD_DYNAMIC, bindHost, bindPort, "", 0);
    }

    /**
     * Asks the master to stop accepting clients and remove its socket ({@code ssh -O stop}); its
     * sessions go on.
     *
     * @throws IOException when no master answers or it refuses
     */
    public void stopListening() throws IOException {
        mux.stopListening();
    }

    /**
     * Asks the master to exit now ({@code ssh -O exit}).
     *
     * @throws IOException when no master answers or it refuses
     */
    public void terminate() throws IOException {
        mux.terminate();
    }
}
