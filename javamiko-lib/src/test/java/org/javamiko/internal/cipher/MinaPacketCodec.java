package org.javamiko.internal.cipher;

import java.security.MessageDigest;
import java.util.Arrays;

import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.mac.Mac;

/**
 * One direction of Apache MINA SSHD's packet protection, driven the way its AbstractSession
 * encode/decode drive its cipher and MAC classes: AEAD ciphers take the 4-byte length as AAD
 * and then the rest of the packet; etm MACs cover the clear length and the ciphertext; classic
 * MACs cover the plaintext and the cipher runs over the whole packet.
 */
final class MinaPacketCodec {
    private final Cipher cipher;
    private final Mac mac;
    private final boolean aead;
    private final boolean etm;

    MinaPacketCodec(CipherSuite suite, boolean encrypt, int firstSeq) throws Exception {
        BuiltinCiphers factory = BuiltinCiphers.fromFactoryName(suite.cipher().wireName());
        cipher = factory.create();
        aead = suite.cipher().isAead();
        // MINA's ChaCha20 takes its first nonce (the sequence number as a uint64) as the IV.
        byte[] iv = suite.cipher() == Ciphers.CHACHA20_POLY1305
                ? new byte[] {0, 0, 0, 0, (byte) (firstSeq >>> 24), (byte) (firstSeq >>> 16), (byte) (firstSeq >>> 8),
                    (byte) firstSeq}
                : suite.iv();
        cipher.init(encrypt ? Cipher.Mode.Encrypt : Cipher.Mode.Decrypt, suite.key(), iv);
        if (suite.mac() != null) {
            mac = BuiltinMacs.fromFactoryName(suite.mac().wireName()).create();
            mac.init(suite.macKey());
            etm = suite.mac().encryptThenMac();
        } else {
            mac = null;
            etm = false;
        }
    }

    void encrypt(int seq, byte[] buf, int off, int len) throws Exception {
        if (aead) {
            cipher.updateAAD(buf, off, 4);
            cipher.update(buf, off + 4, len - 4);
        } else if (etm) {
            cipher.update(buf, off + 4, len - 4);
            sign(seq, buf, off, len);
        } else {
            sign(seq, buf, off, len);
            cipher.update(buf, off, len);
        }
    }

    /** @throws Exception MINA's own exception when the tag fails, or an AssertionError for a bad MAC */
    void decrypt(int seq, byte[] buf, int off, int len) throws Exception {
        if (aead) {
            cipher.updateAAD(buf, off, 4);
            cipher.update(buf, off + 4, len - 4);
        } else if (etm) {
            verify(seq, buf, off, len);
            cipher.update(buf, off + 4, len - 4);
        } else {
            cipher.update(buf, off, len);
            verify(seq, buf, off, len);
        }
    }

    private void sign(int seq, byte[] buf, int off, int len) throws Exception {
        mac.updateUInt(Integer.toUnsignedLong(seq));
        mac.update(buf, off, len);
        mac.doFinal(buf, off + len);
    }

    private void verify(int seq, byte[] buf, int off, int len) throws Exception {
        mac.updateUInt(Integer.toUnsignedLong(seq));
        mac.update(buf, off, len);
        byte[] expected = mac.doFinal();
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(buf, off + len, off + len + expected.length))) {
            throw new AssertionError("MINA found a bad MAC on packet " + Integer.toUnsignedString(seq));
        }
    }
}
