package org.javamiko;

import java.io.IOException;

/**
 * Prepares each new {@link SshClient} of a {@link Fleet} before it connects: host keys, the
 * missing-host-key policy, the log channel. The default loads {@code ~/.ssh/known_hosts}.
 *
 * <pre>{@code
 * FleetClientSetup setup = (host, client) -> {
 *     client.loadSystemHostKeys();
 *     client.loadHostKeys(Path.of("fleet_known_hosts"));
 * };
 * }</pre>
 */
@FunctionalInterface
public interface FleetClientSetup {
    /**
     * @param host the host it will connect to
     * @param client a new client, not connected yet
     * @throws IOException a failure, reported as that host's result
     */
    void setUp(FleetHost host, SshClient client) throws IOException;
}
