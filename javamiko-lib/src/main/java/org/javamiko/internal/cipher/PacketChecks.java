package org.javamiko.internal.cipher;

import java.util.Objects;

import org.javamiko.SshException;

/** The shape checks every {@link PacketCipher} makes before it touches a packet. */
final class PacketChecks {
    private PacketChecks() {
    }

    /**
     * Checks a received packet's length against the cipher's alignment before decryption, so a
     * corrupt length ends in an {@link SshException} rather than in a JCA exception.
     *
     * @param len 4 + packet_length
     */
    static void checkReceived(PacketCipher cipher, byte[] buf, int off, int len) throws SshException {
        if (!isWellFormed(cipher, len)) {
            throw new SshException("Bad packet length " + (len - 4) + ": the cipher needs a positive multiple of "
                    + cipher.blockSize() + (cipher.lengthExcludedFromPadding() ? " (not counting the length field)" : ""));
        }
        Objects.checkFromIndexSize(off, len + cipher.tagLength(), buf.length);
    }

    /**
     * Checks a packet about to be sent: a bad one is a bug in the packet writer, not the peer's fault.
     *
     * @param len 4 + packet_length
     */
    static void checkToSend(PacketCipher cipher, byte[] buf, int off, int len) {
        if (!isWellFormed(cipher, len)) {
            throw new IllegalArgumentException("Packet of " + len + " bytes is not padded to the cipher block size "
                    + cipher.blockSize());
        }
        Objects.checkFromIndexSize(off, len + cipher.tagLength(), buf.length);
    }

    private static boolean isWellFormed(PacketCipher cipher, int len) {
        int aligned = cipher.lengthExcludedFromPadding() ? len - 4 : len;
        return len >= cipher.lengthFieldBytes() && aligned > 0 && aligned % cipher.blockSize() == 0;
    }
}
