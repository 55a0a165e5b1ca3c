package org.javamiko.internal.cipher;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * The state of both directions before the first NEWKEYS (RFC 4253 §6): no encryption, no MAC,
 * packets padded to 8 bytes. Stateless, so one instance serves every connection.
 */
final class NoneCipher implements PacketCipher {
    static final NoneCipher INSTANCE = new NoneCipher();

    private static final int BLOCK_SIZE = 8;

    private NoneCipher() {
    }

    @Override
    public int blockSize() {
        return BLOCK_SIZE;
    }

    @Override
    public int tagLength() {
        return 0;
    }

    @Override
    public boolean lengthExcludedFromPadding() {
        return false;
    }

    /** @return 8: the first block, as for a block cipher (every packet has at least 16 bytes) */
    @Override
    public int lengthFieldBytes() {
        return BLOCK_SIZE;
    }

    @Override
    public void encrypt(int seq, byte[] buf, int off, int len) {
        PacketChecks.checkToSend(this, buf, off, len);
    }

    @Override
    public int decryptLength(int seq, byte[] buf, int off) {
        return SshBuffer.readInt(buf, off);
    }

    @Override
    public void decrypt(int seq, byte[] buf, int off, int len) throws SshException {
        PacketChecks.checkReceived(this, buf, off, len);
    }

    @Override
    public String toString() {
        return "none";
    }
}
