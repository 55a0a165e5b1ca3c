package org.javamiko.internal.kex;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.javamiko.internal.wire.SshBuffer;

/**
 * The exchange hash H (RFC 4253 §8), shared by every method: the hash of V_C, V_S, I_C, I_S and
 * K_S as strings, then the method's own fields (e.g. {@code e, f} for Diffie-Hellman, the group
 * parameters as well for group exchange, {@code Q_C, Q_S} for ECDH), then K.
 */
public final class ExchangeHash {

    private ExchangeHash() {
    }

    /**
     * Computes H.
     *
     * @param hashAlgorithm the method's JCA hash name, e.g. {@code SHA-256}
     * @param ctx supplies V_C, V_S, I_C and I_S
     * @param hostKeyBlob K_S
     * @param methodFields the method's fields, already in their wire encoding
     * @param sharedSecret K, already encoded (an mpint, or a string for the hybrid methods)
     * @return H
     */
    public static byte[] compute(String hashAlgorithm, KexContext ctx, byte[] hostKeyBlob,
                                 byte[] methodFields, byte[] sharedSecret) {
        SshBuffer common = new SshBuffer(2048);
        common.putString(ctx.clientVersion())
                .putString(ctx.serverVersion())
                .putString(ctx.clientKexInit())
                .putString(ctx.serverKexInit())
                .putString(hostKeyBlob);
        MessageDigest md = digest(hashAlgorithm);
        md.update(common.array(), common.readPosition(), common.available());
        md.update(methodFields);
        md.update(sharedSecret);
        return md.digest();
    }

    /**
     * @param hashAlgorithm a JCA hash name every JDK has (SHA-1, SHA-256, SHA-384, SHA-512)
     * @return a new digest
     */
    static MessageDigest digest(String hashAlgorithm) {
        try {
            return MessageDigest.getInstance(hashAlgorithm);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide these; a missing one is a broken runtime.
            throw new IllegalStateException("The JDK lacks the " + hashAlgorithm + " hash", e);
        }
    }
}
