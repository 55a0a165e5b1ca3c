package org.javamiko.internal.cipher;

import java.util.Arrays;
import java.util.Random;

import org.javamiko.internal.wire.SshBuffer;

/**
 * A plaintext packet laid out in a buffer the way the packet writer lays it out: at an offset,
 * padded for the given cipher, with room for the tag after it.
 */
final class TestPacket {
    final byte[] buf;
    final int off;
    final int len;
    private final byte[] plaintext;

    private TestPacket(byte[] buf, int off, int len) {
        this.buf = buf;
        this.off = off;
        this.len = len;
        this.plaintext = Arrays.copyOfRange(buf, off, off + len);
    }

    /** A packet carrying {@code payloadLength} random bytes, padded as RFC 4253 §6 asks. */
    static TestPacket of(PacketCipher cipher, int payloadLength, Random random) {
        int bs = cipher.blockSize();
        int unpadded = (cipher.lengthExcludedFromPadding() ? 0 : 4) + 1 + payloadLength;
        int padding = bs - unpadded % bs;
        if (padding < 4) {
            padding += bs;
        }
        int len = 4 + 1 + payloadLength + padding;
        while (len < 16) {
            padding += bs;
            len += bs;
        }
        int off = 7;
        byte[] buf = new byte[off + len + cipher.tagLength() + 5];
        random.nextBytes(buf);
        SshBuffer.writeInt(buf, off, len - 4);
        buf[off + 4] = (byte) padding;
        return new TestPacket(buf, off, len);
    }

    /** @return whether {@code buf[off, off+len)} holds the plaintext packet again */
    boolean isPlaintext() {
        return Arrays.equals(buf, off, off + len, plaintext, 0, len);
    }

    /** @return whether everything after the length field equals the plaintext's */
    boolean payloadEqualsPlaintext() {
        return Arrays.equals(buf, off + 4, off + len, plaintext, 4, len);
    }
}
