package org.javamiko.internal.keyformat;

import org.javamiko.internal.wire.SshBuffer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * OpenBSD's bcrypt_pbkdf (the KDF of OpenSSH private key files): a PBKDF2-like construction whose
 * pseudo-random function is a bcrypt hash of SHA-512 digests, with the output bytes interleaved
 * across blocks. Written from the OpenBSD definition; Blowfish's expensive key schedule is inline
 * because neither the JDK nor Bouncy Castle exposes it.
 */
public final class BcryptPbkdf {
    private BcryptPbkdf() {
    }

    private static final int HASH_BYTES = 32;
    private static final byte[] MAGIC = "OxychromaticBlowfishSwatDynamite".getBytes(StandardCharsets.US_ASCII);
    /** Far above anything ssh-keygen writes (16 by default, -a sets more), low enough to bound the work. */
    public static final int MAX_ROUNDS = 1 << 20;

    /**
     * @param password the passphrase bytes
     * @param salt the salt from the key file
     * @param rounds the number of rounds, at least 1
     * @param keyLength how many bytes to derive (at most 1024)
     * @return the derived bytes
     */
    public static byte[] derive(byte[] password, byte[] salt, int rounds, int keyLength) {
        if (rounds < 1 || rounds > MAX_ROUNDS || keyLength < 1 || keyLength > HASH_BYTES * HASH_BYTES) {
            throw new IllegalArgumentException("bcrypt-pbkdf: rounds " + rounds + ", key length " + keyLength);
        }
        MessageDigest sha512 = sha512();
        byte[] sha2pass = sha512.digest(password);
        int stride = (keyLength + HASH_BYTES - 1) / HASH_BYTES;
        int amount = (keyLength + stride - 1) / stride;
        byte[] key = new byte[keyLength];
        byte[] countSalt = Arrays.copyOf(salt, salt.length + 4);
        int remaining = keyLength;
        for (int count = 1; remaining > 0; count++) {
            SshBuffer.writeInt(countSalt, salt.length, count);
            byte[] tmp = hash(sha2pass, sha512.digest(countSalt));
            byte[] out = tmp.clone();
            for (int i = 1; i < rounds; i++) {
                tmp = hash(sha2pass, sha512.digest(tmp));
                for (int j = 0; j < out.length; j++) {
                    out[j] ^= tmp[j];
                }
            }
            int n = Math.min(amount, remaining);
            int i = 0;
            for (; i < n; i++) {
                int dest = i * stride + (count - 1);
                if (dest >= keyLength) {
                    break;
                }
                key[dest] = out[i];
            }
            remaining -= i;
        }
        return key;
    }

    /** bcrypt_hash: an expensive Blowfish key schedule keyed by both digests, then encrypt the magic 64 times. */
    static byte[] hash(byte[] sha2pass, byte[] sha2salt) {
        int[] p = Arrays.copyOf(BlowfishInit.WORDS, 18);
        int[] s = Arrays.copyOfRange(BlowfishInit.WORDS, 18, 18 + 1024);
        expand(p, s, sha2salt, sha2pass);
        for (int i = 0; i < 64; i++) {
            expand(p, s, null, sha2salt);
            expand(p, s, null, sha2pass);
        }
        int[] cdata = new int[8];
        for (int i = 0; i < 8; i++) {
            cdata[i] = word(MAGIC, 4 * i);
        }
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 8; j += 2) {
                long lr = encipher(p, s, cdata[j], cdata[j + 1]);
                cdata[j] = (int) (lr >>> 32);
                cdata[j + 1] = (int) lr;
            }
        }
        byte[] out = new byte[HASH_BYTES];
        for (int i = 0; i < 8; i++) { // little-endian words, as OpenBSD writes them
            out[4 * i] = (byte) cdata[i];
            out[4 * i + 1] = (byte) (cdata[i] >>> 8);
            out[4 * i + 2] = (byte) (cdata[i] >>> 16);
            out[4 * i + 3] = (byte) (cdata[i] >>> 24);
        }
        return out;
    }

    /** Blowfish_expandstate when data is given, Blowfish_expand0state when it is null. */
    private static void expand(int[] p, int[] s, byte[] data, byte[] key) {
        int keyPos = 0;
        for (int i = 0; i < 18; i++) {
            p[i] ^= word(key, keyPos);
            keyPos = (keyPos + 4) % key.length;
        }
        int dataPos = 0;
        int l = 0;
        int r = 0;
        for (int i = 0; i < 18 + 1024; i += 2) {
            if (data != null) {
                l ^= word(data, dataPos);
                r ^= word(data, (dataPos + 4) % data.length);
                dataPos = (dataPos + 8) % data.length;
            }
            long lr = encipher(p, s, l, r);
            l = (int) (lr >>> 32);
            r = (int) lr;
            if (i < 18) {
                p[i] = l;
                p[i + 1] = r;
            } else {
                s[i - 18] = l;
                s[i - 17] = r;
            }
        }
    }

    /**
     * Four bytes big-endian from {@code pos}, wrapping around to the start of the data. Every
     * input here is 32 or 64 bytes, so {@code pos} is always a multiple of 4 inside the data.
     */
    private static int word(byte[] data, int pos) {
        return ((data[pos] & 0xff) << 24) | ((data[(pos + 1) % data.length] & 0xff) << 16)
                | ((data[(pos + 2) % data.length] & 0xff) << 8) | (data[(pos + 3) % data.length] & 0xff);
    }

    /** One Blowfish block; the result packs the left half in the high 32 bits. */
    private static long encipher(int[] p, int[] s, int left, int right) {
        int l = left ^ p[0];
        int r = right;
        for (int i = 1; i <= 16; i += 2) {
            r ^= f(s, l) ^ p[i];
            l ^= f(s, r) ^ p[i + 1];
        }
        return ((long) (r ^ p[17]) << 32) | (l & 0xffffffffL);
    }

    private static int f(int[] s, int x) {
        return ((s[x >>> 24] + s[256 + ((x >>> 16) & 0xff)]) ^ s[512 + ((x >>> 8) & 0xff)]) + s[768 + (x & 0xff)];
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required of every Java platform", e);
        }
    }
}
