package org.javamiko.sftp;

import static org.javamiko.internal.sftp.SftpConstants.FXP_CLOSE;
import static org.javamiko.internal.sftp.SftpConstants.FXP_EXTENDED;
import static org.javamiko.internal.sftp.SftpConstants.FXP_FSETSTAT;
import static org.javamiko.internal.sftp.SftpConstants.FXP_FSTAT;
import static org.javamiko.internal.sftp.SftpConstants.FXP_OPEN;
import static org.javamiko.internal.sftp.SftpConstants.FXP_READ;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

import org.javamiko.internal.sftp.FileAttrs;
import org.javamiko.internal.sftp.ReadPipeline;
import org.javamiko.internal.sftp.SftpConnection;
import org.javamiko.internal.sftp.SftpConstants;
import org.javamiko.internal.sftp.SftpPacket;
import org.javamiko.internal.sftp.StatusErrors;
import org.javamiko.internal.sftp.WritePipeline;

/**
 * A file open on the server, from {@link SftpClient#open}. It keeps its own position like a
 * {@link java.io.RandomAccessFile}. Writes are pipelined: {@link #write} returns once the data is
 * queued, and a write the server refused is thrown by a later write, {@link #flush()} or, at the
 * latest, {@link #close()}. Reads of less than a chunk are buffered; {@link #prefetch()} reads
 * ahead with many requests in flight for fast sequential reading.
 *
 * <p>Methods are synchronized: one file may be shared between threads, though its position is shared too.
 */
public class SftpFile implements Closeable {
    private final SftpClient client;
    private final SftpConnection conn;
    private final byte[] handle;
    private final String path;
    private final boolean readable;
    private final boolean writable;
    private final StatusErrors.Context readCtx;
    private final StatusErrors.Context writeCtx;
    private long position;
    private byte[] readBuffer;
    private long readBufferOffset;
    private int readBufferLength;
    private ReadPipeline prefetch;
    private ReadPipeline.Chunk prefetched;
    private WritePipeline writes;
    private boolean closed;

    SftpFile(SftpClient client, byte[] handle, String path, boolean readable, boolean writable, long position) {
        this.client = client;
        this.conn = client.connection();
        this.handle = handle;
        this.path = path;
        this.readable = readable;
        this.writable = writable;
        this.position = position;
        this.readCtx = StatusErrors.Context.of("read", path);
        this.writeCtx = StatusErrors.Context.of("write", path);
    }

    /** Sends OPEN for {@code path} (already resolved) and, to append, moves to the end. */
    static SftpFile open(SftpClient client, String path, OpenMode mode, FileAttrs attrs) throws IOException {
        StatusErrors.Context ctx = StatusErrors.Context.of("open", path);
        SftpPacket req = new SftpPacket(FXP_OPEN).putString(path).putInt(mode.pflags()).putAttrs(attrs);
        byte[] handle;
        try {
            handle = client.connection().call(req).handle(ctx);
        } catch (SftpException e) {
            throw mode.exclusive() ? FailureReasons.alreadyExistsOr(client, e, path, null) : e;
        }
        SftpFile file = new SftpFile(client, handle, path, mode.readable(), mode.writable(), 0);
        if (mode.append()) {
            try {
                file.seek(file.stat().getSize());
            } catch (IOException e) {
                SftpClient.closeQuietly(file, e);
                throw e;
            }
        }
        return file;
    }

    /** @return the path the file was opened with (after the client's working directory was applied) */
    public String getPath() {
        return path;
    }

    byte[] handle() {
        return handle;
    }

