package org.javamiko;

/**
 * An SCP transfer failed: the remote {@code scp} reported an error (its message is
 * {@link #remoteMessage()}, e.g. {@code "scp: /srv/x: No such file or directory"}), it exited with
 * a non-zero status, or it sent something the protocol does not allow, such as a file name
 * containing {@code /} or {@code ..} (refused before anything is written).
 *
 * <pre>{@code
 * try {
 *     scp.get("/var/log/missing.log", Path.of("."));
 * } catch (ScpException e) {
 *     System.err.println("remote said: " + e.remoteMessage());
 * }
 * }</pre>
 */
public class ScpException extends SshException {
    private static final long serialVersionUID = 1L;
    /** What the remote scp said, or empty. */
    private final String remoteMessage;
    /** The remote scp's exit status, or -1. */
    private final int exitStatus;

    /**
     * @param remoteMessage what the remote scp said (control characters replaced by {@code ?}), or
     *                      {@code ""} when the failure was noticed here
     * @param exitStatus the remote scp's exit status, or -1 when unknown
     * @param message the whole description
     */
    public ScpException(String remoteMessage, int exitStatus, String message) {
        super(message);
        this.remoteMessage = remoteMessage == null ? "" : remoteMessage;
        this.exitStatus = exitStatus;
    }

    /** @param message what went wrong */
    public ScpException(String message) {
        this("", -1, message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ScpException(String message, Throwable cause) {
        super(message, cause);
        this.remoteMessage = "";
        this.exitStatus = -1;
    }

    /**
     * @return the error line the remote scp sent (without its leading code byte and newline), or
     *         its standard error when it exited without one; {@code ""} when the failure was local
     *         or a protocol violation
     */
    public String remoteMessage() {
        return remoteMessage;
    }

    /** @return the remote scp's exit status, or -1 when it is not known (yet) */
    public int exitStatus() {
        return exitStatus;
    }
}
