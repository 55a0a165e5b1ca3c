package org.javamiko.internal.scp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Unix permission bits to and from {@link PosixFilePermission} sets. */
final class FileModes {
    private static final PosixFilePermission[] ORDER = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private FileModes() {
    }

    /** @return the rwx bits of {@code mode} (setuid, setgid and sticky are dropped) */
    static Set<PosixFilePermission> toPermissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < ORDER.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(ORDER[bit]);
            }
        }
        return set;
    }

    static int toMode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (int bit = 0; bit < ORDER.length; bit++) {
            if (permissions.contains(ORDER[bit])) {
                mode |= 1 << bit;
            }
        }
        return mode;
    }

    /** @return the file's mode, or {@code fallback} where the file system has no POSIX permissions */
    static int modeOf(Path file, int fallback) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
            return fallback;
        }
        return toMode(Files.getPosixFilePermissions(file));
    }

    /** Sets the rwx bits where the file system has POSIX permissions; elsewhere does nothing. */
    static void apply(Path file, int mode) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null) {
            Files.setPosixFilePermissions(file, toPermissions(mode));
        }
    }
}