    /**
     * Reads up to {@code len} bytes at the current position.
     *
     * @param buf where the bytes go
     * @param off the first index in {@code buf} to fill
     * @param len the most bytes to read
     * @return bytes read, or -1 at the end of the file
     * @throws IOException when the file is closed or not open for reading, the server refuses or the session fails
     */
    public synchronized int read(byte[] buf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, buf.length);
        checkOpen();
        if (!readable) {
            throw new IOException("SFTP file " + path + " was not opened for reading");
        }
        if (len == 0) {
            return 0;
        }
        flushWrites();
        if (prefetch != null) {
            return readPrefetched(buf, off, len);
        }
        if (readBufferLength > 0 && position >= readBufferOffset && position < readBufferOffset + readBufferLength) {
            int at = (int) (position - readBufferOffset);
            int n = Math.min(len, readBufferLength - at);
            System.arraycopy(readBuffer, at, buf, off, n);
            position += n;
            return n;
        }
        int chunk = client.readChunk();
        if (len >= chunk) {
            // large reads go straight into the caller's array: one copy from the stream
            int n = readAt(position, buf, off, chunk);
            if (n > 0) {
                position += n;
            }
            return n;
        }
        if (readBuffer == null) {
            readBuffer = new byte[chunk];
        }
        readBufferLength = 0;
        int got = readAt(position, readBuffer, 0, chunk);
        if (got < 0) {
            return -1;
        }
        readBufferOffset = position;
        readBufferLength = got;
        int n = Math.min(len, got);
        System.arraycopy(readBuffer, 0, buf, off, n);
        position += n;
        return n;
    }

    private int readAt(long offset, byte[] buf, int off, int len) throws IOException {
        SftpPacket p = new SftpPacket(FXP_READ, handle.length + 16);
        p.putString(handle).putLong(offset).putInt(len);
        return conn.sendRead(p, buf, off, len).await().dataLength(readCtx);
    }

    private int readPrefetched(byte[] buf, int off, int len) throws IOException {
        while (prefetched == null || position >= prefetched.offset() + prefetched.length()) {
            prefetched = prefetch.next();
            if (prefetched == null) {
                stopPrefetch();
                return -1;
            }
        }
        int at = (int) (position - prefetched.offset());
        int n = Math.min(len, prefetched.length() - at);
        System.arraycopy(prefetched.data(), at, buf, off, n);
        position += n;
        return n;
    }

    /**
     * Writes {@code len} bytes at the current position (at the end, for a file opened in append
     * mode). The data is copied before this returns; the server's answer may come later.
     *
     * @param buf the bytes to write
     * @param off the first index in {@code buf} to send
     * @param len how many bytes
     * @throws IOException when the file is closed or not open for writing, or an earlier write was refused
     */
    public synchronized void write(byte[] buf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, buf.length);
        checkOpen();
        if (!writable) {
            throw new IOException("SFTP file " + path + " was not opened for writing");
        }
        stopPrefetch();
        readBufferLength = 0;
        if (writes == null) {
            writes = new WritePipeline(conn, handle, client.writeChunk(), client.requestsInFlight(), writeCtx);
        }
        writes.write(position, buf, off, len);
        position += len;
    }

    /**
     * Moves the position; the next read or write happens there.
     *
     * @param newPosition the offset from the start of the file, at least 0
     * @throws IOException when the file is closed or the position is negative
     */
    public synchronized void seek(long newPosition) throws IOException {
        checkOpen();
        if (newPosition < 0) {
            throw new IOException("Cannot seek " + path + " to the negative position " + newPosition);
        }
        if (newPosition != position) {
            stopPrefetch();
        }
        position = newPosition;
    }

    /** @return the current position */
    public synchronized long tell() {
        return position;
    }

    /**
     * Reads the open file's attributes (FSTAT), after the writes so far have landed.
     *
     * @return the attributes
     * @throws IOException when the file is closed, the server refuses or the session fails
     */
    public synchronized SftpAttributes stat() throws IOException {
        checkOpen();
        flushWrites();
        SftpPacket p = new SftpPacket(FXP_FSTAT, handle.length + 4).putString(handle);
        return new SftpAttributes(conn.call(p).attrs(StatusErrors.Context.of("fstat", path)), null, null);
    }

    /**
     * Sets attributes of the open file (FSETSTAT).
     *
     * @param attrs the attributes to set; those it does not hold are left alone
     * @throws IOException when the file is closed, the server refuses or the session fails
     */
    public synchronized void setstat(SftpAttributes attrs) throws IOException {
        checkOpen();
        flushWrites();
        SftpPacket p = new SftpPacket(FXP_FSETSTAT).putString(handle).putAttrs(attrs.wire());
        conn.call(p).expectOk(StatusErrors.Context.of("fsetstat", path));
    }

    /**
     * Cuts or extends the file.
     *
     * @param size its new length in bytes
     * @throws IOException when the file is closed, the server refuses or the session fails
     */
    public void truncate(long size) throws IOException {
        setstat(new SftpAttributes().withSize(size));
    }

    /**
     * Reads the rest of the file ahead from the current position, with many requests in flight,
     * for fast sequential reads. Memory stays bounded: new requests go out as the data is consumed.
     * A seek or a write stops the read-ahead.
     *
     * @throws IOException when the file is closed or not open for reading, or its size cannot be read
     */
    public synchronized void prefetch() throws IOException {
        checkOpen();
        if (!readable) {
            throw new IOException("SFTP file " + path + " was not opened for reading");
        }
        flushWrites();
        stopPrefetch();
        long size = stat().getSize();
        readBufferLength = 0;
        prefetch = new ReadPipeline(conn, handle, position, size, client.readChunk(), client.requestsInFlight(), readCtx);
    }

    /**
     * Sends what is queued and waits until the server has acknowledged every write.
     *
     * @throws IOException when the file is closed or a write was refused
     */
    public synchronized void flush() throws IOException {
        checkOpen();
        flushWrites();
    }

    /**
     * Asks the server to commit the file to stable storage ({@code fsync@openssh.com}).
     *
     * @throws SftpException with {@link SftpException#OP_UNSUPPORTED} when the server lacks the extension
     * @throws IOException when the file is closed, the server refuses or the session fails
     */
    public synchronized void fsync() throws IOException {
        checkOpen();
        flushWrites();
        client.requireExtension(SftpConstants.EXT_FSYNC);
        SftpPacket p = new SftpPacket(FXP_EXTENDED).putString(SftpConstants.EXT_FSYNC).putString(handle);
        conn.call(p).expectOk(StatusErrors.Context.of("fsync", path));
    }

    /**
     * File-system statistics ({@code fstatvfs@openssh.com}).
     *
     * @return statistics of the file system holding this file
     * @throws SftpException with {@link SftpException#OP_UNSUPPORTED} when the server lacks the extension
     * @throws IOException when the file is closed, the server refuses or the session fails
     */
    public synchronized SftpStatVfs statvfs() throws IOException {
        checkOpen();
        client.requireExtension(SftpConstants.EXT_FSTATVFS);
        SftpPacket p = new SftpPacket(FXP_EXTENDED).putString(SftpConstants.EXT_FSTATVFS).putString(handle);
        return SftpStatVfs.decode(conn.call(p).extendedReply(StatusErrors.Context.of("fstatvfs", path)));
    }

    private void flushWrites() throws IOException {
        if (writes != null && writes.hasPending()) {
            writes.flush();
        }
    }

    private void stopPrefetch() {
        if (prefetch != null) {
            prefetch.close();
            prefetch = null;
            prefetched = null;
        }
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("SFTP file " + path + " is closed");
        }
    }

    /** @return a stream reading from the current position; closing it closes this file */
    public InputStream getInputStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return SftpFile.this.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return SftpFile.this.read(b, off, len);
            }

            @Override
            public void close() throws IOException {
                SftpFile.this.close();
            }
        };
    }

    /** @return a stream writing at the current position; closing it closes this file */
    public OutputStream getOutputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                SftpFile.this.write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                SftpFile.this.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                SftpFile.this.flush();
            }

            @Override
            public void close() throws IOException {
                SftpFile.this.close();
            }
        };
    }

    /**
     * Waits for outstanding writes, then closes the handle. A write the server refused is thrown
     * here if it was not thrown before. Closing twice does nothing.
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        stopPrefetch();
        IOException writeError = null;
        try {
            if (writes != null) {
                writes.flush();
            }
        } catch (IOException e) {
            writeError = e;
        }
        try {
            if (conn.isOpen()) {
                SftpPacket p = new SftpPacket(FXP_CLOSE, handle.length + 4).putString(handle);
                conn.call(p).expectOk(StatusErrors.Context.of("close", path));
            }
        } catch (IOException e) {
            if (writeError == null) {
                writeError = e;
            } else {
                writeError.addSuppressed(e);
            }
        }
        if (writeError != null) {
            throw writeError;
        }
    }
}
