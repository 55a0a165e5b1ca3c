package org.javamiko;

/**
 * Authentication failed: every method tried was refused, or the server ended the attempt.
 */
public class AuthenticationException extends SshException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, in words a person can act on */
    public AuthenticationException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, in words a person can act on
     * @param cause the underlying failure
     */
    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
