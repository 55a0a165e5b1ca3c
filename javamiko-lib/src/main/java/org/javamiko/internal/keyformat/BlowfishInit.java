package org.javamiko.internal.keyformat;

import java.math.BigInteger;

/**
 * Blowfish's initial P-array and S-boxes. Schneier defines them as the hexadecimal digits of the
 * fractional part of pi, so they are computed here (Machin's formula, a few milliseconds once)
 * rather than pasted in as a table of 1042 constants.
 */
final class BlowfishInit {
    private BlowfishInit() {
    }

    /** 18 P-array words followed by 4 × 256 S-box words. */
    static final int[] WORDS = piWords(18 + 4 * 256);

    static int[] piWords(int count) {
        int bits = count * 32;
        int precision = bits + 64; // guard bits absorb the truncation error of the series
        BigInteger pi = atanInverse(5, precision).shiftLeft(4).subtract(atanInverse(239, precision).shiftLeft(2));
        BigInteger fraction = pi.subtract(BigInteger.valueOf(3).shiftLeft(precision)).shiftRight(precision - bits);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = fraction.shiftRight(bits - 32 * (i + 1)).intValue();
        }
        return out;
    }

    /** arctan(1/x) scaled by 2^precision, by its Taylor series. */
    private static BigInteger atanInverse(int x, int precision) {
        BigInteger xSquared = BigInteger.valueOf((long) x * x);
        BigInteger power = BigInteger.ONE.shiftLeft(precision).divide(BigInteger.valueOf(x));
        BigInteger sum = power;
        for (int k = 1; power.signum() != 0; k++) {
            power = power.divide(xSquared);
            BigInteger term = power.divide(BigInteger.valueOf(2L * k + 1));
            sum = (k & 1) == 1 ? sum.subtract(term) : sum.add(term);
        }
        return sum;
    }
}
