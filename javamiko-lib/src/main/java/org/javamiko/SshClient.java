package org.javamiko;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.javamiko.internal.algo.AlgorithmKind;
import org.javamiko.internal.auth.ClientAuthenticator;
import org.javamiko.internal.auth.KeyFileCache;
import org.javamiko.keys.PKey;
import org.javamiko.sftp.SftpClient;
import org.javamiko.transport.Channel;
import org.javamiko.transport.SecurityOptions;
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
    private static final String DEFAULT_LOG = "org.javamiko.transport";

    private final HostKeys systemHostKeys = new HostKeys();
    private final HostKeys hostKeys = new HostKeys();
    private volatile Path hostKeysFile;
    private volatile MissingHostKeyPolicy policy = new RejectPolicy();
    private volatile String logChannel = DEFAULT_LOG;
    private volatile Transport transport;
    private volatile Path identityAgent;
    /** Key files decoded by earlier connects, reused while unchanged; they go with this client. */
    private final KeyFileCache keyFiles = new KeyFileCache();

    /** A client with no known hosts loaded and the {@link RejectPolicy}. */
    public SshClient() {
    }

    /** Loads {@code ~/.ssh/known_hosts} if it exists, read-only: it is never saved back. */
    public void loadSystemHostKeys() throws IOException {
        Path file = Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        if (Files.exists(file)) {
            loadSystemHostKeys(file);
        }
    }

    /** Loads a known_hosts file read-only: it is never saved back. */
    public void loadSystemHostKeys(Path file) throws IOException {
        systemHostKeys.load(file);
    }

    /**
     * Loads a known_hosts file into the local set; it becomes the file {@link AutoAddPolicy}
     * saves new keys to. A file that does not exist yet is fine: it is created on the first save.
     */
    public void loadHostKeys(Path file) throws IOException {
        if (Files.exists(file)) {
            hostKeys.load(file);
        }
        hostKeysFile = file;
    }

    /** Writes the local set to a file, keeping entries the file gained since it was loaded. */
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
    }

    /** @param name the SLF4J logger name for this client's transport; default {@code org.javamiko.transport} */
    public void setLogChannel(String name) {
        this.logChannel = name;
    }

    /** Connects with the defaults: port 22, the local user name, keys from ~/.ssh. */
    public void connect(String hostname) throws IOException {
        connect(hostname, ConnectOptions.defaults());
    }

    /**
     * Connects, checks the server's host key, and authenticates.
     *
     * @throws BadHostKeyException when the server's key differs from the known one
     * @throws AuthenticationException when every credential was refused
     * @throws NoValidConnectionsException when every address of the host refused the connection
     * @throws SocketTimeoutException when a timeout passed
     */
    public void connect(String hostname, ConnectOptions options) throws IOException {
        refuseUnsupported(options);
        Logger log = LoggerFactory.getLogger(logChannel);
        Transport t = options.tunnel() != null ? new Transport(options.tunnel())
                : new Transport(options.socket() != null ? options.socket() : openSocket(hostname, options, timelineLog()));
        try {
            t.setLogChannel(logChannel);
            t.setBannerTimeout(options.bannerTimeout());
            t.setAuthTimeout(options.authTimeout());
            t.setChannelTimeout(options.channelTimeout());
            String knownName = options.port() == 22 ? hostname : "[" + hostname + "]:" + options.port();
            configureAlgorithms(t.getSecurityOptions(), options, knownName);
            ClientAuthenticator authenticator = new ClientAuthenticator(t, options, log, keyFiles, hostname);
            t.beginStartClient();
            authenticator.loadKeyFiles(); // while the server forks, answers and signs the key exchange
            t.finishStartClient(options.authTimeout());
            checkHostKey(knownName, t.getRemoteServerKey());
            authenticator.authenticate();
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
        Transport previous = transport;
        identityAgent = options.identityAgent();
        transport = t;
        if (previous != null) {
            previous.close();
        }
    }

    private static void refuseUnsupported(ConnectOptions options) throws SshException {
        if (options.gssKex()) {
            throw new SshException("GSS-API (Kerberos) key exchange is not supported yet; gssAuth(true) is");
        }
        if (options.compress()) {
            throw new SshException("Compression is not supported yet; connect without compress(true)");
        }
    }

    /** The logger of the connect timeline (see the transport's {@code <log channel>.timeline}). */
    private Logger timelineLog() {
        return LoggerFactory.getLogger(logChannel + ".timeline");
    }

    private static Socket openSocket(String hostname, ConnectOptions options, Logger timeline) throws IOException {
        Map<InetSocketAddress, IOException> errors = new LinkedHashMap<>();
        int timeout = options.timeout() == null ? 0 : (int) Math.max(1, options.timeout().toMillis());
        long start = System.nanoTime();
        for (InetAddress address : InetAddress.getAllByName(hostname)) {
            InetSocketAddress target = new InetSocketAddress(address, options.port());
            Socket socket = new Socket();
            try {
                socket.connect(target, timeout);
                if (timeline.isDebugEnabled()) {
                    timeline.debug("TCP connect to {} (name lookup included): {} ms", target,
                            String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e6));
                }
                return socket;
            } catch (IOException e) {
                socket.close();
                errors.put(target, e);
            }
        }
        if (errors.size() == 1 && errors.values().iterator().next() instanceof SocketTimeoutException timedOut) {
            SocketTimeoutException e = new SocketTimeoutException("Timed out connecting to " + hostname + " port "
                    + options.port());
            e.initCause(timedOut);
            throw e;
        }
        throw new NoValidConnectionsException(errors);
    }

    /**
     * Applies the user's algorithm choices, and puts the host key types already known for this
     * host first, as OpenSSH does, so a known host is verified with the key we have for it.
     */
    private void configureAlgorithms(SecurityOptions security, ConnectOptions options, String knownName) {
        for (Map.Entry<String, List<String>> e : options.preferredAlgorithms().entrySet()) {
            security.set(AlgorithmKind.fromKey(e.getKey()), e.getValue());
        }
        for (Map.Entry<String, List<String>> e : options.disabledAlgorithms().entrySet()) {
            security.disable(AlgorithmKind.fromKey(e.getKey()), e.getValue());
        }
        List<String> knownTypes = systemHostKeys.keyTypes(knownName);
        if (knownTypes.isEmpty()) {
            knownTypes = hostKeys.keyTypes(knownName);
        }
        if (!knownTypes.isEmpty() && !options.preferredAlgorithms().containsKey(AlgorithmKind.KEYS.key())) {
            security.preferFirst(AlgorithmKind.KEYS, hostKeyAlgorithmsFor(knownTypes));
        }
    }

    private static List<String> hostKeyAlgorithmsFor(Iterable<String> keyTypes) {
        List<String> algorithms = new java.util.ArrayList<>();
        for (String type : keyTypes) {
            if (type.equals("ssh-rsa")) {
                algorithms.addAll(List.of("rsa-sha2-512", "rsa-sha2-256"));
            } else {
                algorithms.add(type);
            }
        }
        return algorithms;
    }

    /**
     * paramiko's check, plus OpenSSH's {@code @revoked} and its acceptance of any one of several
     * keys of the same type listed for a host: revoked → refuse; listed → accept; another key of
     * the same type listed → {@link BadHostKeyException}; else the missing-host-key policy.
     */
    private void checkHostKey(String knownName, PKey serverKey) throws SshException {
        if (systemHostKeys.isRevoked(knownName, serverKey) || hostKeys.isRevoked(knownName, serverKey)) {
            throw new BadHostKeyException(knownName, serverKey, serverKey, "The host key of '" + knownName + "' ("
                    + serverKey.fingerprint() + ") is marked @revoked in known_hosts");
        }
        if (systemHostKeys.check(knownName, serverKey) || hostKeys.check(knownName, serverKey)) {
            return;
        }
        PKey expected = hostKeys.lookup(knownName).get(serverKey.getName());
        if (expected == null) {
            expected = systemHostKeys.lookup(knownName).get(serverKey.getName());
        }
        if (expected == null) {
            policy.missingHostKey(this, knownName, serverKey);
        } else {
            throw new BadHostKeyException(knownName, serverKey, expected);
        }
    }

    private Transport connected() throws SshException {
        Transport t = transport;
        if (t == null || !t.isActive()) {
            throw new SshException("Not connected: call connect first");
        }
        return t;
    }

    /** Starts a command with the default options. */
    public ExecStreams execCommand(String command) throws IOException {
        return execCommand(command, ExecOptions.defaults());
    }

    /**
     * Starts a command on a new channel and returns its streams at once.
     *
     * @param options timeout bounds each blocking read/write/wait of the returned streams
     */
    public ExecStreams execCommand(String command, ExecOptions options) throws IOException {
        Channel channel = connected().openSession(options.bufferSize());
        try {
            channel.setTimeout(options.timeout());
            if (options.getPty()) {
                channel.getPty(PtyOptions.defaults());
            }
            channel.updateEnvironment(options.environment());
            if (options.forwardAgent()) {
                forwardAgent(channel);
            }
            channel.execCommand(command);
            return new ExecStreams(channel);
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

    /** Runs a command to its end; see {@link #run(String, ExecOptions)}. */
    public CommandResult run(String command) throws IOException {
        return run(command, ExecOptions.defaults());
    }

    /**
     * Runs a command to its end: stdin gets EOF at once, stdout and stderr are drained together
     * (so neither can fill up and stall the command), then the exit status is collected.
     *
     * @param options timeout bounds the whole command
     * @throws SocketTimeoutException when the command outlives the timeout (the channel is closed)
     */
    public CommandResult run(String command, ExecOptions options) throws IOException {
        long deadline = options.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + options.timeout().toNanos();
        // The timeout bounds the whole command here, not each read of its streams.
        try (ExecStreams streams = execCommand(command, options.toBuilder().timeout(null).build())) {
            Channel channel = streams.channel();
            channel.shutdownWrite();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            byte[] buf = new byte[32 * 1024];
            while (channel.waitForOutput(remaining(deadline))) {
                drain(streams.stdout(), out, buf);
                drain(streams.stderr(), err, buf);
            }
            int status = channel.recvExitStatus(remaining(deadline));
            return new CommandResult(command, status, out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Moves what a stream holds now to {@code to}, without blocking. */
    private static void drain(InputStream in, ByteArrayOutputStream to, byte[] buf) throws IOException {
        int available;
        while ((available = in.available()) > 0) {
            int n = in.read(buf, 0, Math.min(buf.length, available));
            to.write(buf, 0, n);
        }
    }

    private static Duration remaining(long deadline) throws SocketTimeoutException {
        if (deadline == Long.MAX_VALUE) {
            return null;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("The command did not finish within its timeout");
        }
        return Duration.ofNanos(left);
    }

    /** Opens an interactive shell with a vt100 80x24 pseudo-terminal. */
    public Channel invokeShell() throws IOException {
        return invokeShell(PtyOptions.defaults());
    }

    /** Opens an interactive shell with the given pseudo-terminal. */
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

    /** Closes the connection and every channel on it. Idempotent. */
    @Override
    public void close() {
        Transport t = transport;
        transport = null;
        if (t != null) {
            t.close();
        }
    }
}
