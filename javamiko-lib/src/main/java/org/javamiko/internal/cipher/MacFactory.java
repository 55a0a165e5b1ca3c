package org.javamiko.internal.cipher;

/**
 * One MAC algorithm as named on the wire (e.g. {@code hmac-sha2-256-etm@openssh.com}).
 */
public interface MacFactory {

    /** @return the algorithm name as on the wire */
    String wireName();

    /** @return the JCA name of the HMAC, e.g. {@code HmacSHA256} */
    String jcaName();

    /** @return key bytes taken from the key derivation */
    int keyLength();

    /** @return the MAC's length in bytes on the wire */
    int length();

    /** @return true for encrypt-then-MAC ({@code -etm@openssh.com}): the MAC covers the ciphertext */
    boolean encryptThenMac();
}
