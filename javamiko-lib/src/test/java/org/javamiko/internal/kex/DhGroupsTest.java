package org.javamiko.internal.kex;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

/** The primes are recomputed from their definition in RFC 3526, with pi from Machin's formula. */
class DhGroupsTest {

    @Test
    void group14IsTheRfc3526Prime() {
        assertThat(DhGroups.GROUP14).isEqualTo(rfc3526Prime(2048, 124476));
    }

    @Test
    void group16IsTheRfc3526Prime() {
        assertThat(DhGroups.GROUP16).isEqualTo(rfc3526Prime(4096, 240904));
    }

    @Test
    void group18IsTheRfc3526Prime() {
        assertThat(DhGroups.GROUP18).isEqualTo(rfc3526Prime(8192, 4743158));
    }

    /** {@code 2^n - 2^(n-64) - 1 + 2^64 * (floor(2^(n-130) * pi) + k)}. */
    private static BigInteger rfc3526Prime(int n, long k) {
        BigInteger one = BigInteger.ONE;
        return one.shiftLeft(n).subtract(one.shiftLeft(n - 64)).subtract(one)
                .add(one.shiftLeft(64).multiply(floorPiTimesPowerOfTwo(n - 130).add(BigInteger.valueOf(k))));
    }

    /** floor(pi * 2^bits), in fixed point with 64 guard bits: pi = 16 atan(1/5) - 4 atan(1/239). */
    private static BigInteger floorPiTimesPowerOfTwo(int bits) {
        int guard = 64;
        BigInteger pi = atanInverse(5, bits + guard).shiftLeft(4).subtract(atanInverse(239, bits + guard).shiftLeft(2));
        return pi.shiftRight(guard);
    }

    /** atan(1/x) * 2^scale by its Taylor series; each term rounds down, far below the guard bits. */
    private static BigInteger atanInverse(int x, int scale) {
        BigInteger xx = BigInteger.valueOf((long) x * x);
        BigInteger power = BigInteger.ONE.shiftLeft(scale).divide(BigInteger.valueOf(x));
        BigInteger sum = power;
        for (int n = 3, sign = -1; power.signum() != 0; n += 2, sign = -sign) {
            power = power.divide(xx);
            BigInteger term = power.divide(BigInteger.valueOf(n));
            sum = sign < 0 ? sum.subtract(term) : sum.add(term);
        }
        return sum;
    }
}
