package org.javamiko;

import org.javamiko.keys.PKey;

/**
 * What {@link SshClient#connect} does with a server whose host key is not in the known hosts.
 * The default is {@link RejectPolicy}; {@link AutoAddPolicy} trusts on first use and remembers;
 * {@link WarningPolicy} logs and accepts. A policy refuses the key by throwing.
 */
@FunctionalInterface
public interface MissingHostKeyPolicy {

    /**
     * @param client the client connecting
     * @param hostname {@code host} for port 22, {@code [host]:port} otherwise
     * @param key the server's host key, already verified to sign the key exchange
     * @throws SshException to refuse the connection
     */
    void missingHostKey(SshClient client, String hostname, PKey key) throws SshException;
}
