package org.javamiko.sftp;

import static org.javamiko.internal.sftp.SftpConstants.FXF_APPEND;
import static org.javamiko.internal.sftp.SftpConstants.FXF_CREAT;
import static org.javamiko.internal.sftp.SftpConstants.FXF_EXCL;
import static org.javamiko.internal.sftp.SftpConstants.FXF_READ;
import static org.javamiko.internal.sftp.SftpConstants.FXF_TRUNC;
import static org.javamiko.internal.sftp.SftpConstants.FXF_WRITE;

/**
 * A Python-style open mode ("r", "w+", "ab", …) as SFTP open flags.
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
}
