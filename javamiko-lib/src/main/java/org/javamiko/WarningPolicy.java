package org.javamiko;

import org.javamiko.keys.PKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a warning with the unknown host key's fingerprint, then accepts it (without saving it). */
public class WarningPolicy implements MissingHostKeyPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(WarningPolicy.class);

    /** Creates the policy. */
    public WarningPolicy() {
    }

    @Override
    public void missingHostKey(SshClient client, String hostname, PKey key) {
        LOG.warn("Unknown {} host key for {}: {}", key.getName(), hostname, key.fingerprint());
    }
}
