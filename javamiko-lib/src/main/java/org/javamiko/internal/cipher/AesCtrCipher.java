package org.javamiko.internal.cipher;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * {@code aes128-ctr}, {@code aes192-ctr}, {@code aes256-ctr} (RFC 4344) with an HMAC, in either
 * of the two orders OpenSSH knows:
 * <ul>
 * <li>classic (RFC 4253 §6.4): MAC over {@code seq || plaintext packet}, then the whole packet
 *     encrypted, the length inside the first cipher block;</li>
 * <li>encrypt-then-MAC ({@code -etm@openssh.com}): the length sent in the clear, the rest
 *     encrypted, then MAC over {@code seq || length || ciphertext}, checked before decrypting.</li>
 * </ul>
 */
final class AesCtrCipher implements PacketCipher {
    private static final int BLOCK_SIZE = 16;

    private final AesCtr ctr;
    private final PacketMac mac;
    private final boolean encryptThenMac;
    private final String name;

    AesCtrCipher(String name, byte[] key, byte[] iv, MacFactory macFactory, byte[] macKey) throws SshException {
        this.name = name + " + " + macFactory.wireName();
        this.ctr = new AesCtr(key, iv);
        this.mac = new PacketMac(macFactory, macKey);
        this.encryptThenMac = macFactory.encryptThenMac();
    }

    @Override
    public int blockSize() {
        return BLOCK_SIZE;
    }

    @Override
    public int tagLength() {
        return mac.length();
    }

    @Override
    public boolean lengthExcludedFromPadding() {
        return encryptThenMac;
    }

    @Override
    public int lengthFieldBytes() {
        return encryptThenMac ? 4 : BLOCK_SIZE;
    }

    @Override
    public void encrypt(int seq, byte[] buf, int off, int len) {
        PacketChecks.checkToSend(this, buf, off, len);
        if (encryptThenMac) {
            ctr.apply(buf, off + 4, len - 4);
            mac.sign(seq, buf, off, len);
        } else {
            mac.sign(seq, buf, off, len);
            ctr.apply(buf, off, len);
        }
    }

    /** Classic: decrypts the first block in place (its MAC covers the plaintext). Etm: reads the clear length. */
    @Override
    public int decryptLength(int seq, byte[] buf, int off) {
        if (!encryptThenMac) {
            ctr.apply(buf, off, BLOCK_SIZE);
        }
        return SshBuffer.readInt(buf, off);
    }

    @Override
    public void decrypt(int seq, byte[] buf, int off, int len) throws SshException {
        PacketChecks.checkReceived(this, buf, off, len);
        if (encryptThenMac) {
            verify(seq, buf, off, len);
            ctr.apply(buf, off + 4, len - 4);
        } else {
            ctr.apply(buf, off + BLOCK_SIZE, len - BLOCK_SIZE);
            verify(seq, buf, off, len);
        }
    }

    private void verify(int seq, byte[] buf, int off, int len) throws SshException {
        if (!mac.verify(seq, buf, off, len)) {
            throw new SshException("MAC error: packet " + Integer.toUnsignedString(seq) + " failed " + name
                    + " verification (corrupted or tampered with in transit)");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
