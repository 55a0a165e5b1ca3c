package org.javamiko.internal.keyformat;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Writes secret files so that no other user can ever read them: a temporary file created with mode
 * 0600 beside the target, moved over it atomically. An existing file's narrower mode is kept.
 */
public final class PrivateFileWriter {
    private static final Set<PosixFilePermission> OWNER_RW =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private PrivateFileWriter() {
    }

    /**
     * @param file the target
     * @param content the bytes it will hold
     */
    public static void write(Path file, byte[] content) throws IOException {
        Path target = file.toAbsolutePath();
        // The file system, not the file store, answers this: a file store needs the mount table,
        // which a chroot or a build sandbox may not list the path in.
        boolean posix = target.getFileSystem().supportedFileAttributeViews().contains("posix");
        Set<PosixFilePermission> mode = EnumSet.copyOf(OWNER_RW);
        if (posix && Files.exists(target)) {
            mode.retainAll(Files.getPosixFilePermissions(target));
        }
        Path tmp = createTemp(target, posix);
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer remaining = ByteBuffer.wrap(content);
                while (remaining.hasRemaining()) {
                    channel.write(remaining);
                }
                // on disk before the rename: a crash leaves the old key or the new one, never an empty file
                channel.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(tmp, mode);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path createTemp(Path target, boolean posix) throws IOException {
        SecureRandom random = new SecureRandom();
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_RW)}
                : new FileAttribute<?>[0];
        for (int attempt = 0; attempt < 16; attempt++) {
            byte[] suffix = new byte[6];
            random.nextBytes(suffix);
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + HexFormat.of().formatHex(suffix) + ".tmp");
            try {
                return Files.createFile(tmp, attrs);
            } catch (FileAlreadyExistsException e) {
                // another name next time
            }
        }
        throw new IOException("Could not create a temporary file beside " + target);
    }
}
