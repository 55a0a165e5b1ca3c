package org.javamiko;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

import org.javamiko.internal.auth.KeyFileCache;
import org.javamiko.internal.connect.ConnectionPlan;
import org.javamiko.internal.connect.JumpChain;
import org.javamiko.internal.connect.ProxyCommandSocket;
import org.javamiko.internal.connect.SocketOpener;
import org.javamiko.internal.forward.ConfiguredForwards;
import org.javamiko.internal.forward.Forwardings;
import org.javamiko.sftp.SftpClient;
import org.javamiko.transport.Channel;
import org.javamiko.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SSH client, as paramiko's {@code SSHClient}: connect, check the server's host key, log in,
 * then run commands, open shells and transfer files.
 *
 * <pre>{@code
 * try (SshClient client = new SshClient()) {
 *     client.loadSystemHostKeys();
 *     client.connect("build-01", ConnectOptions.builder().username("deploy").build());
 *     CommandResult r = client.run("uptime");
 *     System.out.println(r.stdout());
 * }
 * }</pre>
 *
 * <p>Unknown hosts are refused by default ({@link RejectPolicy}); choose another policy with
 * {@link #setMissingHostKeyPolicy}. Instances are safe to use from several threads once connected.
 */
public class SshClient implements AutoCloseable {

    private final HostKeys systemHostKeys = new HostKeys();
    private final HostKeys hostKeys = new HostKeys();
    private volatile Path hostKeysFile;
    private volatile MissingHostKeyPolicy policy = new RejectPolicy();
    private volatile String logChannel = Transport.DEFAULT_LOG;
    private volatile Transport transport;
    private volatile Forwardings forwardings;
    private volatile Path identityAgent;
    private volatile boolean policyChosen;
    /** The target's plan: its ForwardAgent and SetEnv apply to every command. */
    private volatile ConnectionPlan targetPlan;
    /** The jump hops' transports, outermost first; closed with the target's. */
    private volatile List<Transport> hops = List.of();
    private final Set<Path> loadedKnownHosts = ConcurrentHashMap.newKeySet();
    /** Key files decoded by earlier connects, reused while unchanged; they go with this client. */
    private final KeyFileCache keyFiles = new KeyFileCache();
    /** Makes each transport's reader thread; null for the transport's default. */
    private volatile ThreadFactory threadFactory;

    /** A client with no known hosts loaded and the {@link RejectPolicy}. */
    public SshClient() {
    }

    /**
     * Loads {@code ~/.ssh/known_hosts} if it exists, read-only: it is never saved back.
     *
     * @throws IOException if the file exists but cannot be read
     */
    public void loadSystemHostKeys() throws IOException {
        Path file = Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        if (Files.exists(file)) {
            loadSystemHostKeys(file);
        }
    }

    /**
     * Loads a known_hosts file read-only: it is never saved back.
     *
     * @param file an OpenSSH known_hosts file
     * @throws IOException if it cannot be read
     */
    public void loadSystemHostKeys(Path file) throws IOException {
        systemHostKeys.load(file);
    }

    /**
     * Loads a known_hosts file into the local set; it becomes the file {@link AutoAddPolicy}
     * saves new keys to. A file that does not exist yet is fine: it is created on the first save.
     *
     * @param file an OpenSSH known_hosts file
     * @throws IOException if it exists but cannot be read
     */
    public void loadHostKeys(Path file) throws IOException {
        if (Files.exists(file)) {
            hostKeys.load(file);
        }
        hostKeysFile = file;
    }

    /**
     * Writes the local set to a file, keeping entries the file gained since it was loaded.
     *
     * @param file where to write, in known_hosts format
     * @throws IOException if it cannot be written
     */
    public void saveHostKeys(Path file) throws IOException {
        hostKeys.saveMerged(file);
    }

    /** @return the local (savable) set of host keys */
    public HostKeys getHostKeys() {
        return hostKeys;
    }

    /** @return the file given to {@link #loadHostKeys}, or null */
    public Path hostKeysFile() {
        return hostKeysFile;
    }

    /** @param policy what to do with unknown hosts; the default is {@link RejectPolicy} */
    public void setMissingHostKeyPolicy(MissingHostKeyPolicy policy) {
        this.policy = policy;
        this.policyChosen = true;
    }

    /**
     * Chooses the threads each connection made by {@link #connect} reads with (one per
     * connection and jump hop), e.g. virtual threads on Java 21+; call before {@code connect}.
     *
     * <pre>{@code
     * client.setThreadFactory(Thread.ofVirtual().factory());   // Java 21+
     * }</pre>
     *
     * @param factory the factory, or null for the default (platform threads)
     */
    public void setThreadFactory(ThreadFactory factory) {
        this.threadFactory = factory;
    }

    /** @param name the SLF4J logger name for this client's transport; default {@code org.javamiko.transport} */
    public void setLogChannel(String name) {
        this.logChannel = name;
    }

    /**
     * Connects with the defaults: port 22, the local user name, keys from ~/.ssh and the agent.
     *
     * @param hostname the server's name or address
     * @throws IOException as {@link #connect(String, ConnectOptions)}
     */
    public void connect(String hostname) throws IOException {
        connect(hostname, ConnectOptions.defaults());
    }

    /**
     * Connects, checks the server's host key, authenticates, then opens the ssh_config's
     * forwardings (see {@link ConnectOptions.Builder#sshConfig}).
     *
     * <p>The host key is checked as OpenSSH's client does, host certificates included (see
     * {@link HostKeys#certificateAuthorities}), except after a GSS-API key exchange ({@code gssKex}),
     * where Kerberos authenticates the server instead, as in OpenSSH.
     *
     * @param hostname the server's name or address, or a Host alias when
     *        {@link ConnectOptions.Builder#sshConfig} is set
     * @param options port, user, credentials, timeouts and the rest
     * @throws BadHostKeyException when the server's key differs from the known one, or it (or
     *         the CA of its certificate) is marked {@code @revoked}
     * @throws AuthenticationException when every credential was refused
     * @throws NoValidConnectionsException when every address of the host refused the connection
     * @throws SocketTimeoutException when a timeout passed
     * @throws IOException when the connection fails in any other way
     */
    public void connect(String hostname, ConnectOptions options) throws IOException {
        ConnectionPlan plan = PlanResolver.resolve(hostname, options);
        LoggerFactory.getLogger(logChannel).debug("Connection plan:\n{}", plan.describe());
        JumpChain chain = new JumpChain((hop, via) -> open(hop, options, via));
        Transport t = chain.reach(plan);
        Forwardings opened = ConfiguredForwards.open(t, plan.forwardings(), plan.exitOnForwardFailure(),
                () -> JumpChain.closeAll(t, chain.hops()), LoggerFactory.getLogger(logChannel));
        Transport previous = transport;
        List<Transport> previousHops = hops;
        Forwardings previousForwardings = forwardings;
        identityAgent = options.identityAgent();
        forwardings = opened;
        targetPlan = plan;
        hops = chain.hops();
        transport = t;
        if (previousForwardings != null) {
            previousForwardings.closeAll();
        }
        JumpChain.closeAll(previous, previousHops);
    }

    /** Connects one hop or the target as its plan says: host key checked, authenticated. */
    private Transport open(ConnectionPlan plan, ConnectOptions base, Channel via) throws IOException {
        ConnectOptions options = PlanOptions.forAuthentication(plan, base);
        HostKeyCheck.loadKnownHosts(this, plan, loadedKnownHosts);
        Logger log = LoggerFactory.getLogger(logChannel);
        Transport t = via != null ? new Transport(via) : base.tunnel() != null ? new Transport(base.tunnel())
                : SocketOpener.transportOn(base.socket() != null ? base.socket() : plan.proxyCommand() != null
                        ? ProxyCommandSocket.start(plan.proxyCommand())
                        : SocketOpener.open(plan.hostName(), plan.port(), plan.connectTimeout(), timelineLog()));
        try {
            if (threadFactory != null) {
                t.setThreadFactory(threadFactory);
            }
            t.setLogChannel(logChannel);
            t.setBannerTimeout(options.bannerTimeout());
            t.setAuthTimeout(options.authTimeout());
            t.setChannelTimeout(options.channelTimeout());
            HostKeyCheck hostKeyCheck = new HostKeyCheck(this, systemHostKeys, hostKeys, log);
            HostKeyCheck.configureAlgorithms(t.getSecurityOptions(), options, hostKeyCheck.knownKeyTypes(plan.knownName()),
                    hostKeyCheck.knowsCertificateAuthority(plan.knownName()));
            PlanOptions.offerGssKex(t, options, base, plan.hostName(), log);
            ClientAuthenticator authenticator = new ClientAuthenticator(t, options, log, keyFiles, plan.hostName(), plan);
            t.beginStartClient();
            authenticator.loadKeyFiles(); // while the server forks, answers and signs the key exchange
            t.finishStartClient(options.authTimeout());
            hostKeyCheck.check(plan.knownName(), t, HostKeyCheck.policyFor(plan, policyChosen, policy));
            authenticator.authenticate();
            if (plan.keepaliveInterval() != null) {
                t.setKeepalive(plan.keepaliveInterval(), Math.max(1, plan.keepaliveCountMax()));
            }
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
        return t;
    }

    /** The logger of the connect timeline (see the transport's {@code <log channel>.timeline}). */
    private Logger timelineLog() {
        return LoggerFactory.getLogger(logChannel + ".timeline");
    }

    private Transport connected() throws SshException {
        Transport t = transport;
        if (t == null || !t.isActive()) {
            throw new SshException("Not connected: call connect first");
        }
        return t;
    }

    /**
     * Starts a command with the default options, as paramiko's {@code exec_command}.
     *
     * @param command the command line, run by the user's shell on the server
     * @return its stdin, stdout and stderr; unread output is buffered, never blocking the connection
     * @throws IOException if the channel cannot be opened or the server refuses the command
     */
    public ExecStreams execCommand(String command) throws IOException {
        return execCommand(command, ExecOptions.defaults());
    }

    /**
     * Starts a command on a new channel and returns its streams at once.
     *
     * @param command the command line, run by the user's shell on the server
     * @param options timeout bounds each blocking read/write/wait of the returned streams
     * @return its stdin, stdout and stderr; unread output is buffered, never blocking the connection
     * @throws IOException if the channel cannot be opened or the server refuses the pty, the
     *         environment or the command
     */
    public ExecStreams execCommand(String command, ExecOptions options) throws IOException {
        return execOn(connected().openSession(options.bufferSize()), command, options, null);
    }

    /** Starts a command on a session channel opened already (the pool opens it, to retry a refused one). */
    ExecStreams execOn(Channel channel, String command, ExecOptions options, Runnable onClose) throws IOException {
        try {
            channel.setTimeout(options.timeout());
            if (options.getPty()) {
                channel.getPty(PtyOptions.defaults());
            }
            ConnectionPlan plan = targetPlan;
            Map<String, String> environment = new LinkedHashMap<>(plan == null ? Map.of() : plan.environment());
            environment.putAll(options.environment());
            channel.updateEnvironment(environment);
            if (options.forwardAgent() || (plan != null && plan.forwardAgent())) {
                forwardAgent(channel);
            }
            channel.execCommand(command);
            return new ExecStreams(channel, options.terminateGrace(), onClose);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Forwards the agent named by {@code ConnectOptions.identityAgent}, else {@code SSH_AUTH_SOCK}'s. */
    private void forwardAgent(Channel channel) throws IOException {
        Path socket = identityAgent;
        if (socket != null) {
            channel.requestForwardAgent(socket);
        } else {
            channel.requestForwardAgent();
        }
    }

    /**
     * Runs a command to its end; see {@link #run(String, ExecOptions)}.
     *
     * @param command the command line, run by the user's shell on the server
     * @return its exit status and its whole stdout and stderr, as UTF-8 text
     * @throws IOException if the channel cannot be opened, the server refuses the command or the
     *         connection fails
     */
    public CommandResult run(String command) throws IOException {
        return run(command, ExecOptions.defaults());
    }

    /**
     * Runs a command to its end: stdin gets EOF at once, stdout and stderr are drained together
     * (so neither can fill up and stall the command), then the exit status is collected. Each
     * stream's output is held in memory, at most {@link ExecOptions#bufferSize()} bytes of it.
     *
     * @param command the command line, run by the user's shell on the server
     * @param options timeout bounds the whole command; bufferSize bounds what each stream may hold
     * @return its exit status and its whole stdout and stderr, as UTF-8 text
     * @throws CommandTimeoutException when the command outlives the timeout: it was ended on the
     *         server (TERM, KILL after {@link ExecOptions#terminateGrace()}, channel closed)
     * @throws SshException when stdout or stderr passes bufferSize (the channel is closed): read a
     *         command that large as a stream, through {@link #execCommand(String, ExecOptions)}
     * @throws IOException if the channel cannot be opened, the server refuses the command or the
     *         connection fails
     */
    public CommandResult run(String command, ExecOptions options) throws IOException {
        return CommandRun.run(command, options, this::execCommand);
    }

    /**
     * Opens an interactive shell with a vt100 80x24 pseudo-terminal, as paramiko's {@code invoke_shell}.
     *
     * @return the shell's channel: write to {@link Channel#getOutputStream()}, read its input stream
     * @throws IOException if the channel cannot be opened or the server refuses the pty or the shell
     */
    public Channel invokeShell() throws IOException {
        return invokeShell(PtyOptions.defaults());
    }

    /**
     * Opens an interactive shell with the given pseudo-terminal.
     *
     * @param pty the terminal type, size and environment
     * @return the shell's channel: write to {@link Channel#getOutputStream()}, read its input stream
     * @throws IOException if the channel cannot be opened or the server refuses the pty or the shell
     */
    public Channel invokeShell(PtyOptions pty) throws IOException {
        Channel channel = connected().openSession();
        try {
            channel.getPty(pty);
            channel.invokeShell();
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Opens an SFTP session on this connection (a session channel running the sftp subsystem).
     *
     * <pre>{@code
     * try (SftpClient sftp = client.openSftp()) {
     *     sftp.put(Path.of("app.jar"), "/srv/app/app.jar", null, true);
     * }
     * }</pre>
     *
     * @return the SFTP session; closing it leaves this connection open
     * @throws IOException if the channel cannot be opened or the server has no sftp subsystem
     */
    public SftpClient openSftp() throws IOException {
        return SftpClient.fromTransport(connected());
    }

    /**
     * @return the transport, or null before {@link #connect} and after {@link #close}; as in
     *         paramiko, a connection the server dropped still returns its transport, whose
     *         {@link Transport#isActive()} then says false
     */
    public Transport getTransport() {
        return transport;
    }

    /**
     * ssh -L: listens on {@code bindHost:bindPort} here and forwards each connection through the
     * server to {@code destHost:destPort} (a {@code direct-tcpip} channel each).
     *
     * @param bindHost the local address to listen on; null or empty for loopback, {@code *} for all
     * @param bindPort the port, or 0 for any free one ({@link PortForward#boundPort()} tells which)
     * @param destHost the destination as the server resolves it
     * @param destPort the destination port
     * @return the forwarding; it lives until closed, or until this client closes
     * @throws IOException if the local port cannot be bound or this client is not connected
     */
    public PortForward forwardLocal(String bindHost, int bindPort, String destHost, int destPort) throws IOException {
        connected();
        return forwardings.local(bindHost, bindPort, destHost, destPort);
    }

    /**
     * ssh -R: asks the server to listen on {@code bindHost:bindPort} and connects each connection
     * it forwards to {@code destHost:destPort} from this machine.
     *
     * @param bindHost the address on the server; {@code ""} for all (the server's GatewayPorts decides)
     * @param bindPort the port, or 0 to let the server pick ({@link PortForward#boundPort()} tells which)
     * @param destHost the host this machine connects each forwarded connection to
     * @param destPort the port on {@code destHost}
     * @return the forwarding; it lives until closed, or until this client closes
     * @throws SshException when the server refuses to listen
     * @throws IOException if this client is not connected or the connection fails
     */
    public PortForward forwardRemote(String bindHost, int bindPort, String destHost, int destPort)
            throws IOException {
        connected();
        return forwardings.remote(bindHost, bindPort, destHost, destPort);
    }

    /**
     * ssh -D: a SOCKS 4, 4a and 5 proxy (no authentication, CONNECT) on {@code bindHost:bindPort};
     * the server makes each connection, and resolves the names SOCKS 4a and 5 clients send.
     *
     * @param bindHost the local address; null or empty for loopback, {@code *} for all
     * @param bindPort the port, or 0 for any free one
     * @return the forwarding; it lives until closed, or until this client closes
     * @throws IOException if the local port cannot be bound or this client is not connected
     */
    public PortForward forwardDynamic(String bindHost, int bindPort) throws IOException {
        connected();
        return forwardings.dynamic(bindHost, bindPort);
    }

    /**
     * ssh -L port:/socket/path: listens here and forwards each connection to a Unix socket on the
     * server ({@code direct-streamlocal@openssh.com}; the server's AllowStreamLocalForwarding decides).
     *
     * @param bindHost the local address to listen on; null or empty for loopback, {@code *} for all
     * @param bindPort the port, or 0 for any free one
     * @param remoteSocketPath the Unix socket on the server
     * @return the forwarding; it lives until closed, or until this client closes
     * @throws IOException if the local port cannot be bound or this client is not connected
     */
    public PortForward forwardLocalToUnixSocket(String bindHost, int bindPort, String remoteSocketPath)
            throws IOException {
        connected();
        return forwardings.localToUnixSocket(bindHost, bindPort, remoteSocketPath);
    }

    /**
     * ssh -R /socket/path:host:port: asks the server to listen on a Unix socket path
     * ({@code streamlocal-forward@openssh.com}) and connects each connection to
     * {@code destHost:destPort} from here. {@link PortForward#bindHost()} is the path,
     * {@link PortForward#boundPort()} 0. The path must not exist yet (unless the server's
     * StreamLocalBindUnlink is on).
     *
     * @param remoteSocketPath the Unix socket path the server listens on
     * @param destHost the host this machine connects each forwarded connection to
     * @param destPort the port on {@code destHost}
     * @return the forwarding; it lives until closed, or until this client closes
     * @throws SshException when the server refuses (AllowStreamLocalForwarding, or the path exists)
     * @throws IOException if this client is not connected or the connection fails
     */
    public PortForward forwardRemoteFromUnixSocket(String remoteSocketPath, String destHost, int destPort)
            throws IOException {
        connected();
        return forwardings.remoteFromUnixSocket(remoteSocketPath, destHost, destPort);
    }

    /** Closes every forwarding, then the connection and every channel on it. Idempotent. */
    @Override
    public void close() {
        Transport t = transport;
        Forwardings f = forwardings;
        if (f != null) {
            f.closeAll();
        }
        List<Transport> hopTransports = hops;
        transport = null;
        hops = List.of();
        JumpChain.closeAll(t, hopTransports);
    }
}
