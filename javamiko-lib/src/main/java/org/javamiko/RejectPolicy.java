package org.javamiko;

import org.javamiko.keys.PKey;

/**
 * Refuses servers whose host key is unknown: the secure default. Add the key to a known_hosts
 * file first, e.g. with {@code ssh-keyscan} checked against the server's real fingerprint.
 */
public class RejectPolicy implements MissingHostKeyPolicy {

    /** Creates the policy. */
    public RejectPolicy() {
    }

    @Override
    public void missingHostKey(SshClient client, String hostname, PKey key) throws SshException {
        throw new SshException("Server '" + hostname + "' not found in known_hosts (its " + key.getName()
                + " key is " + key.fingerprint() + "); refusing to connect to an unknown host");
    }
}
