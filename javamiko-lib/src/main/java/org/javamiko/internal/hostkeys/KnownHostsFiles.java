package org.javamiko.internal.hostkeys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

import org.javamiko.SshException;

/**
 * Reading a {@code known_hosts} file with a size bound, and replacing one atomically.
 */
public final class KnownHostsFiles {
    /**
     * The largest file read: above any real known_hosts (a hundred thousand RSA-3072 host keys
     * take about 60 MiB; most files hold a few hundred lines), low enough that a wrong path such
     * as a device cannot exhaust memory.
     */
    public static final int MAX_FILE_BYTES = 64 * 1024 * 1024;

    private KnownHostsFiles() {
    }

    /**
     * @param file the file
     * @return its lines
     * @throws java.nio.file.NoSuchFileException when it does not exist
     * @throws SshException when it is larger than {@link #MAX_FILE_BYTES}
     */
    public static List<RawLine> readLines(Path file) throws IOException {
        return RawLine.split(readBounded(file, MAX_FILE_BYTES));
    }

    static byte[] readBounded(Path file, int maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[64 * 1024];
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (out.size() > maxBytes - n) {
                    throw new SshException(file + " is larger than " + maxBytes
                            + " bytes, too large for a known_hosts file; refusing to read it");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        }
    }

    /**
     * Replaces a file's content atomically: the content goes to a temporary file in the same
     * directory, is forced to disk, and is moved over the target, so a reader (another ssh, a
     * crash) sees the old file or the new one, never a half-written one.
     *
     * <p>A symbolic link is followed, so the file it points to is replaced and the link stays.
     * An existing file keeps its permissions (never widened); a new file is created readable and
     * writable by its owner only.
     *
     * @param file the file to replace or create
     * @param content the new content
     */
    public static void writeAtomically(Path file, byte[] content) throws IOException {
        Path target = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            copyPermissions(target, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temp, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView toView = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (toView == null || !Files.exists(from)) {
            return;   // no POSIX permissions here, or a new file: createTempFile made it owner-only
        }
        Set<PosixFilePermission> permissions = Files.readAttributes(
                from, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).permissions();
        toView.setPermissions(permissions);
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
