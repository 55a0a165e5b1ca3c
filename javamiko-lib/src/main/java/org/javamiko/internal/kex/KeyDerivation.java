package org.javamiko.internal.kex;

import java.security.MessageDigest;

/**
 * Derives the keys and IVs from a finished key exchange (RFC 4253 §7.2).
 *
 * <p>Each value is {@code HASH(K || H || letter || session_id)}; when more bytes are needed than
 * one hash gives, further blocks are appended: {@code K2 = HASH(K || H || K1)},
 * {@code K3 = HASH(K || H || K1 || K2)}, and so on, and the result is cut to length.
 * K enters exactly as encoded in the exchange hash (an mpint or, for the hybrid methods, a string).
 */
public final class KeyDerivation {
    /** Initial IV client to server. */
    public static final char IV_CLIENT_TO_SERVER = 'A';
    /** Initial IV server to client. */
    public static final char IV_SERVER_TO_CLIENT = 'B';
    /** Encryption key client to server. */
    public static final char KEY_CLIENT_TO_SERVER = 'C';
    /** Encryption key server to client. */
    public static final char KEY_SERVER_TO_CLIENT = 'D';
    /** Integrity key client to server. */
    public static final char MAC_CLIENT_TO_SERVER = 'E';
    /** Integrity key server to client. */
    public static final char MAC_SERVER_TO_CLIENT = 'F';

    private final String hashAlgorithm;
    private final byte[] sharedSecret;
    private final byte[] exchangeHash;
    private final byte[] sessionId;

    /**
     * @param hashAlgorithm the key exchange's JCA hash name, e.g. {@code SHA-256}
     * @param sharedSecret K, encoded as in the exchange hash
     * @param exchangeHash H of this exchange
     * @param sessionId H of the first exchange of the connection
     */
    public KeyDerivation(String hashAlgorithm, byte[] sharedSecret, byte[] exchangeHash, byte[] sessionId) {
        this.hashAlgorithm = hashAlgorithm;
        this.sharedSecret = sharedSecret.clone();
        this.exchangeHash = exchangeHash.clone();
        this.sessionId = sessionId.clone();
    }

    /**
     * @param result a finished exchange
     * @param sessionId H of the first exchange of the connection ({@code result.exchangeHash()} for the first)
     * @return the derivation for that exchange
     */
    public static KeyDerivation of(KexResult result, byte[] sessionId) {
        return new KeyDerivation(result.hashAlgorithm(), result.sharedSecret(), result.exchangeHash(), sessionId);
    }

    /**
     * @param letter one of {@code 'A'} to {@code 'F'} (see the constants)
     * @param length how many bytes are wanted
     * @return the derived bytes
     */
    public byte[] derive(char letter, int length) {
        if (letter < 'A' || letter > 'F') {
            throw new IllegalArgumentException("key letter must be 'A' to 'F', not '" + letter + "'");
        }
        if (length < 0) {
            throw new IllegalArgumentException("negative key length " + length);
        }
        MessageDigest md = ExchangeHash.digest(hashAlgorithm);
        md.update(sharedSecret);
        md.update(exchangeHash);
        md.update((byte) letter);
        md.update(sessionId);
        byte[] block = md.digest();
        byte[] out = new byte[length];
        int have = 0;
        while (true) {
            int n = Math.min(block.length, length - have);
            System.arraycopy(block, 0, out, have, n);
            have += n;
            if (have == length) {
                return out;
            }
            // Only reached after whole blocks, so out[0..have) is K1 || ... || Kn as the RFC wants.
            md.update(sharedSecret);
            md.update(exchangeHash);
            md.update(out, 0, have);
            block = md.digest();
        }
    }
}
