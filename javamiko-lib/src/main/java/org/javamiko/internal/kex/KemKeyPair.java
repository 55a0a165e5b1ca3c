package org.javamiko.internal.kex;

import org.javamiko.SshException;

/** The client's half of a key-encapsulation mechanism: a fresh key pair, used for one exchange. */
interface KemKeyPair {

    /** @return the public key as sent on the wire */
    byte[] publicKey();

    /** @return the exact length of a ciphertext from the server */
    int ciphertextLength();

    /**
     * @param ciphertext the server's ciphertext, exactly {@link #ciphertextLength()} bytes
     * @return the 32-byte shared secret
     * @throws SshException if the ciphertext cannot be decapsulated
     */
    byte[] decapsulate(byte[] ciphertext) throws SshException;
}
