package org.javamiko.internal.sftp;

import static org.javamiko.internal.sftp.SftpConstants.FX_DIR_NOT_EMPTY;
import static org.javamiko.internal.sftp.SftpConstants.FX_FILE_ALREADY_EXISTS;
import static org.javamiko.internal.sftp.SftpConstants.FX_NOT_A_DIRECTORY;
import static org.javamiko.internal.sftp.SftpConstants.FX_NO_SUCH_FILE;
import static org.javamiko.internal.sftp.SftpConstants.FX_NO_SUCH_PATH;
import static org.javamiko.internal.sftp.SftpConstants.FX_PERMISSION_DENIED;
import static org.javamiko.internal.sftp.SftpConstants.FX_WRITE_PROTECT;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import org.javamiko.sftp.SftpException;

/**
 * Turns an SFTP status into the exception a Java user expects, naming the operation and path.
 * The codes above 8 come from later drafts; some servers (MINA SSHD) send them on v3 sessions too.
 */
public final class StatusErrors {
    private StatusErrors() {
    }

    /**
     * What a request was about, for the exception's message and its file fields.
     *
     * @param operation e.g. "open", "mkdir"
     * @param path the path the request named, or null
     * @param otherPath the second path (rename's target), or null
     */
    public record Context(String operation, String path, String otherPath) {
        /** @return a context naming one path */
        public static Context of(String operation, String path) {
            return new Context(operation, path, null);
        }

        /** @return e.g. "rename /a -> /b" */
        public String describe() {
            StringBuilder sb = new StringBuilder("SFTP ").append(operation);
            if (path != null) {
                sb.append(' ').append(path);
            }
            if (otherPath != null) {
                sb.append(" -> ").append(otherPath);
            }
            return sb.toString();
        }

        /** @return the exception for status {@code code} with the server's {@code message} */
        public IOException toException(int code, String message) {
            String reason = (message == null || message.isEmpty() ? SftpConstants.statusName(code) : message)
                    + " (" + SftpConstants.statusName(code) + ")";
            return switch (code) {
                case FX_NO_SUCH_FILE, FX_NO_SUCH_PATH -> new NoSuchFileException(path, otherPath, reason);
                case FX_PERMISSION_DENIED, FX_WRITE_PROTECT -> new AccessDeniedException(path, otherPath, reason);
                case FX_FILE_ALREADY_EXISTS -> new FileAlreadyExistsException(target(), null, reason);
                case FX_DIR_NOT_EMPTY -> new DirectoryNotEmptyException(path);
                case FX_NOT_A_DIRECTORY -> new NotDirectoryException(path);
                default -> new SftpException(code, describe() + ": " + reason);
            };
        }

        /** The path that already exists: rename's and symlink's second one, else the first. */
        private String target() {
            return otherPath != null ? otherPath : path;
        }
    }
}
