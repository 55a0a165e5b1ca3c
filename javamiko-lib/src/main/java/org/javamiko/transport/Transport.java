package org.javamiko.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.javamiko.SshException;
import org.javamiko.agent.Agent;
import org.javamiko.internal.auth.UserAuth;
import org.javamiko.internal.channel.ChannelCore;
import org.javamiko.internal.channel.ChannelSettings;
import org.javamiko.internal.channel.ChannelTable;
import org.javamiko.internal.session.Connection;
import org.javamiko.internal.session.SessionConfig;
import org.javamiko.internal.session.SshSession;
import org.javamiko.internal.wire.SshBuffer;
import org.javamiko.keys.Certificate;
import org.javamiko.keys.PKey;
import org.slf4j.LoggerFactory;

/**
 * An SSH-2 client connection (RFC 4253, 4252, 4254): key exchange, authentication and channels,
 * the layer {@link org.javamiko.SshClient} is built on, public as in paramiko.
 *
 * <pre>{@code
 * try (Transport t = new Transport(new Socket("example.com", 22))) {
 *     t.startClient(Duration.ofSeconds(30));
 *     // check t.getRemoteServerKey() against your known hosts here!
 *     t.authPublickey("deploy", PKey.fromPath(Path.of("/home/deploy/.ssh/id_ed25519")));
 *     try (Channel ch = t.openSession()) { ch.execCommand("uptime"); … }
 * }
 * }</pre>
 *
 * <p>Threads: one reader thread per transport, from the {@link #setThreadFactory thread factory}
 * (virtual threads work on Java 21+). Every public method may be called from any thread.
 */
public class Transport extends TransportSettings implements AutoCloseable {
    /** The SLF4J logger name a transport logs under unless {@link #setLogChannel} changed it. */
    public static final String DEFAULT_LOG = DEFAULT_LOG_CHANNEL;

    private final Connection connection;
    private volatile SshSession session;
    private volatile ChannelTable channels;
    private volatile UserAuth auth;
    private volatile RemoteForwards remoteForwards;

    /**
     * @param connected a connected socket; TCP_NODELAY is switched on
     */
    public Transport(Socket connected) {
        this(socketConnection(connected));
    }

    /**
     * Runs SSH over a channel of another connection, e.g. a {@code direct-tcpip} channel to a
     * host behind a jump host.
     *
     * @param tunnel an open channel carrying a TCP stream to the SSH server
     */
    public Transport(Channel tunnel) {
        this(new ChannelConnection(tunnel));
    }

    private Transport(Connection connection) {
        this.connection = connection;
    }

    @Override
    SshSession liveSession() {
        return session;
    }

    @Override
    ChannelTable liveChannels() {
        return channels;
    }

    private static Connection socketConnection(Socket socket) {
        try {
            return Connection.of(socket);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot use the socket: " + e.getMessage(), e);
        }
    }

    /**
     * Exchanges identification strings and runs the first key exchange. Afterwards check
     * {@link #getRemoteServerKey()} against the known host keys before authenticating.
     *
     * @param timeout bounds the whole start; the identification string alone is bounded by the
     *                banner timeout (15 s unless {@link #setBannerTimeout} changed it)
     * @throws java.net.SocketTimeoutException when the timeout passes
     * @throws IOException when the server is not an SSH-2 server, no algorithms are shared, its
     *         signature does not verify, or the connection fails
     */
    public void startClient(Duration timeout) throws IOException {
        beginStartClient();
        finishStartClient(timeout);
    }

    /**
     * The first half of {@link #startClient}, as paramiko's {@code start_client(event)}: sends
     * our identification string and KEXINIT and leaves the rest of the exchange to the reader
     * thread, returning at once. The caller can do other work meanwhile (load key files, say),
     * then calls {@link #finishStartClient}.
     *
     * @throws org.javamiko.AuthenticationException with {@link #setGssKex}, when this thread has no Kerberos ticket
     * @throws IOException when sending fails
     */
    public void beginStartClient() throws IOException {
        if (session != null) {
            throw new IllegalStateException("startClient was already called");
        }
        // A re-exchange that holds senders back longer than an auth reply may take is given up as stalled.
        Duration rekeyStallTimeout = authTimeout;
        SessionConfig config = new SessionConfig(securityOptions::get, LoggerFactory.getLogger(logChannel), threadFactory,
                rekeyBytes, rekeyInterval, SessionConfig.CLIENT_VERSION, rekeyStallTimeout, gssKexTarget());
        SshSession s = new SshSession(connection, config);
        s.sendAfterFirstNewKeys(UserAuth.SERVICE_REQUEST);
        session = s;
        channels = new ChannelTable(s);
        channels.setMaxServerOpened(maxServerOpenedChannels);
        s.begin(bannerTimeout);
        s.setKeepalive(keepaliveInterval, keepaliveCountMax);
    }

