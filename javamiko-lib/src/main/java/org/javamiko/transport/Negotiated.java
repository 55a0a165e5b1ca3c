package org.javamiko.transport;

/**
 * The algorithms chosen by the last key exchange, as named on the wire.
 *
 * @param kex the key-exchange method
 * @param hostKeyAlgorithm the server's host key signature algorithm (e.g. {@code rsa-sha2-512})
 * @param cipherOut client-to-server cipher
 * @param cipherIn server-to-client cipher
 * @param macOut client-to-server MAC; {@code <implicit>} for AEAD ciphers, as OpenSSH logs it
 * @param macIn server-to-client MAC; {@code <implicit>} for AEAD ciphers
 * @param compressionOut client-to-server compression
 * @param compressionIn server-to-client compression
 */
public record Negotiated(String kex, String hostKeyAlgorithm, String cipherOut, String cipherIn,
                         String macOut, String macIn, String compressionOut, String compressionIn) {
}
