package org.javamiko.internal.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.javamiko.SshException;
import org.javamiko.internal.cipher.Ciphers;
import org.javamiko.internal.packet.PacketReader;
import org.javamiko.internal.packet.PacketWriter;
import org.javamiko.internal.wire.SshBuffer;
import org.javamiko.keys.PKey;
import org.javamiko.transport.Negotiated;
import org.slf4j.Logger;

/**
 * One SSH connection's transport layer (RFC 4253): the reader thread (its messages routed by the
 * {@link MessageDispatcher}), the
 * serialised and key-exchange-aware send path, and the session's lifetime.
 *
 * <p>Threads: one reader thread reads every packet, runs key exchanges, and hands
 * authentication and connection messages on. Any thread may send; sending is serialised by one
 * lock. Between our KEXINIT and our NEWKEYS only key-exchange messages may be sent (RFC 4253
 * §7.1), so other senders wait, except the reader thread, whose messages are queued instead so
 * that it never blocks on the key exchange it is itself running.
 */
public final class SshSession implements AutoCloseable {

    private final Connection connection;
    private final SessionConfig config;
    private final Logger log;
    private final SecureRandom random = new SecureRandom();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Condition sendGateOpened = writeLock.newCondition();
    private final ConcurrentLinkedQueue<byte[]> readerOutbox = new ConcurrentLinkedQueue<>();
    private final CountDownLatch firstKex = new CountDownLatch(1);
    private final KexDriver kex;
    private final MessageDispatcher dispatcher;

    private PacketReader reader;
    private PacketWriter writer;
    private Thread readerThread;
    private boolean sendGateClosed; // guarded by writeLock
    private volatile boolean closed;
    private volatile IOException closeCause;
    private volatile String serverVersion;

    /**
     * @param connection the byte pipe to the server, already connected
     * @param config how the session behaves
     */
    public SshSession(Connection connection, SessionConfig config) {
        this.connection = connection;
        this.config = config;
        this.log = config.log();
        this.kex = new KexDriver(this, config, random);
        this.dispatcher = new MessageDispatcher(this, kex, log);
    }

