package org.javamiko.internal.cipher;

import org.javamiko.SshException;

/**
 * One cipher algorithm as named on the wire (e.g. {@code aes128-gcm@openssh.com}), able to make
 * a keyed {@link PacketCipher} for one direction.
 */
public interface CipherFactory {

    /** @return the algorithm name as on the wire */
    String wireName();

    /** @return key bytes taken from the key derivation */
    int keyLength();

    /** @return IV bytes taken from the key derivation (0 when none) */
    int ivLength();

    /** @return true for AEAD ciphers, for which no MAC is negotiated or used */
    boolean isAead();

    /**
     * @param encrypt true for the sending direction
     * @param key {@link #keyLength()} bytes
     * @param iv {@link #ivLength()} bytes
     * @param mac the negotiated MAC, or null for an AEAD cipher (which ignores it)
     * @param macKey the MAC key ({@link MacFactory#keyLength()} bytes), or null
     * @return the keyed cipher for one direction
     * @throws IllegalArgumentException when a key or IV has the wrong length, or a non-AEAD
     *         cipher gets no MAC (a bug in the caller, never the peer's doing)
     * @throws SshException when the Java runtime lacks the primitive
     */
    PacketCipher create(boolean encrypt, byte[] key, byte[] iv, MacFactory mac, byte[] macKey) throws SshException;
}
