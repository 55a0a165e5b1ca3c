package org.javamiko.internal.sftp;

import static org.javamiko.internal.sftp.SftpConstants.FXP_WRITE;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Objects;

import org.javamiko.internal.wire.SshBuffer;

/**
 * Writes with many WRITE requests in flight. Small contiguous writes are gathered into one chunk;
 * each chunk is built in the array it is sent from, so data is copied once (from the caller's
 * array, or straight from an {@link InputStream} into the packet). Sending blocks only when the
 * maximum number of requests is outstanding, until the oldest is acknowledged.
 *
 * <p>A refused write is remembered and thrown by the next {@link #write}, {@link #writeFrom} or
 * {@link #flush()}, so no error is lost. Not thread-safe: one writer.
 */
public final class WritePipeline {
    private final SftpConnection conn;
    private final byte[] handle;
    private final int chunk;
    private final int maxInFlight;
    private final StatusErrors.Context ctx;
    private final ArrayDeque<Outstanding> outstanding = new ArrayDeque<>();
    private final ArrayDeque<SftpPacket> free = new ArrayDeque<>();
    /** Where the offset field sits in every WRITE packet (the handle's length is fixed). */
    private final int offsetPos;
    private final int dataStart;
    private SftpPacket current;
    private long currentOffset;
    private int currentLength;
    private IOException error;

    private record Outstanding(SftpPacket packet, PendingReply reply) {
    }

    /**
     * @param chunk the most data bytes per WRITE
     * @param maxInFlight how many WRITEs may await their status
     */
    public WritePipeline(SftpConnection conn, byte[] handle, int chunk, int maxInFlight, StatusErrors.Context ctx) {
        if (chunk <= 0 || maxInFlight <= 0) {
            throw new IllegalArgumentException("chunk and maxInFlight must be positive");
        }
        this.conn = conn;
        this.handle = handle;
        this.chunk = chunk;
        this.maxInFlight = maxInFlight;
        this.ctx = ctx;
        this.offsetPos = SftpPacket.HEADER + 4 + handle.length;
        this.dataStart = offsetPos + 12;
    }

    /** Queues {@code len} bytes for {@code offset}; they are copied before this returns. */
    public void write(long offset, byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        throwIfFailed();
        while (len > 0) {
            int room = prepare(offset);
            int n = Math.min(len, room);
            System.arraycopy(b, off, current.array(), dataStart + currentLength, n);
            currentLength += n;
            offset += n;
            off += n;
            len -= n;
            if (currentLength == chunk) {
                sendCurrent();
            }
        }
    }

    /**
     * Reads up to {@code max} bytes from {@code src} straight into the chunk being built for
     * {@code offset}.
     *
     * @return bytes read, or -1 at the end of {@code src}
     */
    public int writeFrom(long offset, InputStream src, int max) throws IOException {
        throwIfFailed();
        int room = prepare(offset);
        int n = src.read(current.array(), dataStart + currentLength, Math.min(room, max));
        if (n > 0) {
            currentLength += n;
            if (currentLength == chunk) {
                sendCurrent();
            }
        }
        return n;
    }

    /** @return room left in the chunk for {@code offset}, starting a new chunk when needed */
    private int prepare(long offset) throws IOException {
        if (current != null && offset != currentOffset + currentLength) {
            sendCurrent();
        }
        if (current == null) {
            current = free.isEmpty() ? newPacket() : free.pop();
            currentOffset = offset;
            currentLength = 0;
        }
        return chunk - currentLength;
    }

    private SftpPacket newPacket() {
        SftpPacket p = new SftpPacket(FXP_WRITE, 4 + handle.length + 12 + chunk);
        p.putString(handle).putLong(0).putInt(0);
        p.reserve(chunk);
        return p;
    }

    private void sendCurrent() throws IOException {
        if (current == null) {
            return;
        }
        SftpPacket p = current;
        current = null;
        if (currentLength == 0) {
            free.push(p);
            return;
        }
        byte[] a = p.array();
        SshBuffer.writeInt(a, offsetPos, (int) (currentOffset >>> 32));
        SshBuffer.writeInt(a, offsetPos + 4, (int) currentOffset);
        SshBuffer.writeInt(a, offsetPos + 8, currentLength);
        p.position(dataStart + currentLength);
        outstanding.add(new Outstanding(p, conn.send(p)));
        while (outstanding.size() >= maxInFlight) {
            reapOldest();
        }
    }

    private void reapOldest() {
        Outstanding o = outstanding.poll();
        try {
            o.reply.await().expectOk(ctx);
        } catch (IOException e) {
            if (error == null) {
                error = e;
            }
        }
        free.push(o.packet);
    }

    /** @return whether data is gathered or in flight */
    public boolean hasPending() {
        return current != null && currentLength > 0 || !outstanding.isEmpty();
    }

    /** Sends what is gathered, waits for every status, and throws the first refusal. */
    public void flush() throws IOException {
        IOException sendFailure = null;
        try {
            sendCurrent();
        } catch (IOException e) {
            sendFailure = e;
        }
        while (!outstanding.isEmpty()) {
            reapOldest();
        }
        if (sendFailure != null && error == null) {
            error = sendFailure;
        }
        throwIfFailed();
    }

    private void throwIfFailed() throws IOException {
        if (error != null) {
            throw error;
        }
    }
}
