package org.javamiko;

/**
 * The server refused to open a channel (RFC 4254 §5.1); {@link #code()} is its reason code,
 * e.g. 1 administratively prohibited, 2 connect failed, 3 unknown channel type, 4 resource shortage.
 */
public class ChannelException extends SshException {
    private static final long serialVersionUID = 1L;
    /** The reason code the server sent. */
    private final int code;

    /**
     * @param code the reason code the server sent
     * @param message the server's description, or ours
     */
    public ChannelException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** @param message what happened */
    public ChannelException(String message) {
        this(0, message);
    }

    /**
     * @param message what happened
     * @param cause the underlying failure
     */
    public ChannelException(String message, Throwable cause) {
        super(message, cause);
        this.code = 0;
    }

    /** @return the SSH_MSG_CHANNEL_OPEN_FAILURE reason code, or 0 when the failure was local */
    public int code() {
        return code;
    }
}
