package org.javamiko;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one host of a {@link Fleet} run came to: the command's exit status and output, how long it
 * took (connecting included), or the exception that stopped it (no connection, refused
 * authentication, the per-host timeout as a {@link java.net.SocketTimeoutException}, ...).
 *
 * <pre>{@code
 * for (FleetResult r : fleet.run(hosts, "uptime")) {
 *     if (r.ok()) System.out.println(r.host().spec() + ": " + r.stdout().strip());
 *     else System.err.println(r.host().spec() + ": " + r.describeFailure());
 * }
 * }</pre>
 */
public final class FleetResult {
    private final FleetHost host;
    private final String task;
    private final int exitStatus;
    private final String stdout;
    private final String stderr;
    private final Duration duration;
    private final Exception error;

    private FleetResult(FleetHost host, String task, int exitStatus, String stdout, String stderr, Duration duration,
            Exception error) {
        this.host = Objects.requireNonNull(host, "host");
        this.task = task;
        this.exitStatus = exitStatus;
        this.stdout = stdout;
        this.stderr = stderr;
        this.duration = duration;
        this.error = error;
    }

    /**
     * A host that ran its task to the end.
     *
     * @param host the host
     * @param result the task's outcome
     * @param duration from the start on this host (connecting included) to the end
     * @return the result
     */
    public static FleetResult completed(FleetHost host, CommandResult result, Duration duration) {
        return new FleetResult(host, result.command(), result.exitStatus(), result.stdout(), result.stderr(),
                duration, null);
    }

    /**
     * A host whose task failed with an exception.
     *
     * @param host the host
     * @param task the command or description
     * @param error what stopped it
     * @param duration from the start on this host to the failure
     * @return the result
     */
    public static FleetResult failed(FleetHost host, String task, Exception error, Duration duration) {
        return new FleetResult(host, task, -1, "", "", duration, Objects.requireNonNull(error, "error"));
    }

    /** @return the host */
    public FleetHost host() {
        return host;
    }

    /** @return the command, or the description of the task */
    public String task() {
        return task;
    }

    /** @return the exit status; -1 on failure, or when the command died of a signal or sent none */
    public int exitStatus() {
        return exitStatus;
    }

    /** @return standard output (UTF-8); {@code ""} on failure or when output is not captured */
    public String stdout() {
        return stdout;
    }

    /** @return standard error (UTF-8); {@code ""} on failure or when output is not captured */
    public String stderr() {
        return stderr;
    }

    /** @return from the start on this host, connecting included, to the result */
    public Duration duration() {
        return duration;
    }

    /** @return the exception that stopped this host, or empty when its task ran to the end */
    public Optional<Exception> error() {
        return Optional.ofNullable(error);
    }

    /** @return true when the task ran to the end with exit status 0 */
    public boolean ok() {
        return error == null && exitStatus == 0;
    }

    /** @return one line saying why this host did not succeed ({@code "ok"} when it did) */
    public String describeFailure() {
        if (error != null) {
            String message = error.getMessage();
            return error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        }
        return exitStatus == 0 ? "ok" : "exit status " + exitStatus;
    }

    @Override
    public String toString() {
        return host.spec() + " [" + task + "] " + (ok() ? "ok" : describeFailure()) + " in " + duration.toMillis() + " ms";
    }
}
