package org.javamiko;

/**
 * The proxy (a jump-host channel or a proxy command) carrying the connection failed.
 */
public class ProxyCommandFailure extends SshException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, in words a person can act on */
    public ProxyCommandFailure(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, in words a person can act on
     * @param cause the underlying failure
     */
    public ProxyCommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
