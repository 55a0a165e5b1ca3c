package org.javamiko.internal.kex;

import java.math.BigInteger;

import org.javamiko.internal.wire.SshBuffer;

/** Encodes the shared secret K the way it enters the exchange hash and the key derivation. */
final class SecretEncoding {

    private SecretEncoding() {
    }

    /** @return K as an mpint, from unsigned big-endian bytes (X25519, ECDH) */
    static byte[] mpintUnsigned(byte[] magnitude) {
        return finish(new SshBuffer(magnitude.length + 8).putMpintUnsigned(magnitude));
    }

    /** @return K as an mpint (finite-field Diffie-Hellman) */
    static byte[] mpint(BigInteger k) {
        return finish(new SshBuffer(k.bitLength() / 8 + 8).putMpint(k));
    }

    /** @return K as a string (the hybrid post-quantum methods) */
    static byte[] string(byte[] k) {
        return finish(new SshBuffer(k.length + 4).putString(k));
    }

    private static byte[] finish(SshBuffer buf) {
        return buf.toByteArray();
    }
}
