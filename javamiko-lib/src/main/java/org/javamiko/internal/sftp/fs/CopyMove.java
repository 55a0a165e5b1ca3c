package org.javamiko.internal.sftp.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

import org.javamiko.sftp.SftpAttributes;
import org.javamiko.sftp.SftpClient;
import org.javamiko.sftp.SftpFile;

/**
 * {@link java.nio.file.Files#copy(Path, Path, CopyOption...)} and {@code move} between SFTP
 * paths. On one server a copy uses {@code copy-data} when offered (the bytes stay on the server),
 * else reads and writes through the session; a move is a rename ({@code posix-rename@openssh.com}
 * when replacing). Between two servers, the bytes stream through this process.
 */
public final class CopyMove {
    private static final String EXT_POSIX_RENAME = "posix-rename@openssh.com";
    private static final String EXT_COPY_DATA = "copy-data";

    private CopyMove() {
    }

    /** Copies a file, a directory (empty, as Files.copy does) or, without following, a link. */
    public static void copy(Path source, Path target, CopyOption... options) throws IOException {
        SftpPath from = SftpPath.of(source);
        SftpPath to = SftpPath.of(target);
        List<CopyOption> opts = List.of(options);
        for (CopyOption o : opts) {
            if (o != StandardCopyOption.REPLACE_EXISTING && o != StandardCopyOption.COPY_ATTRIBUTES
                    && o != LinkOption.NOFOLLOW_LINKS) {
                throw new UnsupportedOperationException("Files.copy on SFTP does not support " + o);
            }
        }
        boolean follow = !opts.contains(LinkOption.NOFOLLOW_LINKS);
        SftpAttributes attrs = FileOperations.stat(from, follow);
        if (from.getFileSystem() == to.getFileSystem() && from.toAbsolutePath().equals(to.toAbsolutePath())) {
            return;
        }
        clearTarget(to, opts.contains(StandardCopyOption.REPLACE_EXISTING));
        SftpClient dst = FileOperations.client(to);
        String dstPath = FileOperations.remote(to);
        if (attrs.isDirectory()) {
            dst.mkdir(dstPath, 0777);
        } else if (attrs.isSymlink()) {
            dst.symlink(FileOperations.client(from).readlink(FileOperations.remote(from)), dstPath);
            return;
        } else {
            copyContent(from, to);
        }
        if (opts.contains(StandardCopyOption.COPY_ATTRIBUTES)) {
            dst.setstat(dstPath, new SftpAttributes().withPermissions(attrs.getPermissions() & 07777)
                    .withTimes(attrs.getAtime(), attrs.getMtime()));
        }
    }

    /** With REPLACE_EXISTING removes what {@code to} names (an empty directory too); without, refuses. */
    private static void clearTarget(SftpPath to, boolean replace) throws IOException {
        SftpAttributes existing;
        try {
            existing = FileOperations.stat(to, false);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!replace) {
            throw new FileAlreadyExistsException(to.toString());
        }
        SftpClient c = FileOperations.client(to);
        if (existing.isDirectory()) {
            c.rmdir(FileOperations.remote(to));
        } else {
            c.remove(FileOperations.remote(to));
        }
    }

    private static void copyContent(SftpPath from, SftpPath to) throws IOException {
        SftpClient src = FileOperations.client(from);
        SftpClient dst = FileOperations.client(to);
        String srcPath = FileOperations.remote(from);
        String dstPath = FileOperations.remote(to);
        Set<StandardOpenOption> create = Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        if (src == dst && src.hasExtension(EXT_COPY_DATA)) {
            try (SftpFile in = src.open(srcPath, "r"); SftpFile out = dst.open(dstPath, create, -1)) {
                src.copyData(in, 0, 0, out, 0);
            }
            return;
        }
        try (InputStream in = FileOperations.newInputStream(from);
             OutputStream out = dst.open(dstPath, create, -1).getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** Moves by rename on one server; between servers, copies with attributes and deletes the source. */
    public static void move(Path source, Path target, CopyOption... options) throws IOException {
        SftpPath from = SftpPath.of(source);
        SftpPath to = SftpPath.of(target);
        List<CopyOption> opts = List.of(options);
        boolean replace = opts.contains(StandardCopyOption.REPLACE_EXISTING);
        boolean atomic = opts.contains(StandardCopyOption.ATOMIC_MOVE);
        if (from.getFileSystem() != to.getFileSystem()) {
            if (atomic) {
                throw new AtomicMoveNotSupportedException(from.toString(), to.toString(),
                        "the paths are on different SFTP sessions");
            }
            copy(from, to, replace ? new CopyOption[] {StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS}
                    : new CopyOption[] {StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS});
            FileOperations.delete(from);
            return;
        }
        SftpClient c = FileOperations.client(from);
        String src = FileOperations.remote(from);
        String dst = FileOperations.remote(to);
        if (c.hasExtension(EXT_POSIX_RENAME) && (replace || atomic)) {
            if (!replace) {
                refuseExisting(to);
            }
            // rename(2): replaces a file, or an empty directory with a directory, in one step
            c.posixRename(src, dst);
            return;
        }
        if (atomic && replace) {
            throw new AtomicMoveNotSupportedException(src, dst, "the server has no posix-rename@openssh.com,"
                    + " so it cannot replace atomically");
        }
        if (replace) {
            FileOperations.stat(from, false);   // a missing source must not cost the target
            clearTarget(to, true);
        }
        c.rename(src, dst);
    }

    private static void refuseExisting(SftpPath to) throws IOException {
        try {
            FileOperations.stat(to, false);
        } catch (NoSuchFileException e) {
            return;
        }
        throw new FileAlreadyExistsException(to.toString());
    }
}
