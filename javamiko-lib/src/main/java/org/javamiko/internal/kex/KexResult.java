package org.javamiko.internal.kex;

/**
 * The outcome of one key exchange.
 *
 * @param hostKeyBlob K_S, the server's public host key blob
 * @param signature the server's signature over {@code exchangeHash}, as an SSH signature blob
 * @param exchangeHash H
 * @param sharedSecret K already encoded as it enters the hash and the key derivation
 *                     (an mpint for DH/ECDH, a string for the hybrid post-quantum methods)
 * @param hashAlgorithm the JCA name of the method's hash, e.g. {@code SHA-256}
 */
public record KexResult(byte[] hostKeyBlob, byte[] signature, byte[] exchangeHash, byte[] sharedSecret,
                        String hashAlgorithm) {
}
