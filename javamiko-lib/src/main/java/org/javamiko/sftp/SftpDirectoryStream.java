package org.javamiko.sftp;

import static org.javamiko.internal.sftp.SftpConstants.FXP_CLOSE;
import static org.javamiko.internal.sftp.SftpConstants.FXP_READDIR;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.javamiko.internal.session.LogText;
import org.javamiko.internal.sftp.EntryNames;
import org.javamiko.internal.sftp.SftpConnection;
import org.javamiko.internal.sftp.SftpPacket;
import org.javamiko.internal.sftp.SftpReply;
import org.javamiko.internal.sftp.StatusErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory listing read one server batch at a time, for directories too large to hold in
 * memory ({@link SftpClient#listdirIter}). Without "." and "..", and without a name that is not
 * plain (a '/' or NUL in it, or empty: a hostile server's way out of the directory), which is
 * skipped with a WARN. It may be iterated once; an error
 * while iterating is an {@link UncheckedIOException} wrapping the cause, as with
 * {@link java.nio.file.DirectoryStream}. Close it to release the handle early; reaching the end
 * closes it too.
 */
public class SftpDirectoryStream implements Closeable, Iterable<SftpAttributes> {
    private static final Logger LOG = LoggerFactory.getLogger(SftpDirectoryStream.class);
    private final SftpConnection conn;
    private final byte[] handle;
    private final StatusErrors.Context ctx;
    private final ArrayDeque<SftpAttributes> batch = new ArrayDeque<>();
    private boolean iterated;
    private boolean atEnd;
    private boolean closed;

    SftpDirectoryStream(SftpConnection conn, byte[] handle, String path) {
        this.conn = conn;
        this.handle = handle;
        this.ctx = StatusErrors.Context.of("readdir", path);
    }

    /** @return the iterator over the entries; a second call throws IllegalStateException */
    @Override
    public synchronized Iterator<SftpAttributes> iterator() {
        if (iterated) {
            throw new IllegalStateException("an SftpDirectoryStream may be iterated once");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return fill();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public SftpAttributes next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                synchronized (SftpDirectoryStream.this) {
                    return batch.poll();
                }
            }
        };
    }

    private synchronized boolean fill() throws IOException {
        while (batch.isEmpty() && !atEnd && !closed) {
            SftpReply reply = conn.call(new SftpPacket(FXP_READDIR, handle.length + 4).putString(handle));
            if (reply.isEof()) {
                atEnd = true;
                close();
                break;
            }
            for (SftpReply.NameEntry e : reply.names(ctx)) {
                String name = e.filename();
                if (EntryNames.isPlain(name)) {
                    batch.add(new SftpAttributes(e.attrs(), name, e.longname()));
                } else if (!EntryNames.isSelfOrParent(name)) {
                    // Skipped, as OpenSSH's sftp does, rather than failing the whole listing.
                    LOG.warn("Skipped an entry of {} named \"{}\" by the server: not a plain name ('/' or NUL in it,"
                            + " or empty), which could lead out of the directory", ctx.path(), LogText.escape(name));
                }
            }
        }
        return !batch.isEmpty();
    }

    /** Closes the directory handle; iteration ends. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (conn.isOpen()) {
            conn.call(new SftpPacket(FXP_CLOSE, handle.length + 4).putString(handle))
                    .expectOk(StatusErrors.Context.of("close", ctx.path()));
        }
    }
}
