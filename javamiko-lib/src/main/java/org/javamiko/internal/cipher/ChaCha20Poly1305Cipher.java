package org.javamiko.internal.cipher;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * {@code chacha20-poly1305@openssh.com} as OpenSSH's PROTOCOL.chacha20poly1305 defines it.
 *
 * <p>The 64 key bytes are K_2 (first 32: payload and Poly1305 key) and K_1 (last 32: the 4-byte
 * length alone). Both ChaCha20 instances use the packet sequence number as nonce. OpenSSH uses
 * the original ChaCha20 (64-bit block counter in state words 12-13, 64-bit nonce in words 14-15);
 * the JDK's is RFC 8439's (32-bit counter in word 12, 96-bit nonce in words 13-15). With the
 * nonce {@code 00 00 00 00 || uint64 seq} the two lay out the same state as long as the counter
 * stays below 2^32 blocks (256 GiB), far beyond any packet. Block 0 of K_2's stream is the
 * Poly1305 key; the payload takes the stream from block 1 on, which here is simply the same
 * stream continued, so one {@code init} per packet suffices (the JDK refuses to re-init an
 * encrypting ChaCha20 with the same key and nonce, even for another counter).
 *
 * <p>The tag covers the encrypted length and the ciphertext, and is checked before anything is
 * decrypted: {@link #decryptLength} decrypts the length into a copy, leaving the bytes the tag
 * covers as they came.
 */
final class ChaCha20Poly1305Cipher implements PacketCipher {
    private static final String NAME = "chacha20-poly1305@openssh.com";
    private static final int BLOCK_SIZE = 8;
    private static final int KEY_LENGTH = 64;
    private static final int CHACHA_BLOCK = 64;
    private static final byte[] ZERO_BLOCK = new byte[CHACHA_BLOCK];

    private final int mode;
    private final Cipher lengthCipher;
    private final Cipher payloadCipher;
    private final SecretKeySpec lengthKey;
    private final SecretKeySpec payloadKey;
    private final Poly1305 poly1305 = new Poly1305();
    private final byte[] nonce = new byte[12];
    private final byte[] polyKeyBlock = new byte[CHACHA_BLOCK];
    private final byte[] clearLength = new byte[4];
    private final byte[] computedTag = new byte[Poly1305.TAG_LENGTH];
    private final byte[] receivedTag = new byte[Poly1305.TAG_LENGTH];
    private int clearLengthSeq;
    private boolean clearLengthValid;

    ChaCha20Poly1305Cipher(boolean encrypt, byte[] key) throws SshException {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException(NAME + " needs a " + KEY_LENGTH + "-byte key");
        }
        this.mode = encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
        this.payloadKey = new SecretKeySpec(key, 0, 32, "ChaCha20");
        this.lengthKey = new SecretKeySpec(key, 32, 32, "ChaCha20");
        this.lengthCipher = Jca.cipher("ChaCha20");
        this.payloadCipher = Jca.cipher("ChaCha20");
    }

    @Override
    public int blockSize() {
        return BLOCK_SIZE;
    }

    @Override
    public int tagLength() {
        return Poly1305.TAG_LENGTH;
    }

    @Override
    public boolean lengthExcludedFromPadding() {
        return true;
    }

    @Override
    public int lengthFieldBytes() {
        return 4;
    }

    @Override
    public void encrypt(int seq, byte[] buf, int off, int len) throws SshException {
        PacketChecks.checkToSend(this, buf, off, len);
        try {
            startPacket(seq);
            lengthCipher.update(buf, off, 4, buf, off);
            payloadCipher.update(buf, off + 4, len - 4, buf, off + 4);
        } catch (GeneralSecurityException e) {
            throw Jca.initFailed(NAME, e);
        }
        poly1305.mac(polyKeyBlock, 0, buf, off, len, buf, off + len);
    }

    @Override
    public int decryptLength(int seq, byte[] buf, int off) throws SshException {
        try {
            setNonce(seq);
            lengthCipher.init(mode, lengthKey, new ChaCha20ParameterSpec(nonce, 0));
            lengthCipher.update(buf, off, 4, clearLength, 0);
        } catch (GeneralSecurityException e) {
            throw Jca.initFailed(NAME, e);
        }
        clearLengthSeq = seq;
        clearLengthValid = true;
        return SshBuffer.readInt(clearLength, 0);
    }

    /** Also writes the clear length (from {@link #decryptLength}) back over the encrypted one. */
    @Override
    public void decrypt(int seq, byte[] buf, int off, int len) throws SshException {
        if (!clearLengthValid || clearLengthSeq != seq) {
            throw new IllegalStateException("decrypt of packet " + Integer.toUnsignedString(seq)
                    + " without decryptLength of the same packet");
        }
        clearLengthValid = false;
        PacketChecks.checkReceived(this, buf, off, len);
        try {
            setNonce(seq);
            startPayload();
            poly1305.mac(polyKeyBlock, 0, buf, off, len, computedTag, 0);
            System.arraycopy(buf, off + len, receivedTag, 0, Poly1305.TAG_LENGTH);
            if (!MessageDigest.isEqual(computedTag, receivedTag)) {
                throw new SshException("MAC error: packet " + Integer.toUnsignedString(seq) + " failed " + NAME
                        + " tag verification (corrupted or tampered with in transit)");
            }
            payloadCipher.update(buf, off + 4, len - 4, buf, off + 4);
        } catch (GeneralSecurityException e) {
            throw Jca.initFailed(NAME, e);
        }
        System.arraycopy(clearLength, 0, buf, off, 4);
    }

    /** Keys both streams for packet {@code seq}, leaving K_2's positioned at block 1. */
    private void startPacket(int seq) throws GeneralSecurityException {
        setNonce(seq);
        lengthCipher.init(mode, lengthKey, new ChaCha20ParameterSpec(nonce, 0));
        startPayload();
    }

    /** Takes the Poly1305 key from block 0 of K_2's stream; the stream goes on at block 1. */
    private void startPayload() throws GeneralSecurityException {
        payloadCipher.init(mode, payloadKey, new ChaCha20ParameterSpec(nonce, 0));
        payloadCipher.update(ZERO_BLOCK, 0, CHACHA_BLOCK, polyKeyBlock, 0);
    }

    /** Nonce = 4 zero bytes || the sequence number as a big-endian uint64 (so 4 more zero bytes). */
    private void setNonce(int seq) {
        SshBuffer.writeInt(nonce, 8, seq);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
