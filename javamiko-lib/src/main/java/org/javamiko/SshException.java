package org.javamiko;

import java.io.IOException;

/**
 * The base of every javamiko exception: a failure of the SSH protocol or of the server's answer.
 *
 * <p>It is an {@link java.io.IOException}, so code that already handles I/O failures handles these too.
 */
public class SshException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, in words a person can act on */
    public SshException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, in words a person can act on
     * @param cause the underlying failure
     */
    public SshException(String message, Throwable cause) {
        super(message, cause);
    }
}
