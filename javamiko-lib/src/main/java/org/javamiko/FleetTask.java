package org.javamiko;

import java.io.IOException;
import java.time.Duration;

/**
 * Work a {@link Fleet} does on one host over its (possibly reused) connection: what
 * {@link Fleet#submit} runs; {@link Fleet#run} and the SFTP transfers are built on it.
 *
 * <pre>{@code
 * FleetTask kernel = (host, client, timeLeft) -> client.run("uname -r");
 * for (FleetResult r : fleet.submit(hosts, "uname -r", kernel)) { ... }
 * }</pre>
 */
@FunctionalInterface
public interface FleetTask {
    /**
     * @param host the host
     * @param client connected and authenticated; shared with other tasks on the same host, so do
     *               not close it
     * @param timeLeft what is left of the per-host timeout, or null when there is none; when it
     *                 passes the connection is closed under the task
     * @return the outcome; its exit status, stdout and stderr go into the {@link FleetResult}
     * @throws IOException any failure: it becomes the result's {@link FleetResult#error()}
     */
    CommandResult run(FleetHost host, SshClient client, Duration timeLeft) throws IOException;
}
