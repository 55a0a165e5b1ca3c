package org.javamiko.internal.kex;

import org.javamiko.internal.gss.GssContext;

/**
 * The outcome of one key exchange.
 *
 * @param hostKeyBlob K_S, the server's public host key blob
 *                    (empty after a GSS-API key exchange without SSH_MSG_KEXGSS_HOSTKEY)
 * @param signature the server's signature over {@code exchangeHash}, as an SSH signature blob;
 *                  null after a GSS-API key exchange, where {@code gssContext}'s MIC authenticated it
 * @param exchangeHash H
 * @param sharedSecret K already encoded as it enters the hash and the key derivation
 *                     (an mpint for DH/ECDH, a string for the hybrid post-quantum methods)
 * @param hashAlgorithm the JCA name of the method's hash, e.g. {@code SHA-256}
 * @param gssContext the established context of a GSS-API key exchange, else null
 */
public record KexResult(byte[] hostKeyBlob, byte[] signature, byte[] exchangeHash, byte[] sharedSecret,
                        String hashAlgorithm, GssContext gssContext) {

    /** The outcome of an exchange signed with the host key. */
    public KexResult(byte[] hostKeyBlob, byte[] signature, byte[] exchangeHash, byte[] sharedSecret,
                     String hashAlgorithm) {
        this(hostKeyBlob, signature, exchangeHash, sharedSecret, hashAlgorithm, null);
    }
}
