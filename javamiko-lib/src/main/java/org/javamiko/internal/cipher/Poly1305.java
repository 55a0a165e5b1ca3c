package org.javamiko.internal.cipher;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The Poly1305 one-time authenticator (RFC 8439 §2.5), one-shot over a contiguous range.
 *
 * <p>The JDK has Poly1305 only inside its ChaCha20-Poly1305 AEAD, whose tag covers a different
 * layout than OpenSSH's, so this class computes it directly. Being one-shot over arrays it
 * allocates nothing, unlike a streaming MAC that must be re-keyed through a parameter object.
 * An instance holds only scratch space and is used by one thread at a time.
 *
 * <p>How it is fast, in plain Java 17 (no Vector API, no intrinsic of the JDK's own Poly1305):
 * <ul>
 * <li>Radix 2^44: the accumulator and the powers of {@code r} are three limbs (44, 44, 42 bits),
 *     so a block costs 9 limb products instead of the 25 of five 26-bit limbs.
 * <li>Four blocks per step: h = (h + m1)·r^4 + m2·r^3 + m3·r^2 + m4·r with r^2..r^4 computed
 *     once per message. Only the first product depends on the previous step, so the CPU
 *     overlaps the rest with it, and the carry chain runs once per four blocks.
 * <li>A limb product is up to 94 bits, a step's sums up to 97. Instead of 128-bit arithmetic
 *     (two multiplies per product and a carry per addition) each sum d is computed twice,
 *     cheaply: exactly modulo 2^64 with {@code long} multiply-adds, and as an approximation of
 *     d/2^44 in {@code double}, whose multiplier runs beside the integer one. Bits 44..63 of d,
 *     which both know, turn the approximate quotient into the exact one: see {@link #carry}.
 *     The doubles hold integers below 2^53 and exact powers of two only: no subnormals, so
 *     the timing does not depend on the data.
 * <li>One block at a time (the last few blocks, the powers of r, short messages) the double
 *     trick's latency would show, so {@link #multiply} uses {@link Math#multiplyHigh} instead.
 * </ul>
 * On 32 KiB about 2× the five-limb version this replaced (itself about twice as fast as Bouncy
 * Castle's) on Java 17 and 25, and no slower than it on short messages (36 to 100 bytes).
 */
final class Poly1305 {
    /** Tag length in bytes. */
    static final int TAG_LENGTH = 16;

    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MASK44 = (1L << 44) - 1;
    private static final long MASK42 = (1L << 42) - 1;
    /** The 2^128 bit RFC 8439 adds to every full block, as a bit of the top limb (2^88 · 2^40). */
    private static final long HIBIT = 1L << 40;
    /** 2^-44, exact in a double: scales a sum so that its integer part is the carry out of 44 bits. */
    private static final double SCALE = 0x1p-44;
    private static final int BLOCKS_PER_STEP = 4;
    private static final int STEP_BYTES = BLOCKS_PER_STEP * TAG_LENGTH;

    /** r, r^2, r^3, r^4, three limbs each. */
    private final long[] powers = new long[3 * BLOCKS_PER_STEP];
    /** The accumulator h, three limbs, between the four-block loop and the block-at-a-time tail. */
    private final long[] h = new long[3];
    private final byte[] lastBlock = new byte[TAG_LENGTH];

    /**
     * Writes the 16-byte tag of {@code msg[off, off+len)} under the one-time key
     * {@code key[keyOff, keyOff+32)} to {@code out[outOff ...]}.
     */
    void mac(byte[] key, int keyOff, byte[] msg, int off, int len, byte[] out, int outOff) {
        // r, clamped as RFC 8439 §2.5.1 requires, in limbs of 44, 44 and 36 (of 42) bits.
        long k0 = getLongLE(key, keyOff) & 0x0ffffffc0fffffffL;
        long k1 = getLongLE(key, keyOff + 8) & 0x0ffffffc0ffffffcL;
        long r0 = k0 & MASK44;
        long r1 = ((k0 >>> 44) | (k1 << 20)) & MASK44;
        long r2 = k1 >>> 24;
        Arrays.fill(h, 0);

        int end = off + len;
        // Computing r^2..r^4 costs about three blocks: measured, it pays from two steps on.
        if (len >= 2 * STEP_BYTES) {
            powers[0] = r0;
            powers[1] = r1;
            powers[2] = r2;
            multiply(r0, r1, r2, r0, r1, r2, powers, 3);
            // r^3 and r^4 both from r^2, so that the two multiplications can overlap.
            multiply(powers[3], powers[4], powers[5], r0, r1, r2, powers, 6);
            multiply(powers[3], powers[4], powers[5], powers[3], powers[4], powers[5], powers, 9);
            off = fourBlocksAtATime(msg, off, end);
        }
        for (; off < end; off += TAG_LENGTH) {
            byte[] block = msg;
            int pos = off;
            long hibit = HIBIT;
            if (end - off < TAG_LENGTH) {
                // The final partial block is followed by a 1 byte, then zeros (no 2^128 bit).
                Arrays.fill(lastBlock, (byte) 0);
                System.arraycopy(msg, off, lastBlock, 0, end - off);
                lastBlock[end - off] = 1;
                block = lastBlock;
                pos = 0;
                hibit = 0;
            }
            long t0 = getLongLE(block, pos);
            long t1 = getLongLE(block, pos + 8);
            multiply(h[0] + (t0 & MASK44), h[1] + (((t0 >>> 44) | (t1 << 20)) & MASK44),
                    h[2] + ((t1 >>> 24) | hibit), r0, r1, r2, h, 0);
        }
        writeTag(h[0], h[1], h[2], key, keyOff + 16, out, outOff);
    }

    /**
     * Absorbs the full 64-byte steps of {@code msg[off, end)} into {@link #h}, using the powers
     * of r already in {@link #powers}.
     *
     * @return the offset of the first byte not absorbed (fewer than 64 remain)
     */
    private int fourBlocksAtATime(byte[] msg, int off, int end) {
        // Each power y as limbs y0, y1, y2 and, for products past 2^130, 20·y1 and 20·y2:
        // 2^132 = 4·2^130 = 20 (mod 2^130 - 5). The doubles are the same, scaled by 2^-44.
        final long a0 = powers[9], a1 = powers[10], a2 = powers[11], as1 = a1 * 20, as2 = a2 * 20;
        final long b0 = powers[6], b1 = powers[7], b2 = powers[8], bs1 = b1 * 20, bs2 = b2 * 20;
        final long c0 = powers[3], c1 = powers[4], c2 = powers[5], cs1 = c1 * 20, cs2 = c2 * 20;
        final long d0 = powers[0], d1 = powers[1], d2 = powers[2], ds1 = d1 * 20, ds2 = d2 * 20;
        final double fa0 = a0 * SCALE, fa1 = a1 * SCALE, fa2 = a2 * SCALE, fas1 = as1 * SCALE, fas2 = as2 * SCALE;
        final double fb0 = b0 * SCALE, fb1 = b1 * SCALE, fb2 = b2 * SCALE, fbs1 = bs1 * SCALE, fbs2 = bs2 * SCALE;
        final double fc0 = c0 * SCALE, fc1 = c1 * SCALE, fc2 = c2 * SCALE, fcs1 = cs1 * SCALE, fcs2 = cs2 * SCALE;
        final double fd0 = d0 * SCALE, fd1 = d1 * SCALE, fd2 = d2 * SCALE, fds1 = ds1 * SCALE, fds2 = ds2 * SCALE;
        long h0 = h[0];
        long h1 = h[1];
        long h2 = h[2];
        for (int stop = end - STEP_BYTES; off <= stop; off += STEP_BYTES) {
            // Blocks w, x, y, z, to be multiplied by r^4, r^3, r^2 and r; h joins the first.
            long t0 = getLongLE(msg, off);
            long t1 = getLongLE(msg, off + 8);
            long w0 = h0 + (t0 & MASK44);
            long w1 = h1 + (((t0 >>> 44) | (t1 << 20)) & MASK44);
            long w2 = h2 + ((t1 >>> 24) | HIBIT);
            t0 = getLongLE(msg, off + 16);
            t1 = getLongLE(msg, off + 24);
            long x0 = t0 & MASK44;
            long x1 = ((t0 >>> 44) | (t1 << 20)) & MASK44;
            long x2 = (t1 >>> 24) | HIBIT;
            t0 = getLongLE(msg, off + 32);
            t1 = getLongLE(msg, off + 40);
            long y0 = t0 & MASK44;
            long y1 = ((t0 >>> 44) | (t1 << 20)) & MASK44;
            long y2 = (t1 >>> 24) | HIBIT;
            t0 = getLongLE(msg, off + 48);
            t1 = getLongLE(msg, off + 56);
            long z0 = t0 & MASK44;
            long z1 = ((t0 >>> 44) | (t1 << 20)) & MASK44;
            long z2 = (t1 >>> 24) | HIBIT;
            double fw0 = w0, fw1 = w1, fw2 = w2, fx0 = x0, fx1 = x1, fx2 = x2;
            double fy0 = y0, fy1 = y1, fy2 = y2, fz0 = z0, fz1 = z1, fz2 = z2;

            // Bounds: w's limbs are below 2^45 + 2^15, the other blocks' below 2^44, the powers'
            // below 2^44 + 2^15 (times 20: 2^48.4). So a product is below 2^93.4, a limb's twelve
            // below 2^97, and approx below 2^53, where a double still holds every integer.
            // Each output limb twice: exactly mod 2^64 (long), and divided by 2^44 (double).
            // Only block w depends on the previous step, so its products are added last, and
            // the double sums are trees rather than chains: the next step waits on less.
            long sum0 = x0 * b0 + x1 * bs2 + x2 * bs1 + y0 * c0 + y1 * cs2 + y2 * cs1
                    + z0 * d0 + z1 * ds2 + z2 * ds1 + w0 * a0 + w1 * as2 + w2 * as1;
            double approx0 = (((fx0 * fb0 + fx1 * fbs2) + (fx2 * fbs1 + fy0 * fc0))
                    + ((fy1 * fcs2 + fy2 * fcs1) + (fz0 * fd0 + (fz1 * fds2 + fz2 * fds1))) + fw0 * fa0)
                    + (fw1 * fas2 + fw2 * fas1);
            long sum1 = x0 * b1 + x1 * b0 + x2 * bs2 + y0 * c1 + y1 * c0 + y2 * cs2
                    + z0 * d1 + z1 * d0 + z2 * ds2 + w0 * a1 + w1 * a0 + w2 * as2;
            double approx1 = (((fx0 * fb1 + fx1 * fb0) + (fx2 * fbs2 + fy0 * fc1))
                    + ((fy1 * fc0 + fy2 * fcs2) + (fz0 * fd1 + (fz1 * fd0 + fz2 * fds2))) + fw0 * fa1)
                    + (fw1 * fa0 + fw2 * fas2);
            long sum2 = x0 * b2 + x1 * b1 + x2 * b0 + y0 * c2 + y1 * c1 + y2 * c0
                    + z0 * d2 + z1 * d1 + z2 * d0 + w0 * a2 + w1 * a1 + w2 * a0;
            double approx2 = (((fx0 * fb2 + fx1 * fb1) + (fx2 * fb0 + fy0 * fc2))
                    + ((fy1 * fc1 + fy2 * fc0) + (fz0 * fd2 + (fz1 * fd1 + fz2 * fd0))) + fw0 * fa2)
                    + (fw1 * fa1 + fw2 * fa0);

            // The approximations leave out the carry each limb gets from the one below: below
            // 2^53, it moves the quotient by less than 2^9 (limb 1) and 2^11 (limb 2, by 2^42),
            // well inside what carry() corrects, so all three start at once.
            long carry = carry(sum0, approx0, 44);
            h0 = sum0 & MASK44;
            sum1 += carry;
            carry = carry(sum1, approx1, 44);
            h1 = sum1 & MASK44;
            sum2 += carry;
            carry = carry(sum2, approx2 * 4, 42);
            h2 = sum2 & MASK42;
            // Past 2^130 the carry wraps round times 5; one more carry keeps h0 within 44 bits.
            h0 += carry * 5;
            h1 += h0 >>> 44;
            h0 &= MASK44;
        }
        h[0] = h0;
        h[1] = h1;
        h[2] = h2;
        return off;
    }

    /**
     * Writes x·y mod (2^130 - 5), partly reduced (limbs below 2^44, 2^44 + 2^15 and 2^42), to
     * {@code out[outOff, outOff+3)}. Inputs: x limbs below 2^46, y limbs below 2^45.
     *
     * <p>For the powers of r and the last few blocks, one at a time: here the 128-bit products
     * come from {@link Math#multiplyHigh}, whose shorter latency beats the double approximation
     * when nothing else can run meanwhile. With x shifted left by 17 and y by 3, each product is
     * x·y·2^20: its high word is x·y / 2^44 and its low word, shifted right by 20, x·y mod 2^44.
     * Both operands stay below 2^63, so the signed multiplyHigh (Java 17 has no unsigned one)
     * is exact.
     */
    private static void multiply(long x0, long x1, long x2, long y0, long y1, long y2, long[] out, int outOff) {
        x0 <<= 17;
        x1 <<= 17;
        x2 <<= 17;
        y0 <<= 3;
        y1 <<= 3;
        y2 <<= 3;
        long ys1 = y1 * 20;
        long ys2 = y2 * 20;
        long low0 = ((x0 * y0) >>> 20) + ((x1 * ys2) >>> 20) + ((x2 * ys1) >>> 20);
        long high0 = Math.multiplyHigh(x0, y0) + Math.multiplyHigh(x1, ys2) + Math.multiplyHigh(x2, ys1);
        long low1 = ((x0 * y1) >>> 20) + ((x1 * y0) >>> 20) + ((x2 * ys2) >>> 20);
        long high1 = Math.multiplyHigh(x0, y1) + Math.multiplyHigh(x1, y0) + Math.multiplyHigh(x2, ys2);
        long low2 = ((x0 * y2) >>> 20) + ((x1 * y1) >>> 20) + ((x2 * y0) >>> 20);
        long high2 = Math.multiplyHigh(x0, y2) + Math.multiplyHigh(x1, y1) + Math.multiplyHigh(x2, y0);

        long h0 = low0 & MASK44;
        low1 += (low0 >>> 44) + high0;
        long h1 = low1 & MASK44;
        low2 += (low1 >>> 44) + high1;
        out[outOff + 2] = low2 & MASK42;
        h0 += ((low2 >>> 42) + (high2 << 2)) * 5;
        out[outOff + 1] = h1 + (h0 >>> 44);
        out[outOff] = h0 & MASK44;
    }

    /**
     * floor(d / 2^bits), exactly, for a non-negative d below 2^98, from {@code low} = d mod 2^64
     * and {@code approx} ≈ d / 2^bits, off by less than 2^(63-bits) either way (in use by less
     * than 2^12: rounding, and the carry from the limb below, which it leaves out). The top
     * 64-bits bits of {@code low} are the quotient's low bits, exactly; of the values with those
     * low bits, the one nearest the approximation is meant.
     */
    private static long carry(long low, double approx, int bits) {
        long guess = (long) approx;
        // (low >>> bits) - guess, modulo 2^(64-bits) and sign-extended, is the guess's error.
        long error = ((low >>> bits) - guess) << bits >> bits;
        return guess + error;
    }

    /** Reduces h fully modulo 2^130 - 5, adds s (16 bytes at sOff) and writes the tag. */
    private static void writeTag(long h0, long h1, long h2, byte[] s, int sOff, byte[] out, int outOff) {
        long c = h1 >>> 44;
        h1 &= MASK44;
        h2 += c;
        c = h2 >>> 42;
        h2 &= MASK42;
        h0 += c * 5;
        c = h0 >>> 44;
        h0 &= MASK44;
        h1 += c;
        // h1 had a carry to give only if it was at least 2^44, and then what it kept is below
        // 2^15, so taking one back leaves it below 2^44: h < 2^130 < 2p, and h mod p is h or
        // h - p. Compute g = h + 5 - 2^130 = h - p.
        long g0 = h0 + 5;
        c = g0 >>> 44;
        g0 &= MASK44;
        long g1 = h1 + c;
        c = g1 >>> 44;
        g1 &= MASK44;
        long g2 = h2 + c - (1L << 42);
        // Constant time: keep h where g went negative (h < p), else g.
        long keepH = g2 >> 63;
        h0 = (h0 & keepH) | (g0 & ~keepH);
        h1 = (h1 & keepH) | (g1 & ~keepH);
        h2 = (h2 & keepH) | (g2 & ~keepH);

        // tag = (h + s) mod 2^128, little-endian; the carry out of the low word computed branch-free.
        long low = h0 | (h1 << 44);
        long high = (h1 >>> 20) | (h2 << 24);
        long s0 = getLongLE(s, sOff);
        long s1 = getLongLE(s, sOff + 8);
        long tagLow = low + s0;
        long carryOut = ((low & s0) | ((low | s0) & ~tagLow)) >>> 63;
        LITTLE_ENDIAN_LONG.set(out, outOff, tagLow);
        LITTLE_ENDIAN_LONG.set(out, outOff + 8, high + s1 + carryOut);
    }

    /** @return the little-endian long at {@code off} */
    private static long getLongLE(byte[] buf, int off) {
        return (long) LITTLE_ENDIAN_LONG.get(buf, off);
    }
}
