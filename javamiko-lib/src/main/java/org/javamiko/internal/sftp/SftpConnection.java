package org.javamiko.internal.sftp;

import static org.javamiko.internal.sftp.SftpConstants.FXP_INIT;
import static org.javamiko.internal.sftp.SftpConstants.FXP_VERSION;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.javamiko.SshException;
import org.javamiko.internal.channel.ChannelDataSink;
import org.javamiko.internal.channel.PushableInput;
import org.javamiko.internal.wire.SshBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SFTP session over a pair of byte streams: the version handshake, then any number of requests
 * in flight from any number of threads. Sending is serialised by one lock. Replies are cut from
 * the stream by a {@link ReplyParser} and complete the request with their id; a DATA reply for a
 * request that named a buffer goes straight into that buffer, so a READ costs one copy.
 *
 * <p>Over an SSH channel the parser runs on the connection's reader thread, fed with each
 * packet's bytes as they are decrypted ({@link PushableInput}): no buffer and no thread hand-off
 * between the wire and the waiting caller. Over any other stream a reader thread of our own
 * feeds it.
 *
 * <p>When the stream ends or breaks, every request in flight and every later one fails with the
 * same cause; nobody waits forever.
 */
public final class SftpConnection implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SftpConnection.class);
    /** Largest reply we accept: OpenSSH's limit is 256 KiB; room to spare for other servers. */
    static final int MAX_REPLY = 1024 * 1024;
    private static final AtomicInteger READER_COUNT = new AtomicInteger();
    /** What the stream mode's reader asks for at a time: more than a 32 KiB DATA reply. */
    private static final int READ_CHUNK = 64 * 1024;

    private final InputStream in;
    private final OutputStream out;
    private final Closeable underlying;
    private final Object writeLock = new Object();
    private final Map<Integer, PendingReply> pending = new ConcurrentHashMap<>();
    private final ReplyParser parser = new ReplyParser(pending);
    private final AtomicInteger nextId = new AtomicInteger();
    private final int version;
    private final Map<String, byte[]> extensions;
    private volatile IOException failure;
    /** Bound on each reply's wait, 0 for none. */
    private volatile long timeoutNanos;
    private volatile boolean closing;

    private SftpConnection(InputStream in, OutputStream out, Closeable underlying, int version,
                           Map<String, byte[]> extensions) {
        this.in = in;
        this.out = out;
        this.underlying = underlying;
        this.version = version;
        this.extensions = Map.copyOf(extensions);
    }

    /**
     * Runs the version handshake (INIT 3, then the server's VERSION), then has the replies pushed
     * to it (an SSH channel's stdout) or starts a reader thread (any other stream).
     *
     * @param fromServer the server's output
     * @param toServer the server's input
     * @param underlying closed with the connection (e.g. the SSH channel), may be null
     */
    public static SftpConnection open(InputStream fromServer, OutputStream toServer, Closeable underlying)
            throws IOException {
        SftpPacket init = new SftpPacket(FXP_INIT, 0);
        // INIT carries the version where other requests carry their id
        int n = init.seal(SftpConstants.VERSION);
        toServer.write(init.array(), 0, n);
        toServer.flush();

        byte[] head = new byte[5];
        readFully(fromServer, head, 0, 5, "the server's SFTP version");
        int length = SshBuffer.readInt(head, 0);
        if (length < 5 || length > MAX_REPLY) {
            throw new SshException("Not an SFTP server: its first packet announces " + (length & 0xffffffffL)
                    + " bytes (is the login shell printing text?)");
        }
        if ((head[4] & 0xff) != FXP_VERSION) {
            throw new SshException("Not an SFTP server: expected SSH_FXP_VERSION, got packet type " + (head[4] & 0xff));
        }
        byte[] body = new byte[length - 1];
        readFully(fromServer, body, 0, body.length, "the server's SFTP version");
        SshBuffer b = SshBuffer.wrap(body);
        int serverVersion = b.getInt();
        if (serverVersion < SftpConstants.VERSION) {
            throw new SshException("The SFTP server speaks version " + serverVersion + "; javamiko needs version 3");
        }
        Map<String, byte[]> ext = new LinkedHashMap<>();
        while (b.available() > 0) {
            ext.put(b.getStringUtf8(), b.getString());
        }
        SftpConnection c = new SftpConnection(fromServer, toServer, underlying, SftpConstants.VERSION, ext);
        LOG.debug("SFTP version {} with extensions {}", serverVersion, ext.keySet());
        if (fromServer instanceof PushableInput channelOutput) {
            channelOutput.pushTo(c.new Sink());
            return c;
        }
        Thread reader = new Thread(c::readLoop, "javamiko-sftp-reader-" + READER_COUNT.incrementAndGet());
        // Daemon, as the transport's own reader: a client the user forgot to close must not keep the JVM alive.
        reader.setDaemon(true);
        reader.start();
        return c;
    }

    /** @return the negotiated version (3) */
    public int version() {
        return version;
    }

    /**
     * Bounds the wait for each reply; on expiry the waiter gets a {@link SocketTimeoutException}
     * and the session is closed, since a reply that comes later could not be matched safely.
     *
     * @param timeout the bound, or null or zero for none
     */
    public void setTimeout(Duration timeout) {
        timeoutNanos = timeout == null || timeout.isNegative() ? 0 : timeout.toNanos();
    }

    long timeoutNanos() {
        return timeoutNanos;
    }

    /**
     * A reply did not come within the timeout: the session ends (which waits out a reply being
     * written into a caller's buffer, so none is written after this returns).
     */
    SocketTimeoutException timedOut(long timeoutNanos) {
        String message = "No reply from the SFTP server within " + Duration.ofNanos(timeoutNanos).toMillis()
                + " ms; the SFTP session is closed";
        fail(new SshException(message));
        return new SocketTimeoutException(message);
    }

    /** @return the extensions the server listed in SSH_FXP_VERSION: name to data */
    public Map<String, byte[]> extensions() {
        return extensions;
    }

    /** @return whether the server listed extension {@code name} */
    public boolean hasExtension(String name) {
        return extensions.containsKey(name);
    }

    /** Sends a request; its reply stays in memory. */
    public PendingReply send(SftpPacket packet) throws IOException {
        return send(packet, new PendingReply(this, null, 0, 0));
    }

    /**
     * Sends a READ whose DATA reply the reader thread puts straight into {@code target}; a reply
     * longer than {@code maxLength} is a protocol error.
     */
    public PendingReply sendRead(SftpPacket packet, byte[] target, int offset, int maxLength) throws IOException {
        Objects.checkFromIndexSize(offset, maxLength, target.length);
        return send(packet, new PendingReply(this, target, offset, maxLength));
    }

    /** Sends a request and waits for its reply. */
    public SftpReply call(SftpPacket packet) throws IOException {
        return send(packet).await();
    }

    private PendingReply send(SftpPacket packet, PendingReply p) throws IOException {
        int id = register(p);
        // registered before the failure check: the reader fails everything registered after it set failure
        IOException f = failure;
        if (f != null) {
            pending.remove(id);
            throw new SshException("SFTP session is closed: " + f.getMessage(), f);
        }
        synchronized (writeLock) {
            int n = packet.seal(id);
            try {
                out.write(packet.array(), 0, n);
                out.flush();
            } catch (SocketTimeoutException e) {
                fail(new SshException("Writing to the SFTP server timed out; the SFTP session is closed", e));
                throw new SocketTimeoutException("Writing to the SFTP server made no progress within the timeout;"
                        + " the SFTP session is closed");
            } catch (IOException e) {
                SshException broken = new SshException("Writing to the SFTP server failed: " + e.getMessage(), e);
                fail(broken);
                throw broken;
            }
        }
        return p;
    }

    private int register(PendingReply p) {
        while (true) {
            int id = nextId.getAndIncrement();
            // ids wrap after 2^32 requests; skip one still in flight from long ago
            if (pending.putIfAbsent(id, p) == null) {
                return id;
            }
        }
    }

    /** The stream mode: a thread of our own reads the stream and feeds the parser. */
    private void readLoop() {
        byte[] chunk = new byte[READ_CHUNK];
        try {
            while (true) {
                int n = in.read(chunk);
                if (n < 0) {
                    fail(endOfStream());
                    return;
                }
                if (!feed(chunk, 0, n)) {
                    return;
                }
            }
        } catch (IOException e) {
            fail(e instanceof SshException ? e : new SshException(e.getMessage(), e));
        } catch (RuntimeException | Error e) {
            fail(new SshException("SFTP reader failed: " + e, e));
            throw e;
        }
    }

    /**
     * Parses received bytes; a malformed stream fails the session.
     *
     * @return false once the session has failed
     */
    private boolean feed(byte[] bytes, int off, int len) {
        synchronized (parser) {
            if (failure != null) {
                return false;
            }
            try {
                parser.feed(bytes, off, len);
                return true;
            } catch (SshException | RuntimeException e) {
                // the reply in progress is failed by fail(), through the parser
                fail(e instanceof SshException se ? se : new SshException(e.toString(), e));
                return false;
            }
        }
    }

    private EOFException endOfStream() {
        if (closing) {
            return new EOFException("SFTP session closed");
        }
        synchronized (parser) {
            return new EOFException(parser.atReplyBoundary() ? "The SFTP server closed the connection"
                    : "The SFTP server closed the connection in the middle of a reply");
        }
    }

    /** The push mode: the SSH connection's reader thread hands us the channel's bytes. */
    private final class Sink implements ChannelDataSink {
        @Override
        public void accept(byte[] data, int off, int len) {
            feed(data, off, len);
        }

        @Override
        public void end(IOException lost) {
            fail(lost != null ? new SshException("The SSH connection under the SFTP session was lost: " + lost.getMessage(), lost)
                    : endOfStream());
        }
    }

    private void fail(IOException cause) {
        boolean first;
        synchronized (this) {
            first = failure == null;
            if (first) {
                failure = cause;
            }
        }
        if (!first) {
            return;
        }
        if (closing) {
            LOG.debug("SFTP session ended: {}", cause.getMessage());
        } else {
            LOG.debug("SFTP session failed", cause);
        }
        PendingReply inProgress;
        synchronized (parser) {
            // waits out a chunk being parsed, so no reply is written into after it failed
            inProgress = parser.abandon();
        }
        if (inProgress != null) {
            inProgress.fail(cause);
        }
        for (Integer id : pending.keySet()) {
            PendingReply p = pending.remove(id);
            if (p != null) {
                p.fail(cause);
            }
        }
        closeStreams();
    }

    /** @return whether requests can still be sent */
    public boolean isOpen() {
        return failure == null;
    }

    /** Ends the session: requests in flight fail, the streams and the underlying channel close. */
    @Override
    public void close() {
        closing = true;
        fail(new SshException("SFTP session closed"));
    }

    private void closeStreams() {
        // the server's input first: the server sees EOF and exits, which ends our reader's read
        closeQuietly(out);
        closeQuietly(in);
        closeQuietly(underlying);
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", c, e.toString());
        }
    }

    private static void readFully(InputStream in, byte[] b, int off, int len, String what) throws IOException {
        int got = in.readNBytes(b, off, len);
        if (got < len) {
            throw new EOFException("The SFTP server closed the connection while sending " + what);
        }
    }
}
