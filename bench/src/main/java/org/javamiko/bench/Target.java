package org.javamiko.bench;

import java.nio.file.Path;

/**
 * One private sshd offering exactly one cipher, and what a client needs to log in to it.
 *
 * @param cipher the only cipher the server offers (and the only MAC, for non-AEAD ciphers, is
 *               hmac-sha2-256-etm@openssh.com)
 * @param host the loopback address
 * @param port the server's port
 * @param user the account the key logs in to
 * @param key the client's private key file (Ed25519, no passphrase)
 * @param knownHosts a known_hosts file naming the server's Ed25519 host key
 */
public record Target(String cipher, String host, int port, String user, Path key, Path knownHosts) {

    /** @return the short name used in tables: gcm, ctr+etm or chacha */
    public String shortCipher() {
        return BenchCiphers.shortName(cipher);
    }
}
