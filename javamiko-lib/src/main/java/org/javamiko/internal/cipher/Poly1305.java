package org.javamiko.internal.cipher;

import java.util.Arrays;

/**
 * The Poly1305 one-time authenticator (RFC 8439 §2.5), one-shot over a contiguous range.
 *
 * <p>The JDK has Poly1305 only inside its ChaCha20-Poly1305 AEAD, whose tag covers a different
 * layout than OpenSSH's, so this class computes it directly, about twice as fast as Bouncy
 * Castle's on 32 KiB packets. The accumulator and {@code r} are held as five 26-bit limbs, so
 * every product fits a {@code long}. Being one-shot over arrays it allocates nothing, unlike a
 * streaming MAC that must be re-keyed through a parameter object. (Taking blocks two at a time
 * with r² was measured too: no faster, as the multiplies, not the carry chain, set the pace.)
 * An instance holds only scratch space and is used by one thread at a time.
 */
final class Poly1305 {
    /** Tag length in bytes. */
    static final int TAG_LENGTH = 16;

    private static final long MASK26 = 0x3ffffff;

    private final byte[] lastBlock = new byte[TAG_LENGTH];

    /**
     * Writes the 16-byte tag of {@code msg[off, off+len)} under the one-time key
     * {@code key[keyOff, keyOff+32)} to {@code out[outOff ...]}.
     */
    void mac(byte[] key, int keyOff, byte[] msg, int off, int len, byte[] out, int outOff) {
        // r, clamped as RFC 8439 §2.5.1 requires, split into 26-bit limbs.
        long t0 = Bits.getUIntLE(key, keyOff);
        long t1 = Bits.getUIntLE(key, keyOff + 4);
        long t2 = Bits.getUIntLE(key, keyOff + 8);
        long t3 = Bits.getUIntLE(key, keyOff + 12);
        final long r0 = t0 & 0x3ffffff;
        final long r1 = ((t0 >>> 26) | (t1 << 6)) & 0x3ffff03;
        final long r2 = ((t1 >>> 20) | (t2 << 12)) & 0x3ffc0ff;
        final long r3 = ((t2 >>> 14) | (t3 << 18)) & 0x3f03fff;
        final long r4 = (t3 >>> 8) & 0x00fffff;
        // 2^130 = 5 (mod p): products that overflow limb 4 wrap round multiplied by 5.
        final long s1 = r1 * 5;
        final long s2 = r2 * 5;
        final long s3 = r3 * 5;
        final long s4 = r4 * 5;

        long h0 = 0;
        long h1 = 0;
        long h2 = 0;
        long h3 = 0;
        long h4 = 0;

        int end = off + len;
        while (off < end) {
            long hibit;
            byte[] block;
            int pos;
            if (end - off >= TAG_LENGTH) {
                block = msg;
                pos = off;
                hibit = 1L << 24;
            } else {
                // The final partial block is followed by a 1 byte, then zeros (no 2^128 bit).
                Arrays.fill(lastBlock, (byte) 0);
                System.arraycopy(msg, off, lastBlock, 0, end - off);
                lastBlock[end - off] = 1;
                block = lastBlock;
                pos = 0;
                hibit = 0;
            }
            t0 = Bits.getUIntLE(block, pos);
            t1 = Bits.getUIntLE(block, pos + 4);
            t2 = Bits.getUIntLE(block, pos + 8);
            t3 = Bits.getUIntLE(block, pos + 12);
            h0 += t0 & MASK26;
            h1 += ((t0 >>> 26) | (t1 << 6)) & MASK26;
            h2 += ((t1 >>> 20) | (t2 << 12)) & MASK26;
            h3 += ((t2 >>> 14) | (t3 << 18)) & MASK26;
            h4 += (t3 >>> 8) | hibit;

            long d0 = h0 * r0 + h1 * s4 + h2 * s3 + h3 * s2 + h4 * s1;
            long d1 = h0 * r1 + h1 * r0 + h2 * s4 + h3 * s3 + h4 * s2;
            long d2 = h0 * r2 + h1 * r1 + h2 * r0 + h3 * s4 + h4 * s3;
            long d3 = h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * s4;
            long d4 = h0 * r4 + h1 * r3 + h2 * r2 + h3 * r1 + h4 * r0;

            long c = d0 >>> 26;
            h0 = d0 & MASK26;
            d1 += c;
            c = d1 >>> 26;
            h1 = d1 & MASK26;
            d2 += c;
            c = d2 >>> 26;
            h2 = d2 & MASK26;
            d3 += c;
            c = d3 >>> 26;
            h3 = d3 & MASK26;
            d4 += c;
            c = d4 >>> 26;
            h4 = d4 & MASK26;
            h0 += c * 5;
            c = h0 >>> 26;
            h0 &= MASK26;
            h1 += c;

            off += TAG_LENGTH;
        }

        // Carry fully, then reduce modulo p = 2^130 - 5 by computing h - p and keeping it if >= 0.
        long c = h1 >>> 26;
        h1 &= MASK26;
        h2 += c;
        c = h2 >>> 26;
        h2 &= MASK26;
        h3 += c;
        c = h3 >>> 26;
        h3 &= MASK26;
        h4 += c;
        c = h4 >>> 26;
        h4 &= MASK26;
        h0 += c * 5;
        c = h0 >>> 26;
        h0 &= MASK26;
        h1 += c;

        long g0 = h0 + 5;
        c = g0 >>> 26;
        g0 &= MASK26;
        long g1 = h1 + c;
        c = g1 >>> 26;
        g1 &= MASK26;
        long g2 = h2 + c;
        c = g2 >>> 26;
        g2 &= MASK26;
        long g3 = h3 + c;
        c = g3 >>> 26;
        g3 &= MASK26;
        long g4 = h4 + c - (1L << 26);

        // Constant time: keep h where g went negative (h < p), else g.
        long keepH = g4 >> 63;
        h0 = (h0 & keepH) | (g0 & ~keepH);
        h1 = (h1 & keepH) | (g1 & ~keepH);
        h2 = (h2 & keepH) | (g2 & ~keepH);
        h3 = (h3 & keepH) | (g3 & ~keepH);
        h4 = (h4 & keepH) | (g4 & ~keepH & MASK26);

        // tag = (h + s) mod 2^128, little-endian.
        long f0 = (h0 | (h1 << 26)) & 0xffffffffL;
        long f1 = ((h1 >>> 6) | (h2 << 20)) & 0xffffffffL;
        long f2 = ((h2 >>> 12) | (h3 << 14)) & 0xffffffffL;
        long f3 = ((h3 >>> 18) | (h4 << 8)) & 0xffffffffL;
        f0 += Bits.getUIntLE(key, keyOff + 16);
        f1 += Bits.getUIntLE(key, keyOff + 20) + (f0 >>> 32);
        f2 += Bits.getUIntLE(key, keyOff + 24) + (f1 >>> 32);
        f3 += Bits.getUIntLE(key, keyOff + 28) + (f2 >>> 32);
        Bits.putIntLE(out, outOff, f0);
        Bits.putIntLE(out, outOff + 4, f1);
        Bits.putIntLE(out, outOff + 8, f2);
        Bits.putIntLE(out, outOff + 12, f3);
    }
}
