package org.javamiko.internal.sftp;

import static org.javamiko.internal.sftp.SftpConstants.FXP_DATA;
import static org.javamiko.internal.sftp.SftpConstants.FXP_INIT;
import static org.javamiko.internal.sftp.SftpConstants.FXP_VERSION;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SFTP session over a pair of byte streams: the version handshake, then any number of requests
 * in flight from any number of threads. Sending is serialised by one lock; one reader thread reads
 * every reply and completes the request with its id. A DATA reply for a request that named a buffer
 * is read from the stream straight into that buffer, so a READ costs one copy.
 *
 * <p>When the stream ends or breaks, every request in flight and every later one fails with the
 * same cause; nobody waits forever.
 */
public final class SftpConnection implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SftpConnection.class);
    /** Largest reply we accept: OpenSSH's limit is 256 KiB; room to spare for other servers. */
    static final int MAX_REPLY = 1024 * 1024;
    private static final AtomicInteger READER_COUNT = new AtomicInteger();

    private final InputStream in;
    private final OutputStream out;
    private final Closeable underlying;
    private final Object writeLock = new Object();
    private final Map<Integer, PendingReply> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private final int version;
    private final Map<String, byte[]> extensions;
    private volatile IOException failure;
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
     * Runs the version handshake (INIT 3, then the server's VERSION) and starts the reader thread.
     *
     * @param fromServer the server's output
     * @param toServer the server's input
     * @param underlying closed with the connection (e.g. the SSH channel), may be null
     * @param threads makes the reader thread (named here); null for a daemon platform thread
     */
    public static SftpConnection open(InputStream fromServer, OutputStream toServer, Closeable underlying,
                                      ThreadFactory threads) throws IOException {
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
        String name = "javamiko-sftp-reader-" + READER_COUNT.incrementAndGet();
        Thread reader = threads != null ? threads.newThread(c::readLoop) : new Thread(c::readLoop);
        reader.setName(name);
        // Daemon, as the transport's own reader: a client the user forgot to close must not keep the JVM alive.
        reader.setDaemon(true);
        reader.start();
        LOG.debug("SFTP version {} with extensions {}", serverVersion, ext.keySet());
        return c;
    }

    /** @return the negotiated version (3) */
    public int version() {
        return version;
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
        return send(packet, new PendingReply(null, 0, 0));
    }

    /**
     * Sends a READ whose DATA reply the reader thread puts straight into {@code target}; a reply
     * longer than {@code maxLength} is a protocol error.
     */
    public PendingReply sendRead(SftpPacket packet, byte[] target, int offset, int maxLength) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, maxLength, target.length);
        return send(packet, new PendingReply(target, offset, maxLength));
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

    private void readLoop() {
        byte[] head = new byte[9];
        try {
            while (true) {
                int got = in.readNBytes(head, 0, 9);
                if (got == 0) {
                    throw new EOFException(closing ? "SFTP session closed" : "The SFTP server closed the connection");
                }
                if (got < 9) {
                    throw new EOFException("The SFTP server closed the connection in the middle of a reply");
                }
                dispatch(head);
            }
        } catch (IOException e) {
            fail(e instanceof SshException ? e : new SshException(e.getMessage(), e));
        } catch (RuntimeException | Error e) {
            fail(new SshException("SFTP reader failed: " + e, e));
            throw e;
        }
    }

    private void dispatch(byte[] head) throws IOException {
        long length = SshBuffer.readInt(head, 0) & 0xffffffffL;
        int type = head[4] & 0xff;
        int id = SshBuffer.readInt(head, 5);
        if (length < 5) {
            throw new SshException("Malformed SFTP reply: length " + length);
        }
        int rest = (int) Math.min(length - 5, Integer.MAX_VALUE);
        PendingReply p = pending.remove(id);
        if (p == null) {
            throw new SshException("The SFTP server answered request id " + id + ", which is not in flight");
        }
        // p is out of the table now: whatever ends this reply must complete it, or its waiter hangs
        try {
            if (type == FXP_DATA && p.target != null) {
                readDataInto(p, rest);
                return;
            }
            if (rest > MAX_REPLY) {
                throw new SshException("SFTP reply of " + length + " bytes exceeds the limit of " + MAX_REPLY);
            }
            byte[] body = new byte[rest];
            readFully(in, body, 0, rest, "an SFTP reply");
            p.complete(SftpReply.of(type, SshBuffer.wrap(body)));
        } catch (IOException | RuntimeException e) {
            // the session is marked failed before the waiter wakes, so it sees a closed session
            fail(e instanceof IOException io ? io : new SshException(e.toString(), e));
            p.fail(failure);
            throw e;
        }
    }

    private void readDataInto(PendingReply p, int rest) throws IOException {
        byte[] len = new byte[4];
        if (rest < 4) {
            throw new SshException("Malformed SFTP DATA reply: " + rest + " bytes");
        }
        readFully(in, len, 0, 4, "an SFTP DATA reply");
        int n = SshBuffer.readInt(len, 0);
        if (n != rest - 4 || n < 0 || n > p.targetLength) {
            throw new SshException("Malformed SFTP DATA reply: " + (n & 0xffffffffL)
                    + " bytes for a read of at most " + p.targetLength);
        }
        readFully(in, p.target, p.targetOffset, n, "an SFTP DATA reply");
        p.complete(SftpReply.directData(n));
    }

    private void fail(IOException cause) {
        boolean first;
        synchronized (this) {
            first = failure == null;
            if (first) {
                failure = cause;
            }
        }
        if (first) {
            if (closing) {
                LOG.debug("SFTP session ended: {}", cause.getMessage());
            } else {
                LOG.debug("SFTP session failed", cause);
            }
        }
        IOException f = failure;
        for (Integer id : pending.keySet()) {
            PendingReply p = pending.remove(id);
            if (p != null) {
                p.fail(f);
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
