package org.javamiko;

import org.javamiko.keys.PKey;

/**
 * The server presented a host key other than the one known for it: possibly a
 * man-in-the-middle, possibly a reinstalled server. Never accept it silently.
 */
public class BadHostKeyException extends SshException {
    private static final long serialVersionUID = 1L;
    /** The host name as looked up. */
    private final String hostname;
    private final transient PKey key;
    private final transient PKey expectedKey;

    /**
     * @param hostname the host name as looked up ({@code host} or {@code [host]:port})
     * @param key the key the server presented
     * @param expectedKey the key known for the host
     * @param message what happened
     */
    public BadHostKeyException(String hostname, PKey key, PKey expectedKey, String message) {
        super(message);
        this.hostname = hostname;
        this.key = key;
        this.expectedKey = expectedKey;
    }

    /**
     * @param hostname the host name as looked up
     * @param key the key the server presented
     * @param expectedKey the key known for the host
     */
    public BadHostKeyException(String hostname, PKey key, PKey expectedKey) {
        this(hostname, key, expectedKey, "Host key for server '" + hostname + "' does not match: got "
                + key.fingerprint() + ", expected " + expectedKey.fingerprint());
    }

    /** @param message what happened */
    public BadHostKeyException(String message) {
        this(null, null, null, message);
    }

    /**
     * @param message what happened
     * @param cause the underlying failure
     */
    public BadHostKeyException(String message, Throwable cause) {
        super(message, cause);
        this.hostname = null;
        this.key = null;
        this.expectedKey = null;
    }

    /** @return the host name as looked up in the known hosts */
    public String hostname() {
        return hostname;
    }

    /** @return the key the server presented */
    public PKey key() {
        return key;
    }

    /** @return the key known for the host */
    public PKey expectedKey() {
        return expectedKey;
    }
}
