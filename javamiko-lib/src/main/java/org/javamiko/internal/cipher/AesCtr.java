package org.javamiko.internal.cipher;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.javamiko.SshException;

/**
 * One AES-CTR key stream (RFC 4344 §4: the IV is a 128-bit big-endian counter) applied in place.
 *
 * <p>SunJCE's {@code CipherCore} copies the whole input into a fresh array when input and output
 * are the same bytes, so an in-place {@code update} allocates per packet. Instead each chunk is
 * encrypted into a reused scratch buffer and copied back, which costs the same copy without the
 * allocation; 8 KiB chunks measured fastest (the scratch stays in L1).
 */
final class AesCtr {
    private static final int CHUNK = 8 * 1024;

    private final Cipher cipher;
    private final byte[] scratch = new byte[CHUNK];

    AesCtr(byte[] key, byte[] iv) throws SshException {
        cipher = Jca.cipher("AES/CTR/NoPadding");
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        } catch (GeneralSecurityException e) {
            throw Jca.initFailed("AES-CTR", e);
        }
    }

    /** XORs the next {@code len} bytes of key stream into {@code buf[off, off+len)}. */
    void apply(byte[] buf, int off, int len) {
        try {
            while (len > 0) {
                int n = Math.min(len, CHUNK);
                int done = cipher.update(buf, off, n, scratch, 0);
                if (done != n) {
                    throw new IllegalStateException("AES-CTR returned " + done + " of " + n + " bytes");
                }
                System.arraycopy(scratch, 0, buf, off, n);
                off += n;
                len -= n;
            }
        } catch (ShortBufferException e) {
            throw new IllegalStateException("AES-CTR scratch buffer too small", e);
        }
    }
}
