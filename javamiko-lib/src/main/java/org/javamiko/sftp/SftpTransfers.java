package org.javamiko.sftp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

import org.javamiko.internal.sftp.ReadPipeline;
import org.javamiko.internal.sftp.SftpConstants;
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
        long sent = client.isAtomicPut() ? putAtomically(in, remote, size, progress) : write(in, remote, size, progress, false);
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

    /**
     * Writes to a name of our own beside {@code remote}, commits it to disk where the server
     * offers {@code fsync@openssh.com}, gives it the permissions of the file it replaces, then
     * renames it over {@code remote}: until the rename, {@code remote} is the old file, and a
     * failed upload leaves nothing under either name.
     */
    private long putAtomically(InputStream in, String remote, long size, ProgressListener progress) throws IOException {
        int slash = remote.lastIndexOf('/');
        String temp = remote.substring(0, slash + 1) + "." + remote.substring(slash + 1) + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part";
        try {
            long sent = write(in, temp, size, progress, true);
            keepPermissions(remote, temp);
            replace(temp, remote);
            return sent;
        } catch (IOException | RuntimeException e) {
            try {
                client.remove(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void keepPermissions(String existing, String replacement) throws IOException {
        SftpAttributes old;
        try {
            old = client.stat(existing);
        } catch (NoSuchFileException e) {
            return;   // a new file: the server's default mode, as an in-place upload gets
        }
        client.chmod(replacement, old.getPermissions() & 07777);
    }

    /**
     * posix-rename replaces the target in one step. Without it, SFTP v3's rename refuses an
     * existing target, so the old file is removed first: for a moment neither exists, but no
     * truncated file is ever under the final name.
     */
    private void replace(String from, String to) throws IOException {
        if (client.hasExtension(SftpConstants.EXT_POSIX_RENAME)) {
            client.posixRename(from, to);
            return;
        }
        try {
            client.remove(to);
        } catch (NoSuchFileException e) {
            // nothing to replace
        }
        client.rename(from, to);
    }

    /**
     * @param commit also ask the server to commit the file to disk ({@code fsync@openssh.com}, when offered)
     * @return the bytes written to {@code remote}, opened with "w"
     */
    private long write(InputStream in, String remote, long size, ProgressListener progress, boolean commit)
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
            if (commit && client.hasExtension(SftpConstants.EXT_FSYNC)) {
                file.fsync();
            }
        }
        p.finish(sent);
        return sent;
    }

    void get(String remote, Path local, ProgressListener progress) throws IOException {
        Path target = local.toAbsolutePath();
        Path dir = target.getParent();
        // a name of our own beside the target, so the final move stays on one file system
        Path temp = dir.resolve("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                getfo(remote, Channels.newOutputStream(channel), progress);
                // on disk before the rename: after a crash the target is the old file or the whole new one
                channel.force(true);
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
        SftpAttributes atOpen;
        try (SftpFile file = client.open(remote, "r")) {
            atOpen = file.stat();
            long size = atOpen.getSize();
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
        if (client.isVerifyGetSize() && atOpen.hasSize() && got != atOpen.getSize()) {
            throw new SftpException("Size mismatch in get: " + remote + " had " + atOpen.getSize()
                    + " bytes when opened but the server sent " + got + " (the file changed while it was read;"
                    + " SftpClient.setVerifyGetSize(false) accepts files that grow)");
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
