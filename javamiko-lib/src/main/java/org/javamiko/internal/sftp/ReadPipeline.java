package org.javamiko.internal.sftp;

import static org.javamiko.internal.sftp.SftpConstants.FXP_READ;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Reads a file sequentially with many READ requests in flight, handing the data back in file
 * order. Each request reads straight into a buffer of its own, so the bytes are copied once on
 * their way from the stream to the caller. Memory is bounded by (requests in flight + 2) buffers
 * of one chunk, however large the file.
 *
 * <p>The size known at the start is only a hint: reading goes on until the server says EOF, so a
 * file that grew is read to its new end and one that shrank ends early, never with stale bytes. A
 * short read (less than asked, before EOF) is followed by a request for the rest.
 *
 * <p>Not thread-safe: one consumer. {@link #close()} waits for the requests still in flight, so no
 * reply lands in a buffer after the pipeline is gone.
 */
public final class ReadPipeline implements Closeable {
    /** The smallest READ we make after short answers; also the size of the probe past the known end. */
    private static final int MIN_REQUEST = 256;

    private final SftpConnection conn;
    private final byte[] handle;
    private final int chunk;
    /** Bytes asked per READ: the chunk, until a server answers less (its own limit) and we ask for that. */
    private int requestSize;
    private final int maxInFlight;
    private final StatusErrors.Context ctx;
    private final long sizeHint;
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private long nextOffset;
    private long horizon;
    private boolean eof;
    private byte[] lent;

    /** One chunk of the file, valid until the next call of {@link #next()}. */
    public record Chunk(byte[] data, int length, long offset) {
    }

    private record InFlight(long offset, int length, byte[] buf, PendingReply reply) {
    }

    /**
     * @param start the offset of the first byte to read
     * @param sizeHint the file's size when known, else -1; requests are cut to end there, followed
     *        by one small probe past it that normally sees EOF, until data beyond it shows the
     *        file has grown (so a small file costs small buffers, not chunk-sized ones)
     * @param chunk bytes per READ
     * @param maxInFlight how many READs may be outstanding
     */
    public ReadPipeline(SftpConnection conn, byte[] handle, long start, long sizeHint, int chunk, int maxInFlight,
                        StatusErrors.Context ctx) {
        if (chunk <= 0 || maxInFlight <= 0) {
            throw new IllegalArgumentException("chunk and maxInFlight must be positive");
        }
        this.conn = conn;
        this.handle = handle;
        this.chunk = chunk;
        this.requestSize = chunk;
        this.maxInFlight = maxInFlight;
        this.ctx = ctx;
        this.sizeHint = sizeHint;
        this.nextOffset = start;
        this.horizon = sizeHint < 0 ? Long.MAX_VALUE : Math.max(sizeHint, start) + 1;
    }

    /** @return the next chunk in file order, or null at the end of the file */
    public Chunk next() throws IOException {
        if (lent != null) {
            free.push(lent);
            lent = null;
        }
        while (true) {
            fill();
            InFlight head = inFlight.poll();
            if (head == null) {
                return null;
            }
            int n = head.reply.await().dataLength(ctx);
            if (n <= 0) {
                // EOF (or an empty DATA, which would otherwise make us ask forever): the file ends here
                free.push(head.buf);
                eof = true;
                drain();
                return null;
            }
            long end = head.offset + n;
            if (n < head.length) {
                issue(end, head.length - n, true);
                // a server that caps its answers caps them again: ask for what it gives, saving the second round trip
                requestSize = Math.max(Math.min(requestSize, n), MIN_REQUEST);
            }
            if (end > sizeHint) {
                horizon = Long.MAX_VALUE;   // the file has grown since its size was taken
            }
            lent = head.buf;
            return new Chunk(head.buf, n, head.offset);
        }
    }

    private void fill() throws IOException {
        while (!eof && inFlight.size() < maxInFlight && nextOffset < horizon) {
            int length = lengthAt(nextOffset);
            issue(nextOffset, length, false);
            nextOffset += length;
        }
    }

    /** @return how much to ask for at {@code offset}: up to the known end, then a small probe */
    private int lengthAt(long offset) {
        if (horizon == Long.MAX_VALUE) {
            return requestSize;
        }
        long left = sizeHint - offset;
        return left <= 0 ? MIN_REQUEST : (int) Math.min(requestSize, left);
    }

    private void issue(long offset, int length, boolean first) throws IOException {
        byte[] buf = bufferFor(length);
        SftpPacket p = new SftpPacket(FXP_READ, handle.length + 16);
        p.putString(handle).putLong(offset).putInt(length);
        InFlight f = new InFlight(offset, length, buf, conn.sendRead(p, buf, 0, length));
        if (first) {
            inFlight.addFirst(f);
        } else {
            inFlight.addLast(f);
        }
    }

    /** @return a free buffer that holds {@code length} bytes, or a new one of the chunk size or less */
    private byte[] bufferFor(int length) {
        byte[] b = free.peek();
        if (b != null && b.length >= length) {
            return free.pop();
        }
        return new byte[length == requestSize ? chunk : length];
    }

    private void drain() {
        InFlight f;
        while ((f = inFlight.poll()) != null) {
            try {
                f.reply.await();
            } catch (IOException e) {
                // the reply no longer matters, only that it has landed
            }
            free.push(f.buf);
        }
    }

    /** Stops reading and waits for the replies still in flight. */
    @Override
    public void close() {
        eof = true;
        drain();
    }
}
