package org.javamiko.sftp;

import org.javamiko.SshException;

/**
 * The SFTP server answered a request with a status that has no closer Java exception, or the
 * server does not offer an extension the call needs. {@link #code()} is the SFTP status code
 * (draft-ietf-secsh-filexfer-02 §7: 4 failure, 5 bad message, 8 operation unsupported, …).
 *
 * <p>A missing file is a {@link java.nio.file.NoSuchFileException} instead, a refused one an
 * {@link java.nio.file.AccessDeniedException}.
 */
public class SftpException extends SshException {
    private static final long serialVersionUID = 1L;

    /** SSH_FX_FAILURE: the code used for failures the client detects itself. */
    public static final int FAILURE = 4;
    /** SSH_FX_OP_UNSUPPORTED: the code used when the server lacks an extension. */
    public static final int OP_UNSUPPORTED = 8;

    /** The SFTP status code. */
    private final int code;

    /**
     * @param code the SFTP status code
     * @param message the server's message with the operation and path it concerns
     */
    public SftpException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** @param message what went wrong; the code is SSH_FX_FAILURE */
    public SftpException(String message) {
        this(FAILURE, message);
    }

    /**
     * @param message what went wrong; the code is SSH_FX_FAILURE
     * @param cause the underlying failure
     */
    public SftpException(String message, Throwable cause) {
        super(message, cause);
        this.code = FAILURE;
    }

    /** @return the SFTP status code */
    public int code() {
        return code;
    }
}
