package org.javamiko;

/**
 * Gets each line of every host's output as it arrives, e.g. to print it prefixed with the host.
 * Called from the fleet's threads, several at once: it must be thread-safe and quick.
 *
 * <pre>{@code
 * FleetOutputListener print = (host, stderr, line) -> {
 *     synchronized (System.out) { (stderr ? System.err : System.out).println(host.spec() + ": " + line); }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface FleetOutputListener {
    /**
     * @param host the host the line came from
     * @param stderr true for standard error, false for standard output
     * @param line one line, without its line end (a last line without one comes at the end)
     */
    void line(FleetHost host, boolean stderr, String line);
}
