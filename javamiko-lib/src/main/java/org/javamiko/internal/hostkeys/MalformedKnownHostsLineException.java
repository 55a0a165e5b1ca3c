package org.javamiko.internal.hostkeys;

/**
 * A {@code known_hosts} line we cannot use. Never fatal: the reader logs the reason, skips the
 * line for matching and keeps its text so that saving writes it back unchanged.
 */
public final class MalformedKnownHostsLineException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param reason why the line cannot be used, e.g. "key is not valid base64" */
    public MalformedKnownHostsLineException(String reason) {
        super(reason);
    }

    /**
     * @param reason why the line cannot be used
     * @param cause the underlying failure
     */
    public MalformedKnownHostsLineException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