    /**
     * The second half of {@link #startClient}: waits until the key exchange
     * {@link #beginStartClient} began is done.
     *
     * @param timeout bounds the whole start, counted from {@link #beginStartClient}
     * @throws java.net.SocketTimeoutException when it passes
     * @throws IOException when the key exchange fails, as {@link #startClient}
     */
    public void finishStartClient(Duration timeout) throws IOException {
        SshSession s = session();
        s.awaitStarted(timeout);
        if (auth == null) {
            auth = new UserAuth(s, authTimeout);
        }
    }

    /**
     * @return the server's host key, verified by the key exchange (with its certificate when a
     *     {@code *-cert-v01@openssh.com} algorithm was negotiated: the certificate's CA signature
     *     is verified, its principals and validity are not); null before {@link #startClient} and
     *     after a GSS-API key exchange without one ({@link #isGssKexUsed})
     */
    public PKey getRemoteServerKey() {
        SshSession s = session;
        return s == null ? null : s.serverHostKey();
    }


    /** @return true between a successful start and the end of the connection */
    public boolean isActive() {
        SshSession s = session;
        return s != null && s.isActive() && s.negotiated() != null;
    }

    /** @return true once authentication succeeded completely */
    public boolean isAuthenticated() {
        UserAuth a = auth;
        return a != null && a.isAuthenticated();
    }

    /** @return the user name that authenticated, or null */
    public String getUsername() {
        UserAuth a = auth;
        return a == null ? null : a.username();
    }

    /**
     * @return the SSH_MSG_USERAUTH_BANNER text the server sent, or null
     */
    public String getBanner() {
        SshSession s = session;
        return s == null ? null : s.banner();
    }

    /** @return the server's identification string, e.g. {@code SSH-2.0-OpenSSH_9.2p1 Debian-2}, or null */
    public String getRemoteVersion() {
        SshSession s = session;
        return s == null ? null : s.serverVersion();
    }

    /**
     * Tries the "none" method; servers usually refuse it, naming the methods they allow.
     *
     * @return an empty list when the server let us in without credentials
     * @param username the user to log in as
     * @throws org.javamiko.BadAuthenticationTypeException with the allowed methods, usually
     * @throws IOException when the connection fails
     */
    public List<String> authNone(String username) throws IOException {
        return auth().authNone(username);
    }

    /**
     * Authenticates with a password.
     *
     * @param username the user to log in as
     * @param password the password
     * @return an empty list on success; on partial success the methods still wanted
     * @throws org.javamiko.AuthenticationException when the server refuses the attempt
     * @throws org.javamiko.BadAuthenticationTypeException when the server does not allow this method
     * @throws IOException when the connection fails
     */
    public List<String> authPassword(String username, String password) throws IOException {
        return auth().authPassword(username, password);
    }

    /**
     * Authenticates with a key. The key is first offered without a signature; it signs only
     * when the server would accept it. RSA keys sign with SHA-2 where the server accepts it.
     *
     * @param username the user to log in as
     * @param key a private key, an agent key or a certificate-carrying key
     * @return an empty list on success; on partial success the methods still wanted
     * @throws org.javamiko.AuthenticationException when the server refuses the attempt
     * @throws org.javamiko.BadAuthenticationTypeException when the server does not allow this method
     * @throws IOException when the connection fails
     */
    public List<String> authPublickey(String username, PKey key) throws IOException {
        return auth().authPublickey(username, key, signatureAlgorithmsFor(key));
    }

    /**
     * The signature algorithms worth trying for a key: those it supports and we allow, narrowed
     * to what the server lists in {@code server-sig-algs} when it sent that.
     */
    private List<String> signatureAlgorithmsFor(PKey key) {
        List<String> allowed = securityOptions.get(AlgorithmKind.PUBKEYS);
        List<String> candidates = new ArrayList<>();
        for (String alg : key.signatureAlgorithms()) {
            String base = Certificate.plainAlgorithm(alg);
            if (allowed.contains(alg) || allowed.contains(base)) {
                candidates.add(alg);
            }
        }
        List<String> serverAlgs = session.serverSigAlgs();
        if (serverAlgs != null) {
            List<String> accepted = candidates.stream()
                    .filter(a -> serverAlgs.contains(a) || serverAlgs.contains(Certificate.plainAlgorithm(a)))
                    .toList();
            if (!accepted.isEmpty()) {
                return accepted;
            }
        }
        return candidates;
    }

