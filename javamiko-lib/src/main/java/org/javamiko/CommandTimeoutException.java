package org.javamiko;

import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * {@link SshClient#run(String, ExecOptions)}'s timeout passed: the command was ended on the
 * server (the {@code signal} request TERM, then KILL after {@link ExecOptions#terminateGrace()},
 * then the channel's close), not just abandoned. Holds what it printed until then.
 *
 * <pre>{@code
 * try {
 *     client.run("make test", ExecOptions.builder().timeout(Duration.ofMinutes(5)).build());
 * } catch (CommandTimeoutException e) {
 *     log.warn("{} timed out ({}), output so far: {}", e.command(), e.exitSignal(), e.stdout());
 * }
 * }</pre>
 */
public class CommandTimeoutException extends SocketTimeoutException {
    private static final long serialVersionUID = 1L;

    /** The command line. */
    private final String command;
    /** The timeout that passed. */
    private final Duration timeout;
    /** Its stdout until it was ended. */
    private final String stdout;
    /** Its stderr until it was ended. */
    private final String stderr;
    /** Whether the server reported its end. */
    private final boolean endConfirmed;
    /** The signal it died of, or null. */
    private final String exitSignal;

    /**
     * @param command the command line
     * @param timeout the timeout that passed
     * @param stdout what it wrote to stdout until it was ended
     * @param stderr what it wrote to stderr until it was ended
     * @param endConfirmed whether the server reported the command's end
     * @param exitSignal the signal it died of as the server reported it (e.g. {@code TERM}), or null
     */
    public CommandTimeoutException(String command, Duration timeout, String stdout, String stderr,
                                   boolean endConfirmed, String exitSignal) {
        this(command, timeout, stdout, stderr, new CommandEnd.Outcome(endConfirmed, exitSignal, false));
    }

    CommandTimeoutException(String command, Duration timeout, String stdout, String stderr, CommandEnd.Outcome end) {
        super("`" + command + "` did not finish within its timeout of " + timeout + ": " + end.describe());
        this.command = command;
        this.timeout = timeout;
        this.stdout = stdout;
        this.stderr = stderr;
        this.endConfirmed = end.confirmed();
        this.exitSignal = end.exitSignal();
    }

    /** @return the command line */
    public String command() {
        return command;
    }

    /** @return the timeout that passed */
    public Duration timeout() {
        return timeout;
    }

    /** @return what the command wrote to stdout until it was ended, as UTF-8 text */
    public String stdout() {
        return stdout;
    }

    /** @return what the command wrote to stderr until it was ended, as UTF-8 text */
    public String stderr() {
        return stderr;
    }

    /** @return true when the server reported the command's end (its exit status or signal) */
    public boolean endConfirmed() {
        return endConfirmed;
    }

    /** @return the signal the command died of as the server reported it (e.g. {@code TERM}), or null */
    public String exitSignal() {
        return exitSignal;
    }

}
