package org.javamiko.internal.sftp.fs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

import org.javamiko.sftp.SftpFile;

/**
 * An open {@link SftpFile} as a {@link SeekableByteChannel}. Writes are pipelined as in SftpFile:
 * a refused write is thrown by a later call or by {@link #close()} at the latest.
 */
final class SftpSeekableByteChannel implements SeekableByteChannel {
    /** Bytes copied per call when a buffer has no array of its own (a direct buffer). */
    private static final int COPY_CHUNK = 64 * 1024;

    private final SftpFile file;
    private final boolean readable;
    private final boolean writable;
    private final Closeable afterClose;
    private boolean open = true;

    /**
     * @param afterClose run once the file is closed (DELETE_ON_CLOSE), may be null
     */
    SftpSeekableByteChannel(SftpFile file, boolean readable, boolean writable, Closeable afterClose) {
        this.file = file;
        this.readable = readable;
        this.writable = writable;
        this.afterClose = afterClose;
    }

    private void checkOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        checkOpen();
        if (!readable) {
            throw new NonReadableChannelException();
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        if (dst.hasArray()) {
            int n = file.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
            if (n > 0) {
                dst.position(dst.position() + n);
            }
            return n;
        }
        byte[] tmp = new byte[Math.min(dst.remaining(), COPY_CHUNK)];
        int n = file.read(tmp, 0, tmp.length);
        if (n > 0) {
            dst.put(tmp, 0, n);
        }
        return n;
    }

    @Override
    public synchronized int write(ByteBuffer src) throws IOException {
        checkOpen();
        if (!writable) {
            throw new NonWritableChannelException();
        }
        int total = src.remaining();
        if (src.hasArray()) {
            file.write(src.array(), src.arrayOffset() + src.position(), total);
            src.position(src.limit());
            return total;
        }
        byte[] tmp = new byte[Math.min(total, COPY_CHUNK)];
        while (src.hasRemaining()) {
            int n = Math.min(tmp.length, src.remaining());
            src.get(tmp, 0, n);
            file.write(tmp, 0, n);
        }
        return total;
    }

    @Override
    public synchronized long position() throws IOException {
        checkOpen();
        return file.tell();
    }

    @Override
    public synchronized SeekableByteChannel position(long newPosition) throws IOException {
        checkOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        file.seek(newPosition);
        return this;
    }

    /** @return the file's size on the server, after the writes so far have landed */
    @Override
    public synchronized long size() throws IOException {
        checkOpen();
        return file.stat().getSize();
    }

    @Override
    public synchronized SeekableByteChannel truncate(long size) throws IOException {
        checkOpen();
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        if (!writable) {
            throw new NonWritableChannelException();
        }
        if (size < size()) {
            file.truncate(size);
        }
        if (file.tell() > size) {
            file.seek(size);
        }
        return this;
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!open) {
            return;
        }
        open = false;
        try {
            file.close();
        } finally {
            if (afterClose != null) {
                afterClose.close();
            }
        }
    }
}