    /**
     * Exchanges identification strings and runs the first key exchange.
     *
     * @param bannerTimeout bounds the wait for the server's identification string
     * @param timeout bounds the whole start, key exchange included
     */
    public void start(Duration bannerTimeout, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            OutputStream out = connection.output();
            InputStream in = connection.input();
            VersionExchange.sendOurs(out, config.clientVersion());
            connection.setReadTimeout(bannerTimeout);
            VersionExchange.Result version = VersionExchange.readServers(in);
            connection.setReadTimeout(Duration.ZERO);
            serverVersion = version.serverVersion();
            log.debug("Connected to {}: {}", connection.describe(), serverVersion);
            reader = new PacketReader(in, Ciphers.none(), version.leftover());
            reader.setBeforeSocketRead(dispatcher::beforeSocketRead);
            writer = new PacketWriter(out, Ciphers.none(), random);
        } catch (IOException e) {
            fail(e);
            throw e;
        }
        readerThread = config.threadFactory().newThread(this::readLoop);
        readerThread.setName("javamiko-reader " + connection.describe());
        readerThread.setDaemon(true);
        writeLock.lock();
        try {
            kex.sendKexInit();
        } finally {
            writeLock.unlock();
        }
        readerThread.start();
        awaitFirstKex(deadline);
    }

    private void awaitFirstKex(long deadline) throws IOException {
        try {
            if (!firstKex.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
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
    }

    // ------------------------------------------------------------------ reading

    private void readLoop() {
        try {
            while (!closed) {
                SshBuffer payload = reader.next();
                dispatcher.dispatch(payload.getByte(), payload, reader.lastSequence());
                kex.afterRead(reader.counter());
            }
        } catch (IOException e) {
            fail(e);
        } catch (RuntimeException | Error e) {
            fail(new SshException("Internal error in the reader thread: " + e, e));
        }
    }

    // ------------------------------------------------------------------ sending

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
            throwIfClosed();
            readerOutbox.add(Arrays.copyOfRange(payload, off, off + len));
            drainReaderOutbox();
            return;
        }
        sendGated(w -> w.write(payload, off, len));
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
        sendGated(w -> w.writeChannelData(recipient, dataType, data, off, len, maxPerPacket));
    }

    /** One packet written into the writer, under the write lock. */
    @FunctionalInterface
    private interface PacketWrite {
        void writeTo(PacketWriter writer) throws IOException;
    }

    /**
     * Sends one packet once no key exchange holds sends back. A failure to write ends the
     * session; a timeout or interruption while waiting for the gate fails only this call.
     */
    private void sendGated(PacketWrite write) throws IOException {
        writeLock.lock();
        try {
            awaitSendGate();
            try {
                write.writeTo(writer);
                kex.afterWrite(writer.counter());
            } catch (IOException e) {
                fail(e);
                throw e;
            }
        } finally {
            writeLock.unlock();
        }
        drainReaderOutbox();
    }

    /** Sends a key-exchange message: allowed while the send gate is closed. Caller holds no lock. */
    void sendKexMessage(SshBuffer payload) throws IOException {
        writeLock.lock();
        try {
            throwIfClosed();
            writer.write(payload);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Waits while a key exchange holds sends back. Bounded: a server that stalls in the middle of
     * a re-exchange ends the session with a timeout instead of hanging every sender forever.
     */
    private void awaitSendGate() throws IOException {
        long nanos = config.kexTimeout().toNanos();
        while (sendGateClosed && !closed) {
            if (nanos <= 0) {
                SocketTimeoutException e = new SocketTimeoutException("The key re-exchange with "
                        + connection.describe() + " did not finish within " + config.kexTimeout().toSeconds() + " s");
                fail(e);
                throw e;
            }
            try {
                nanos = sendGateOpened.awaitNanos(nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted waiting for a key re-exchange to finish");
            }
        }
        throwIfClosed();
    }

    private void drainReaderOutbox() {
        while (!readerOutbox.isEmpty() && writeLock.tryLock()) {
            try {
                if (sendGateClosed || closed) {
                    return;
                }
                byte[] m;
                while ((m = readerOutbox.poll()) != null) {
                    writer.write(m, 0, m.length);
                }
            } catch (IOException e) {
                fail(e);
                return;
            } finally {
                writeLock.unlock();
            }
        }
    }

    /** Called by the key exchange with the write lock held: from now on only kex messages go out. */
    void closeSendGate() {
        sendGateClosed = true;
    }

    /** Called by the key exchange after our NEWKEYS: everything may be sent again. */
    void openSendGate() {
        writeLock.lock();
        try {
            sendGateClosed = false;
            sendGateOpened.signalAll();
        } finally {
            writeLock.unlock();
        }
        drainReaderOutbox();
    }

    ReentrantLock writeLock() {
        return writeLock;
    }

    PacketWriter writer() {
        return writer;
    }

    PacketReader reader() {
        return reader;
    }

    void firstKexDone() {
        firstKex.countDown();
    }

    // ------------------------------------------------------------------ for the upper layers

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

    /**
     * Sends a global request and, when {@code wantReply}, waits for the answer.
     *
     * @return the reply (REQUEST_SUCCESS with its data, or REQUEST_FAILURE), or null without wantReply
     */
    public synchronized SshBuffer globalRequest(SshBuffer request, boolean wantReply, Duration timeout)
            throws IOException {
        send(request);
        return wantReply ? dispatcher.globalReplies().poll(timeout, this::throwIfClosed) : null;
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
     *         which proves to an ssh-agent which host this session is with (session-bind@openssh.com)
     */
    public byte[] sessionSignature() {
        return kex.sessionSignature();
    }

    /** @return makes the threads of this connection (the user's factory, e.g. virtual threads) */
    public java.util.concurrent.ThreadFactory threadFactory() {
        return config.threadFactory();
    }

    /** @return the server's host key, verified against the exchange hash */
    public PKey serverHostKey() {
        return kex.hostKey();
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
        kex.startRekey();
    }

    /** @return true until the session closes or fails */
    public boolean isActive() {
        return !closed;
    }

    /** @return why the session ended, or null while it is active or after a clean close */
    public IOException closeCause() {
        return closeCause;
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

    /** Ends the session because of an error; idempotent, the first cause wins. */
    void fail(IOException cause) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closeCause = cause;
            closed = true;
        }
        log.debug("SSH session with {} ended: {}", connection.describe(), cause.toString());
        shutdown(cause);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (writer != null && writeLock.tryLock()) {
            try {
                writer.write(new SshBuffer(64).putByte(Msg.DISCONNECT).putInt(Msg.DISCONNECT_BY_APPLICATION)
                        .putString("disconnected by user").putString(""));
            } catch (IOException e) {
                log.debug("Could not send DISCONNECT: {}", e.toString());
            } finally {
                writeLock.unlock();
            }
        }
        shutdown(new SshException("The SSH session was closed"));
    }

    private void shutdown(IOException cause) {
        try {
            connection.close();
        } catch (IOException e) {
            log.debug("Closing the connection: {}", e.toString());
        }
        firstKex.countDown();
        writeLock.lock();
        try {
            sendGateOpened.signalAll();
        } finally {
            writeLock.unlock();
        }
        dispatcher.sessionClosed(cause);
    }
}
