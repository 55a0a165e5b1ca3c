package org.javamiko;

import java.io.IOException;
import java.nio.file.Path;

import org.javamiko.keys.PKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trusts an unknown server on first use: adds its key to the client's host keys under the plain
 * host name (hashed, {@code |1|salt|hash}, when an ssh_config's StrictHostKeyChecking accept-new
 * comes with HashKnownHosts yes), and saves them at once to the file given to
 * {@link SshClient#loadHostKeys}, if any. Later connections then detect a changed key.
 *
 * <p>A host that presented a host certificate which was not accepted (its CA is not an
 * {@code @cert-authority} of the host, or the certificate failed a check) reaches this policy
 * with the certificate's plain key, as OpenSSH's {@code accept-new} does: the plain key is added,
 * never the certificate.
 */
public class AutoAddPolicy implements MissingHostKeyPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(AutoAddPolicy.class);

    private final boolean hashNames;

    /** Creates the policy. */
    public AutoAddPolicy() {
        this(false);
    }

    /** @param hashNames whether new names are written hashed, as ssh's HashKnownHosts */
    AutoAddPolicy(boolean hashNames) {
        this.hashNames = hashNames;
    }

    @Override
    public void missingHostKey(SshClient client, String hostname, PKey key) throws SshException {
        client.getHostKeys().add(hashNames ? HostKeys.hashHost(hostname) : hostname, key.getName(), key);
        Path file = client.hostKeysFile();
        if (file != null) {
            try {
                client.saveHostKeys(file);
            } catch (IOException e) {
                throw new SshException("Could not save the new host key of " + hostname + " to " + file + ": "
                        + e.getMessage(), e);
            }
        }
        LOG.debug("Adding {} host key for {}: {}", key.getName(), hostname, key.fingerprint());
    }
}
