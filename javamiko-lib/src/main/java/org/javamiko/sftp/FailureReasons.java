package org.javamiko.sftp;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;

import org.javamiko.internal.sftp.SftpConstants;

/**
 * SFTP v3 has no status for "already exists" or "not empty": OpenSSH answers SSH_FX_FAILURE for
 * both. When an operation fails that way, one more request tells the reason, so the caller gets
 * the java.nio.file exception that says it.
 */
final class FailureReasons {
    private FailureReasons() {
    }

    /** @return a FileAlreadyExistsException when {@code created} exists now, else {@code e} */
    static IOException alreadyExistsOr(SftpClient client, SftpException e, String created, String other) {
        if (e.code() != SftpConstants.FX_FAILURE) {
            return e;
        }
        try {
            client.lstat(created);
        } catch (IOException notThere) {
            return e;
        }
        FileAlreadyExistsException x = new FileAlreadyExistsException(created, other, e.getMessage());
        x.initCause(e);
        return x;
    }

    /** @return whether {@code dir} lists at least one entry (false when it cannot be listed) */
    static boolean hasEntries(SftpClient client, String dir) {
        try (SftpDirectoryStream s = client.listdirIter(dir)) {
            return s.iterator().hasNext();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
