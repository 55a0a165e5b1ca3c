package org.javamiko.sftp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

import org.javamiko.internal.sftp.ReadPipeline;
import org.javamiko.internal.sftp.StatusErrors;
import org.javamiko.internal.sftp.WritePipeline;

/** The whole-file transfers of {@link SftpClient}: pipelined, bounded in memory, with progress. */
final class SftpTransfers {
    private final SftpClient client;

    SftpTransfers(SftpClient client) {
        this.client = client;
    }

    SftpAttributes put(Path local, String remote, ProgressListener progress, boolean confirm) throws IOException {
        long size = Files.size(local);
        try (InputStream in = Files.newInputStream(local)) {
            return putfo(in, remote, size, progress, confirm);
        }
    }

    /** @param size bytes to send; -1 to send until {@code in} ends */
    SftpAttributes putfo(InputStream in, String remote, long size, ProgressListener progress, boolean confirm)
            throws IOException {
        Progress p = new Progress(progress, size);
        long sent = 0;
        try (SftpFile file = client.open(remote, "w")) {
            // a small file gets a packet of its own size, not one of the largest chunk
            int chunk = size < 0 ? client.writeChunk() : (int) Math.max(1, Math.min(client.writeChunk(), size));
            WritePipeline writes = new WritePipeline(client.connection(), file.handle(), chunk,
                    client.requestsInFlight(), StatusErrors.Context.of("write", remote));
            while (size < 0 || sent < size) {
                int want = size < 0 ? chunk : (int) Math.min(chunk, size - sent);
                int n = writes.writeFrom(sent, in, want);
                if (n < 0) {
                    if (size < 0) {
                        break;
                    }
                    throw new EOFException("The input for " + remote + " ended after " + sent + " of " + size + " bytes");
                }
                sent += n;
                p.report(sent);
            }
            writes.flush();
        }
        p.finish(sent);
        if (!confirm) {
            return new SftpAttributes().withSize(sent);
        }
        SftpAttributes remoteAttrs = client.stat(remote);
        if (remoteAttrs.getSize() != sent) {
            throw new SftpException("Size mismatch after put: sent " + sent + " bytes but " + remote
                    + " has " + remoteAttrs.getSize());
        }
        return remoteAttrs;
    }

    void get(String remote, Path local, ProgressListener progress) throws IOException {
        Path target = local.toAbsolutePath();
        Path dir = target.getParent();
        // a name of our own beside the target, so the final move stays on one file system
        Path temp = dir.resolve("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
        boolean done = false;
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                getfo(remote, out, progress);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    long getfo(String remote, OutputStream out, ProgressListener progress) throws IOException {
        long got = 0;
        long size;
        try (SftpFile file = client.open(remote, "r")) {
            size = file.stat().getSize();
            Progress p = new Progress(progress, size);
            try (ReadPipeline reads = new ReadPipeline(client.connection(), file.handle(), 0, size, client.readChunk(),
                    client.requestsInFlight(), StatusErrors.Context.of("read", remote))) {
                ReadPipeline.Chunk c;
                while ((c = reads.next()) != null) {
                    out.write(c.data(), 0, c.length());
                    got += c.length();
                    p.report(got);
                }
            }
            p.finish(got);
        }
        return got;
    }

    /** Reports progress, and makes sure the last report says transferred == total. */
    private static final class Progress {
        private final ProgressListener listener;
        private final long expected;
        private long lastTransferred = -1;
        private long lastTotal = -1;

        Progress(ProgressListener listener, long expected) {
            this.listener = listener;
            this.expected = expected;
        }

        void report(long transferred) {
            call(transferred, Math.max(expected, transferred));
        }

        void finish(long transferred) {
            if (lastTransferred != transferred || lastTotal != transferred) {
                call(transferred, transferred);
            }
        }

        private void call(long transferred, long total) {
            if (listener != null) {
                listener.progress(transferred, total);
            }
            lastTransferred = transferred;
            lastTotal = total;
        }
    }
}
