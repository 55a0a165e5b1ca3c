package org.javamiko.internal.kex;

import java.math.BigInteger;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * Diffie-Hellman over a fixed MODP group (RFC 4253 §8, RFC 8268): {@code e} and {@code f} as
 * mpints, K as an mpint.
 */
final class DhGroupKex extends SingleRoundKex {
    private final BigInteger p;
    private FiniteFieldDh dh;

    /**
     * @param p the group's prime (generator 2)
     * @param hashAlgorithm the method's JCA hash name
     */
    DhGroupKex(BigInteger p, String hashAlgorithm) {
        super(hashAlgorithm);
        this.p = p;
    }

    @Override
    void writeClientValue(SshBuffer msg, KexContext ctx) {
        dh = new FiniteFieldDh(p, DhGroups.GENERATOR);
        msg.putMpint(dh.publicValue());
    }

    @Override
    byte[] readServerValue(SshBuffer reply) throws SshException {
        return dh.agree(reply.getMpint());
    }
}
