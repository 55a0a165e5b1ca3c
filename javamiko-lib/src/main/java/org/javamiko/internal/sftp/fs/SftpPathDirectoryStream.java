package org.javamiko.internal.sftp.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.javamiko.sftp.SftpAttributes;
import org.javamiko.sftp.SftpDirectoryStream;

/**
 * A remote directory's entries as paths resolved against it, read one server batch at a time.
 * As {@link DirectoryStream} requires: one iterator, an error while iterating is a
 * {@link DirectoryIteratorException}, and after {@link #close()} the iterator ends.
 */
final class SftpPathDirectoryStream implements DirectoryStream<Path> {
    private final SftpPath dir;
    private final SftpDirectoryStream listing;
    private final Filter<? super Path> filter;
    private boolean iterated;
    private volatile boolean closed;

    SftpPathDirectoryStream(SftpPath dir, SftpDirectoryStream listing, Filter<? super Path> filter) {
        this.dir = dir;
        this.listing = listing;
        this.filter = filter;
    }

    @Override
    public synchronized Iterator<Path> iterator() {
        if (iterated || closed) {
            throw new IllegalStateException(closed ? "the directory stream is closed"
                    : "a directory stream may be iterated once");
        }
        iterated = true;
        Iterator<SftpAttributes> entries = listing.iterator();
        return new Iterator<>() {
            private Path next;

            @Override
            public boolean hasNext() {
                try {
                    while (next == null && !closed && entries.hasNext()) {
                        Path candidate = dir.resolve(entries.next().getFilename());
                        if (filter == null || filter.accept(candidate)) {
                            next = candidate;
                        }
                    }
                } catch (UncheckedIOException e) {
                    throw new DirectoryIteratorException(e.getCause());
                } catch (IOException e) {
                    throw new DirectoryIteratorException(e);
                }
                return next != null;
            }

            @Override
            public Path next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Path p = next;
                next = null;
                return p;
            }
        };
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listing.close();
    }
}
