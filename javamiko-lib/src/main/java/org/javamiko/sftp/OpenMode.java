package org.javamiko.sftp;

import static org.javamiko.internal.sftp.SftpConstants.FXF_APPEND;
import static org.javamiko.internal.sftp.SftpConstants.FXF_CREAT;
import static org.javamiko.internal.sftp.SftpConstants.FXF_EXCL;
import static org.javamiko.internal.sftp.SftpConstants.FXF_READ;
import static org.javamiko.internal.sftp.SftpConstants.FXF_TRUNC;
import static org.javamiko.internal.sftp.SftpConstants.FXF_WRITE;

import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * A Python-style open mode ("r", "w+", "ab", …) or a set of java.nio.file open options as SFTP open flags.
 *
 * @param pflags SSH_FXF_* bits for SSH_FXP_OPEN
 * @param readable reads allowed
 * @param writable writes allowed
 * @param append writes go to the end
 * @param exclusive the file must not exist yet
 */
record OpenMode(int pflags, boolean readable, boolean writable, boolean append, boolean exclusive) {
    static OpenMode parse(String mode) {
        if (mode == null) {
            throw new IllegalArgumentException("open mode must not be null");
        }
        String m = mode.replace("b", "");
        boolean plus = m.endsWith("+");
        String base = plus ? m.substring(0, m.length() - 1) : m;
        return switch (base) {
            case "r" -> new OpenMode(FXF_READ | (plus ? FXF_WRITE : 0), true, plus, false, false);
            case "w" -> new OpenMode(FXF_WRITE | FXF_CREAT | FXF_TRUNC | (plus ? FXF_READ : 0), plus, true, false, false);
            case "a" -> new OpenMode(FXF_WRITE | FXF_CREAT | FXF_APPEND | (plus ? FXF_READ : 0), plus, true, true, false);
            case "x" -> new OpenMode(FXF_WRITE | FXF_CREAT | FXF_EXCL | (plus ? FXF_READ : 0), plus, true, false, true);
            default -> throw new IllegalArgumentException("unknown open mode \"" + mode
                    + "\": use r, w, a or x, optionally with + and b");
        };
    }

    /**
     * The flags for java.nio.file options, as {@link java.nio.file.Files#newByteChannel} reads
     * them: READ when neither READ, WRITE nor APPEND is given; CREATE, CREATE_NEW and
     * TRUNCATE_EXISTING only count when writing. DELETE_ON_CLOSE, NOFOLLOW_LINKS, SPARSE, SYNC
     * and DSYNC have no SFTP flag and are left to the caller.
     */
    static OpenMode of(Set<? extends OpenOption> options) {
        for (OpenOption o : options) {
            if (!(o instanceof StandardOpenOption) && o != LinkOption.NOFOLLOW_LINKS) {
                throw new UnsupportedOperationException("SFTP does not support the open option " + o);
            }
        }
        boolean append = options.contains(StandardOpenOption.APPEND);
        boolean write = append || options.contains(StandardOpenOption.WRITE);
        boolean read = options.contains(StandardOpenOption.READ) || !write;
        if (append && read) {
            throw new IllegalArgumentException("APPEND cannot be combined with READ");
        }
        if (append && options.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
            throw new IllegalArgumentException("APPEND cannot be combined with TRUNCATE_EXISTING");
        }
        int flags = read ? FXF_READ : 0;
        boolean exclusive = false;
        if (write) {
            flags |= FXF_WRITE;
            if (options.contains(StandardOpenOption.CREATE_NEW)) {
                flags |= FXF_CREAT | FXF_EXCL;
                exclusive = true;
            } else if (options.contains(StandardOpenOption.CREATE)) {
                flags |= FXF_CREAT;
            }
            if (options.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
                flags |= FXF_TRUNC;
            }
            if (append) {
                flags |= FXF_APPEND;
            }
        }
        return new OpenMode(flags, read, write, append, exclusive);
    }
}
