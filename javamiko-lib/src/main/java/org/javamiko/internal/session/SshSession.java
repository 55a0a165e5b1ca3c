package org.javamiko.internal.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.javamiko.SshException;
import org.javamiko.internal.cipher.Ciphers;
import org.javamiko.internal.gss.GssContext;
import org.javamiko.internal.packet.PacketReader;
import org.javamiko.internal.packet.PacketWriter;
import org.javamiko.internal.wire.SshBuffer;
import org.javamiko.keys.PKey;
import org.javamiko.transport.Negotiated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH connection's transport layer (RFC 4253): the reader thread (its messages routed by the
 * {@link MessageDispatcher}), the send path ({@link SendPath}, where the writer rules live), the
 * session's clock ({@link SessionClock}: keepalive, write watchdog, idle rekey) and its lifetime.
 *
 * <p>Threads: one reader thread reads every packet, runs key exchanges, and hands
 * authentication and connection messages on; it never waits on a writer. Any thread may send.
 * Ending the session ({@link #fail}, {@link #close}) takes no lock a writer can hold: it closes
 * the socket first, which also frees a writer stuck in a socket write.
 */
public final class SshSession implements AutoCloseable {
    private static final byte[] DISCONNECT_BY_USER = new SshBuffer(64).putByte(Msg.DISCONNECT)
            .putInt(Msg.DISCONNECT_BY_APPLICATION).putString("disconnected by user").putString("").toByteArray();

    // The fields without "private" are read by SessionWiring, the session as its parts see it.
    private final Connection connection;
    private final SessionConfig config;
    final Logger log;
    private final SecureRandom random = new SecureRandom();
    final CountDownLatch firstKex = new CountDownLatch(1);
    private final AtomicBoolean ended = new AtomicBoolean();
    private final SessionWiring wiring = new SessionWiring(this);
    final SendPath sendPath;
    final KexDriver kex;
    final MessageDispatcher dispatcher;
    final ConnectTimeline timeline;
    private final SessionClock clock;

    PacketReader reader;
    private Thread readerThread;
    private Duration bannerTimeout;
    private long beganAt;
    volatile byte[] afterFirstNewKeys;
    volatile boolean closed;
    private volatile IOException closeCause;
    volatile String serverVersion;

    /**
     * @param connection the byte pipe to the server, already connected
     * @param config how the session behaves
     */
    public SshSession(Connection connection, SessionConfig config) {
        this.connection = connection;
        this.config = config;
        this.log = config.log();
        this.timeline = new ConnectTimeline(LoggerFactory.getLogger(log.getName() + ".timeline"));
        this.sendPath = new SendPath(wiring, config.rekeyStallTimeout());
        this.kex = new KexDriver(wiring, config, random);
        this.clock = new SessionClock(wiring, config.threadFactory(), connection.describe());
        this.dispatcher = new MessageDispatcher(this, kex, log);
    }

    /**
     * Sets the message sent right behind our first NEWKEYS, under the new keys: the auth layer's
     * {@code ssh-userauth} SERVICE_REQUEST, which saves a round trip. Call before {@link #begin}.
     */
    public void sendAfterFirstNewKeys(byte[] message) {
        this.afterFirstNewKeys = message.clone();
    }

    /**
     * Starts the session without waiting for the server: sends our identification string and, at
     * once, our KEXINIT (RFC 4253 §7.1 lets each side send it right after its identification,
     * so it need not wait a round trip for the server's), then starts the reader thread, which
     * reads the server's identification string and runs the key exchange.
     *
     * @param bannerTimeout bounds the wait for the server's identification string
     */
    public void begin(Duration bannerTimeout) throws IOException {
        if (readerThread != null) {
            throw new IllegalStateException("The session was already started");
        }
        this.bannerTimeout = bannerTimeout;
        beganAt = System.nanoTime();
        try {
            OutputStream out = connection.output();
            VersionExchange.sendOurs(out, config.clientVersion());
            timeline.mark("version-sent");
            sendPath.start(new PacketWriter(out, Ciphers.none(), random), kex.firstKexInit());
            timeline.mark("kexinit-sent");
        } catch (IOException e) {
            fail(e);
            throw e;
        }
        readerThread = config.threadFactory().newThread(this::readLoop);
        readerThread.setName("javamiko-reader " + connection.describe());
        readerThread.setDaemon(true);
        readerThread.start();
        clock.start(null, 0);
        kex.prepareEphemeralKeys();
        timeline.mark("ephemeral-keys-prepared");
    }

    /**
     * Waits until the first key exchange is done.
     *
     * @param timeout bounds the whole start, counted from {@link #begin}; while the server's
     *                identification string is still awaited, the banner timeout bounds the
     *                wait instead if it is the longer one
     * @throws SocketTimeoutException when the time passes
     */
    public void awaitStarted(Duration timeout) throws IOException {
        if (readerThread == null) {
            throw new IllegalStateException("The session was not begun");
        }
        long deadline = beganAt + timeout.toNanos();
        // A margin past the banner timeout: the reader's own banner timeout (a clearer message) fires first.
        long bannerDeadline = beganAt + bannerTimeout.toNanos() + TimeUnit.SECONDS.toNanos(1);
        try {
            while (!firstKex.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                if (serverVersion == null && bannerDeadline - deadline > 0) {
                    deadline = bannerDeadline;
                    continue;
                }
                SocketTimeoutException e = new SocketTimeoutException("Timed out during the key exchange with "
                        + connection.describe());
                fail(e);
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(new InterruptedIOException("Interrupted during the key exchange"));
        }
        throwIfClosed();
        timeline.mark("kex-done");
    }

    /** The reader thread's first job: the server's identification string, bounded by the banner timeout. */
    private void readServerVersion() throws IOException {
        InputStream in = connection.input();
        connection.setReadTimeout(bannerTimeout);
        VersionExchange.Result version = VersionExchange.readServers(in);
        connection.setReadTimeout(Duration.ZERO);
        serverVersion = version.serverVersion();
        timeline.mark("version-received");
        log.debug("Connected to {}: {}", connection.describe(), LogText.escape(serverVersion));
        reader = new PacketReader(in, Ciphers.none(), version.leftover());
        reader.setBeforeSocketRead(dispatcher::beforeSocketRead);
    }

    // ------------------------------------------------------------------ reading

    private void readLoop() {
        try {
            readServerVersion();
            while (!closed) {
                SshBuffer payload = reader.next();
                clock.packetReceived();
                dispatcher.dispatch(payload.getByte(), payload, reader.lastSequence());
                kex.afterRead(reader.counter());
            }
        } catch (IOException e) {
            fail(e);
        } catch (RuntimeException | Error e) {
            fail(new SshException("Internal error in the reader thread: " + e, e));
        }
    }

    // ------------------------------------------------------------------ sending (see SendPath)

    /** Sends one message (its payload starts with the type byte). */
    public void send(SshBuffer payload) throws IOException {
        send(payload.array(), payload.readPosition(), payload.available());
    }

    /** Sends one message. */
    public void send(byte[] payload) throws IOException {
        send(payload, 0, payload.length);
    }

    private void send(byte[] payload, int off, int len) throws IOException {
        if (Thread.currentThread() == readerThread) {
            sendPath.sendWithoutWaiting(payload, off, len);
        } else {
            sendPath.send(payload, off, len);
        }
    }

    /**
     * Sends channel data as packets of at most {@code maxPerPacket} bytes, copying the bytes
     * straight into the packet buffer and writing them to the socket at once.
     *
     * @param recipient the server's channel number
     * @param dataType -1 for SSH_MSG_CHANNEL_DATA, else the extended data type code
     */
    public void sendChannelData(int recipient, int dataType, byte[] data, int off, int len, int maxPerPacket)
            throws IOException {
        sendPath.sendChannelData(recipient, dataType, data, off, len, maxPerPacket);
    }

    /**
     * Sends a global request and, when {@code wantReply}, waits for the answer. Replies are
     * matched to requests in order through reply slots ({@link GlobalRequests}); a reply that
     * comes after its caller timed out is discarded, never taken as the next request's answer.
     *
     * @return the reply (REQUEST_SUCCESS with its data, or REQUEST_FAILURE), or null without wantReply
     */
    public SshBuffer globalRequest(SshBuffer request, boolean wantReply, Duration timeout) throws IOException {
        if (!wantReply) {
            send(request);
            return null;
        }
        GlobalRequests.Slot slot = GlobalRequests.forCaller();
        sendPath.sendExpectingReply(request.array(), request.readPosition(), request.available(),
                dispatcher.globalRequests(), slot);
        return dispatcher.globalRequests().await(slot, timeout, this::throwIfClosed);
    }

    /**
     * Turns keepalive on or off (OpenSSH's ServerAliveInterval and ServerAliveCountMax).
     *
     * @param interval send {@code keepalive@openssh.com} after this much silence from the server;
     *                 null or zero: none
     * @param countMax end the connection after this many unanswered probes, and when one write
     *                 makes no progress for {@code interval × countMax}; 0: probe every interval
     *                 without asking for a reply, and never end the connection for it
     */
    public void setKeepalive(Duration interval, int countMax) {
        if (countMax < 0) {
            throw new IllegalArgumentException("countMax must not be negative: " + countMax);
        }
        if (!closed) {
            clock.start(interval, countMax);
        }
    }

    // ------------------------------------------------------------------ for the upper layers

    /** @return when each step of bringing up this connection happened (a DEBUG diagnostic) */
    public ConnectTimeline timeline() {
        return timeline;
    }

    /** @return where we are connected, for messages */
    public String describe() {
        return connection.describe();
    }

    /**
     * Waits for the next authentication-layer message (SERVICE_ACCEPT or 50-79).
     *
     * @param timeout how long to wait
     * @return the message, starting with its type byte
     * @throws SocketTimeoutException when none came in time
     */
    public SshBuffer nextAuthMessage(Duration timeout) throws IOException {
        return dispatcher.authMessages().poll(timeout, this::throwIfClosed);
    }

    /** @param handler receives connection-protocol messages from now on */
    public void setConnectionHandler(ConnectionHandler handler) {
        dispatcher.setConnectionHandler(handler);
    }

    /** @return the session identifier (H of the first key exchange) */
    public byte[] sessionId() {
        return kex.sessionId();
    }

    /**
     * @return the server's signature over the session identifier (from the first key exchange),
     *         which proves to an ssh-agent which host this session is with (session-bind@openssh.com);
     *         null after a GSS-API key exchange, which has no such signature
     */
    public byte[] sessionSignature() {
        return kex.sessionSignature();
    }

    /** @return makes the threads of this connection (the user's factory, e.g. virtual threads) */
    public ThreadFactory threadFactory() {
        return config.threadFactory();
    }

    /**
     * @return the server's host key, verified against the exchange hash; null after a GSS-API key
     *         exchange in which the server sent none
     */
    public PKey serverHostKey() {
        return kex.hostKey();
    }

    /** @return whether the first key exchange was GSS-API's, so that Kerberos authenticated the server */
    public boolean gssKexUsed() {
        return kex.gssKexUsed();
    }

    /** @return the security context of the first GSS-API key exchange (for gssapi-keyex), or null */
    public GssContext gssKexContext() {
        return kex.gssKexContext();
    }

    /** @return what the last key exchange chose, or null before the first */
    public Negotiated negotiated() {
        return kex.negotiated();
    }

    /** @return the server's identification string */
    public String serverVersion() {
        return serverVersion;
    }

    /** @return the server's {@code server-sig-algs}, or null when it sent none */
    public List<String> serverSigAlgs() {
        return dispatcher.serverSigAlgs();
    }

    /** @return the last SSH_MSG_USERAUTH_BANNER text, or null */
    public String banner() {
        return dispatcher.banner();
    }

    /** @return the session's logger */
    public Logger log() {
        return log;
    }

    /**
     * @param bytes re-key after this many bytes in either direction
     * @param interval re-key after this much time under the same keys
     */
    public void setRekeyLimits(long bytes, Duration interval) {
        kex.setRekeyLimits(bytes, interval);
    }

    /** Starts a key re-exchange now, unless one is under way. */
    public void rekey() throws IOException {
        throwIfClosed();
        kex.startRekey();
    }

    /** @return true until the session closes or fails */
    public boolean isActive() {
        return !closed;
    }

    /** Throws the reason the session ended, if it has. */
    public void throwIfClosed() throws IOException {
        if (closed) {
            IOException cause = closeCause;
            if (cause == null) {
                throw new SshException("The SSH session is closed");
            }
            if (cause instanceof SocketTimeoutException) {
                SocketTimeoutException e = new SocketTimeoutException(cause.getMessage());
                e.initCause(cause);
                throw e;
            }
            throw new SshException(cause.getMessage(), cause);
        }
    }

    /**
     * Ends the session because of an error; idempotent, the first cause wins. Takes no lock a
     * writer can hold: the socket is closed first.
     */
    void fail(IOException cause) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        closeCause = cause;
        closed = true;
        log.debug("SSH session with {} ended: {}", connection.describe(), cause.toString());
        timeline.report(connection.describe(), "ended: " + cause);
        shutdown(cause);
    }

    /**
     * Closes the session: a DISCONNECT when no writer is in the middle of a write (never waiting
     * for one), then the socket.
     */
    @Override
    public void close() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        closed = true;
        sendPath.tryWriteLast(DISCONNECT_BY_USER);
        timeline.report(connection.describe(), "closed");
        shutdown(new SshException("The SSH session was closed"));
    }

    private void shutdown(IOException cause) {
        clock.stop();
        try {
            connection.close();
        } catch (IOException e) {
            log.debug("Closing the connection: {}", e.toString());
        }
        firstKex.countDown();
        sendPath.wakeGateWaiters();
        dispatcher.sessionClosed(cause);
    }
}