    /**
     * Binds an agent connection to this session, so that the agent applies the destination
     * constraints of {@code ssh-add -h} keys to this server (see {@link Agent#bindSession});
     * {@link org.javamiko.SshClient} does this itself. Call after {@link #startClient}, before
     * listing the agent's keys.
     *
     * @param agent an open agent connection
     * @return true when bound; false when there is no agent or it does not know the binding, and
     *         after a GSS-API key exchange, where no host key signed the session identifier
     * @throws IOException when talking to the agent fails
     */
    public boolean bindAgent(Agent agent) throws IOException {
        SshSession s = session();
        return s.sessionSignature() != null && agent.bindSession(s.serverHostKey().asBytes(), s.sessionId(), s.sessionSignature());
    }

    /**
     * Authenticates with keyboard-interactive (RFC 4256).
     *
     * @param username the user to log in as
     * @param handler answers the server's prompts
     * @param submethods hints for the server, usually empty
     * @return an empty list on success; on partial success the methods still wanted
     * @throws org.javamiko.AuthenticationException when the server refuses the attempt
     * @throws org.javamiko.BadAuthenticationTypeException when the server does not allow this method
     * @throws IOException when the connection fails
     */
    public List<String> authInteractive(String username, InteractiveHandler handler, String submethods)
            throws IOException {
        return auth().authInteractive(username, handler, submethods);
    }

    /**
     * Authenticates with GSS-API, Kerberos V5 ({@code gssapi-with-mic}, RFC 4462 §3), as paramiko's
     * {@code auth_gssapi_with_mic}. JGSS takes the ticket from the JAAS Subject this runs in
     * ({@code Subject.doAs}), or from the native ticket cache with {@code
     * -Djavax.security.auth.useSubjectCredsOnly=false}.
     *
     * @param username the user to log in as
     * @param gssHost the host part of the server's principal, {@code host/<gssHost>@REALM}
     * @param trustDns whether to canonicalise {@code gssHost} through DNS first
     * @param delegateCredentials whether to forward the ticket to the server
     * @return an empty list on success; on partial success the methods still wanted
     * @throws org.javamiko.AuthenticationException when there is no ticket, the KDC does not know
     *     the server's principal, or the server refuses
     * @throws IOException when the connection fails
     */
    public List<String> authGssapiWithMic(String username, String gssHost, boolean trustDns, boolean delegateCredentials)
            throws IOException {
        return auth().authGssapiWithMic(username, gssHost, trustDns, delegateCredentials);
    }

    /**
     * Authenticates with {@code gssapi-keyex} (RFC 4462 §4, paramiko's {@code auth_gssapi_keyex}) after a GSS kex.
     *
     * @param username the user to log in as
     * @return an empty list on success; on partial success the methods still wanted
     * @throws org.javamiko.AuthenticationException when the key exchange was not GSS-API's or the server refuses
     * @throws IOException when the connection fails
     */
    public List<String> authGssapiKeyex(String username) throws IOException {
        return auth().authGssapiKeyex(username);
    }

    /** @return the methods the server named when it last refused us or partly accepted us */
    public List<String> getAllowedAuthTypes() {
        UserAuth a = auth;
        return a == null ? List.of() : a.lastAllowed();
    }

    private UserAuth auth() throws IOException {
        UserAuth a = auth;
        if (a == null) {
            throw new SshException("The transport is not started: call startClient first");
        }
        session.throwIfClosed();
        return a;
    }

    /**
     * Opens a session channel, as paramiko's {@code open_session}.
     *
     * @return a new session channel, ready for exec, shell or subsystem
     * @throws org.javamiko.ChannelException when the server refuses the channel
     * @throws IOException when the connection fails or the channel timeout passes
     */
    public Channel openSession() throws IOException {
        return new Channel(openCore("session", null, channelSettings), channelTimeout);
    }

    /**
     * Opens a session channel with its own limit on unread output.
     *
     * @param maxBufferedBytes how much unread output to hold before flow control holds the
     *                         server back; at least the 2 MiB window
     * @return a new session channel
     * @throws org.javamiko.ChannelException when the server refuses the channel
     * @throws IOException when the connection fails or the channel timeout passes
     */
    public Channel openSession(long maxBufferedBytes) throws IOException {
        return new Channel(openCore("session", null, withBufferLimit(maxBufferedBytes)), channelTimeout);
    }

    /**
     * Opens a channel of another kind, e.g. {@code direct-tcpip} to reach {@code dest} through the
     * server (a jump host).
     *
     * @param kind the channel type
     * @param dest where the server should connect, for {@code direct-tcpip}
     * @param src the originator's address, or null
     * @return the open channel; its streams carry the TCP stream
     * @throws org.javamiko.ChannelException when the server refuses the channel
     * @throws IOException when the connection fails or the channel timeout passes
     */
    public Channel openChannel(String kind, InetSocketAddress dest, InetSocketAddress src) throws IOException {
        SshBuffer extra = null;
        if (dest != null) {
            extra = new SshBuffer(64).putString(dest.getHostString()).putInt(dest.getPort())
                    .putString(src == null ? "127.0.0.1" : src.getHostString()).putInt(src == null ? 0 : src.getPort());
        }
        return new Channel(openCore(kind, extra, channelSettings), channelTimeout);
    }

