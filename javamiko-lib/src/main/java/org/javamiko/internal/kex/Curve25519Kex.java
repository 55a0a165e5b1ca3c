package org.javamiko.internal.kex;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * {@code curve25519-sha256} and {@code curve25519-sha256@libssh.org} (RFC 8731): ECDH on X25519
 * with the public values as 32-byte strings and K as the 32 output bytes read as an unsigned
 * big-endian mpint.
 */
final class Curve25519Kex extends SingleRoundKex {
    private X25519KeyPair keyPair;

    Curve25519Kex() {
        super("SHA-256");
    }

    @Override
    void writeClientValue(SshBuffer msg, KexContext ctx) {
        keyPair = ctx.x25519KeyPair();
        msg.putString(keyPair.publicValue());
    }

    @Override
    byte[] readServerValue(SshBuffer reply) throws SshException {
        byte[] secret = keyPair.agree(reply.getString());
        return SecretEncoding.mpintUnsigned(secret);
    }
}
