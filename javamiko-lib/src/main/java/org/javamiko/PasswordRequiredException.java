package org.javamiko;

/**
 * A private key is encrypted and no passphrase (or password) was given to decrypt it.
 */
public class PasswordRequiredException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, in words a person can act on */
    public PasswordRequiredException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, in words a person can act on
     * @param cause the underlying failure
     */
    public PasswordRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
