package org.javamiko.internal.kex;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.javamiko.SshException;

/**
 * One side of a finite-field Diffie-Hellman exchange: a private exponent x, the public
 * {@code e = g^x mod p}, and K from the server's f.
 *
 * <p>The exponent is 512 bits, not the size of p: twice the 256-bit strength of the strongest
 * cipher we negotiate, as OpenSSH sizes it (2 x the bytes the ciphers need), which keeps the
 * 8192-bit group affordable. The groups are safe primes, so a short exponent leaks nothing
 * through small subgroups.
 */
final class FiniteFieldDh {
    private static final int EXPONENT_BITS = 512;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BigInteger p;
    private final BigInteger x;
    private final BigInteger e;

    /**
     * Picks a fresh exponent and computes e.
     *
     * @param p the prime modulus
     * @param g the generator, already checked to satisfy 1 &lt; g &lt; p-1
     */
    FiniteFieldDh(BigInteger p, BigInteger g) {
        this.p = p;
        int bits = Math.min(EXPONENT_BITS, p.bitLength() - 1);
        BigInteger candidate;
        BigInteger pub;
        // A value outside 1 < e < p-1 needs x = 0 or a degenerate g; retry rather than send it.
        int tries = 0;
        do {
            if (++tries > 16) {
                throw new IllegalStateException("Could not pick a Diffie-Hellman exponent giving a valid e");
            }
            candidate = new BigInteger(bits, RANDOM);
            pub = g.modPow(candidate, p);
        } while (candidate.compareTo(BigInteger.ONE) <= 0 || !isValidPublic(pub, p));
        this.x = candidate;
        this.e = pub;
    }

    /** @return e, our public value */
    BigInteger publicValue() {
        return e;
    }

    /**
     * @param f the server's public value
     * @return K encoded as an mpint
     * @throws SshException if f is outside 1 &lt; f &lt; p-1 (RFC 4253 §8)
     */
    byte[] agree(BigInteger f) throws SshException {
        if (!isValidPublic(f, p)) {
            throw new SshException("Server sent a Diffie-Hellman value f outside the range 1 < f < p-1");
        }
        return SecretEncoding.mpint(f.modPow(x, p));
    }

    /** @return whether {@code 1 < v < p-1} */
    static boolean isValidPublic(BigInteger v, BigInteger p) {
        return v.compareTo(BigInteger.ONE) > 0 && v.compareTo(p.subtract(BigInteger.ONE)) < 0;
    }
}
