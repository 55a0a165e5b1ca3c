package org.javamiko.internal.cipher;

import org.javamiko.SshException;

/**
 * The encryption and integrity protection of one direction of the binary packet protocol
 * (RFC 4253 §6): a cipher and its MAC, or an AEAD cipher, keyed once at NEWKEYS.
 *
 * <p>Packets are processed in place in the caller's buffer. A packet is laid out as
 * {@code uint32 packet_length, byte padding_length, payload, padding} followed by
 * {@link #tagLength()} bytes of MAC or tag. Instances are used by one thread at a time.
 */
public interface PacketCipher {

    /** @return the multiple the packet is padded to (the cipher block size, at least 8) */
    int blockSize();

    /** @return the bytes of MAC or authentication tag after each packet (0 for none) */
    int tagLength();

    /**
     * @return true when {@code packet_length} is authenticated but not counted in the padding
     *         alignment (AEAD ciphers and encrypt-then-MAC), as OpenSSH's packet.c aligns them
     */
    boolean lengthExcludedFromPadding();

    /**
     * @return how many bytes must be read from the wire before {@link #decryptLength} can tell the
     *         packet length: 4 where the length is sent in the clear or encrypted on its own,
     *         {@link #blockSize()} where it is inside the first cipher block
     */
    int lengthFieldBytes();

    /**
     * Encrypts and authenticates one packet in place, writing the tag after it.
     *
     * @param seq the packet's sequence number (uint32)
     * @param buf holds the plaintext packet at {@code off}, and room for the tag after it
     * @param off where {@code packet_length} starts
     * @param len the packet's length including the 4-byte length field, excluding the tag
     */
    void encrypt(int seq, byte[] buf, int off, int len) throws SshException;

    /**
     * Reads the packet length from the first {@link #lengthFieldBytes()} bytes at {@code off}.
     * An implementation may decrypt those bytes in place when its MAC covers the plaintext, and
     * keeps whatever state it needs for the {@link #decrypt} of the same packet that follows.
     * Nothing is authenticated yet: the caller bounds the value (it may be negative or huge
     * when the packet is corrupt) before reading the rest of the packet.
     *
     * @return {@code packet_length} (not including the length field itself or the tag)
     */
    int decryptLength(int seq, byte[] buf, int off) throws SshException;

    /**
     * Verifies and decrypts the rest of the packet whose length was just read. Afterwards
     * {@code buf[off .. off+len)} holds the whole plaintext packet: the clear
     * {@code packet_length}, then {@code padding_length, payload, padding}.
     *
     * @param len 4 + packet_length; the tag follows at {@code off + len}
     * @throws SshException when the MAC or tag does not verify (compared in constant time; the
     *         message starts with "MAC error"), or when {@code len} does not fit the cipher's
     *         block alignment; the connection cannot continue after either
     */
    void decrypt(int seq, byte[] buf, int off, int len) throws SshException;

    /**
     * As {@link #decrypt}, but the plaintext body ({@code padding_length, payload, padding}) may be
     * left in an array of the cipher's own, sparing a copy back where decrypting in place is slow.
     *
     * @return {@code buf}, the body then at {@code off + 4}; or the cipher's array, the body then
     *         at index 0 and valid until the next call
     */
    default byte[] decryptBody(int seq, byte[] buf, int off, int len) throws SshException {
        decrypt(seq, buf, off, len);
        return buf;
    }
}
