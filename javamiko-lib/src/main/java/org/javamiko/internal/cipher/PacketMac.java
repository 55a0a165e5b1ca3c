package org.javamiko.internal.cipher;

import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * The HMAC of one direction (RFC 4253 §6.4): {@code MAC(key, uint32 seq || bytes)}. The bytes are
 * the plaintext packet, or for encrypt-then-MAC the clear length and the ciphertext.
 */
final class PacketMac {
    private final Mac mac;
    private final int length;
    private final byte[] seqBytes = new byte[4];
    private final byte[] computed;
    private final byte[] received;

    PacketMac(MacFactory factory, byte[] key) throws SshException {
        if (key == null || key.length != factory.keyLength()) {
            throw new IllegalArgumentException(factory.wireName() + " needs a " + factory.keyLength() + "-byte key");
        }
        this.mac = Jca.mac(factory.jcaName(), key);
        this.length = factory.length();
        if (mac.getMacLength() != length) {
            throw new IllegalArgumentException(factory.wireName() + " is " + length + " bytes but "
                    + factory.jcaName() + " gives " + mac.getMacLength());
        }
        this.computed = new byte[length];
        this.received = new byte[length];
    }

    /** @return the MAC's length in bytes */
    int length() {
        return length;
    }

    /** Writes the MAC of {@code seq || buf[off, off+len)} to {@code buf[off+len ...]}. */
    void sign(int seq, byte[] buf, int off, int len) {
        compute(seq, buf, off, len, buf, off + len);
    }

    /**
     * @return whether the MAC at {@code buf[off+len ...]} is that of {@code seq || buf[off, off+len)},
     *         compared in constant time
     */
    boolean verify(int seq, byte[] buf, int off, int len) {
        compute(seq, buf, off, len, computed, 0);
        System.arraycopy(buf, off + len, received, 0, length);
        return MessageDigest.isEqual(computed, received);
    }

    private void compute(int seq, byte[] buf, int off, int len, byte[] out, int outOff) {
        SshBuffer.writeInt(seqBytes, 0, seq);
        mac.update(seqBytes);
        mac.update(buf, off, len);
        try {
            mac.doFinal(out, outOff);
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("No room for the " + length + "-byte MAC after the packet", e);
        }
    }
}