    /**
     * Opens a {@code direct-streamlocal@openssh.com} channel: a connection to a Unix socket on
     * the server (OpenSSH's {@code ssh -L port:/path/to/socket}).
     *
     * @param socketPath the socket's path on the server
     * @return the open channel; its streams carry the connection
     * @throws org.javamiko.ChannelException when the server refuses (e.g. AllowStreamLocalForwarding no)
     * @throws IOException when the connection fails or the channel timeout passes
     */
    public Channel openDirectStreamLocal(String socketPath) throws IOException {
        SshBuffer extra = new SshBuffer(64).putString(socketPath).putString("").putInt(0);
        return new Channel(openCore("direct-streamlocal@openssh.com", extra, channelSettings), channelTimeout);
    }

    private ChannelCore openCore(String kind, SshBuffer extra, ChannelSettings settings) throws IOException {
        ChannelTable table = channels;
        if (table == null || !isAuthenticated()) {
            throw new SshException("Not authenticated: authenticate before opening channels");
        }
        return table.open(kind, extra, settings, channelTimeout);
    }

    /**
     * Asks the server to listen on a port and forward the connections it accepts to us (OpenSSH's
     * {@code ssh -R}); each arrives at the handler as a channel, on a thread of its own.
     *
     * @param address the address the server should listen on, e.g. {@code 127.0.0.1}; {@code ""}
     *                for all (the server's GatewayPorts setting decides)
     * @param port the port, or 0 to let the server pick one
     * @param handler gets each forwarded connection
     * @return the port the server listens on
     * @throws SshException when the server refuses
     * @throws IOException when the connection fails
     */
    public int requestPortForward(String address, int port, PortForwardHandler handler) throws IOException {
        return forwards().request(address, port, handler);
    }

    /**
     * Asks the server to stop listening on a port {@link #requestPortForward} opened.
     *
     * @param address the address given to {@link #requestPortForward}
     * @param port the port the server listens on
     * @throws IOException when the server refuses or the connection fails
     */
    public void cancelPortForward(String address, int port) throws IOException {
        forwards().cancel(address, port);
    }

    /**
     * Asks the server to listen on a Unix socket path and forward the connections it accepts to
     * us ({@code streamlocal-forward@openssh.com}, OpenSSH's {@code ssh -R /path:host:port}); the
     * handler sees the path as {@code server.getHostString()}, port 0.
     *
     * @param socketPath the path on the server
     * @param handler gets each forwarded connection
     * @throws SshException when the server refuses
     * @throws IOException when the connection fails
     */
    public void requestStreamLocalForward(String socketPath, PortForwardHandler handler) throws IOException {
        forwards().requestSocket(socketPath, handler);
    }

    /**
     * Asks the server to stop listening on a path {@link #requestStreamLocalForward} opened.
     *
     * @param socketPath the path given to {@link #requestStreamLocalForward}
     * @throws IOException when the server refuses or the connection fails
     */
    public void cancelStreamLocalForward(String socketPath) throws IOException {
        forwards().cancelSocket(socketPath);
    }

    private synchronized RemoteForwards forwards() throws IOException {
        if (!isAuthenticated()) {
            throw new SshException("Not authenticated: authenticate before forwarding ports");
        }
        if (remoteForwards == null) {
            remoteForwards = new RemoteForwards(session, channels, channelSettings, threadFactory, authTimeout,
                    channelTimeout);
        }
        return remoteForwards;
    }

    /**
     * Starts a key re-exchange now (it also happens by itself after 1 GiB or 1 hour).
     *
     * @throws IOException when the transport is not active or sending fails
     */
    public void renegotiateKeys() throws IOException {
        session().rekey();
    }

    /** @return what the last key exchange chose, or null before the first */
    public Negotiated getNegotiated() {
        SshSession s = session;
        return s == null ? null : s.negotiated();
    }

    private SshSession session() throws SshException {
        SshSession s = session;
        if (s == null) {
            throw new SshException("The transport is not started: call startClient first");
        }
        return s;
    }

    /** Closes the connection and every channel. Idempotent; afterwards {@link #isActive()} is false. */
    @Override
    public void close() {
        SshSession s = session;
        if (s != null) {
            s.close();
        } else {
            try {
                connection.close();
            } catch (IOException e) {
                LoggerFactory.getLogger(logChannel).debug("Closing the connection: {}", e.toString());
            }
        }
    }
}
