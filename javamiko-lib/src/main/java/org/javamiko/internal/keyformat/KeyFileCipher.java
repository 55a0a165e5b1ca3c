package org.javamiko.internal.keyformat;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.javamiko.SshException;

/**
 * The ciphers OpenSSH may encrypt a private key file with ({@code ssh-keygen -Z}), applied to the
 * whole private section at once. AES and 3DES come from the JDK; ChaCha20-Poly1305 from Bouncy
 * Castle, which the JDK lacks in OpenSSH's 64-bit-nonce variant.
 */
public enum KeyFileCipher {
    /** No encryption. */
    NONE("none", 0, 0, 8, 0),
    /** AES-128 in CTR mode. */
    AES128_CTR("aes128-ctr", 16, 16, 16, 0),
    /** AES-192 in CTR mode. */
    AES192_CTR("aes192-ctr", 24, 16, 16, 0),
    /** AES-256 in CTR mode: what ssh-keygen uses by default. */
    AES256_CTR("aes256-ctr", 32, 16, 16, 0),
    /** AES-128 in CBC mode. */
    AES128_CBC("aes128-cbc", 16, 16, 16, 0),
    /** AES-192 in CBC mode. */
    AES192_CBC("aes192-cbc", 24, 16, 16, 0),
    /** AES-256 in CBC mode. */
    AES256_CBC("aes256-cbc", 32, 16, 16, 0),
    /** Triple DES in CBC mode. */
    TRIPLE_DES_CBC("3des-cbc", 24, 8, 8, 0),
    /** AES-128-GCM, 12-byte IV, 16-byte tag after the ciphertext. */
    AES128_GCM("aes128-gcm@openssh.com", 16, 12, 16, 16),
    /** AES-256-GCM, 12-byte IV, 16-byte tag after the ciphertext. */
    AES256_GCM("aes256-gcm@openssh.com", 32, 12, 16, 16),
    /** ChaCha20-Poly1305 as in OpenSSH's PROTOCOL.chacha20poly1305, sequence number 0, no length header. */
    CHACHA20_POLY1305("chacha20-poly1305@openssh.com", 64, 0, 8, 16);

    private final String sshName;
    private final int keyLength;
    private final int ivLength;
    private final int blockSize;
    private final int tagLength;

    KeyFileCipher(String sshName, int keyLength, int ivLength, int blockSize, int tagLength) {
        this.sshName = sshName;
        this.keyLength = keyLength;
        this.ivLength = ivLength;
        this.blockSize = blockSize;
        this.tagLength = tagLength;
    }

    /**
     * @param name the cipher name in the key file
     * @return the cipher
     * @throws SshException naming the cipher when it is unknown
     */
    public static KeyFileCipher byName(String name) throws SshException {
        for (KeyFileCipher c : values()) {
            if (c.sshName.equals(name)) {
                return c;
            }
        }
        throw new SshException("Unsupported key file cipher \"" + name + "\"");
    }

    /** @return the name as in the key file */
    public String sshName() {
        return sshName;
    }

    /** @return the key length in bytes */
    public int keyLength() {
        return keyLength;
    }

    /** @return the IV length in bytes */
    public int ivLength() {
        return ivLength;
    }

    /** @return the block size the private section is padded to */
    public int blockSize() {
        return blockSize;
    }

    /** @return the authentication tag length that follows the ciphertext (0 for non-AEAD) */
    public int tagLength() {
        return tagLength;
    }

    /**
     * @param keyAndIv {@link #keyLength()} key bytes then {@link #ivLength()} IV bytes
     * @param ciphertext the encrypted section, a whole number of blocks
     * @param tag the authentication tag (empty for non-AEAD ciphers)
     * @return the plaintext
     * @throws SshException when the tag does not verify (a wrong passphrase, for AEAD ciphers) or
     *         the length is not a whole number of blocks
     */
    public byte[] decrypt(byte[] keyAndIv, byte[] ciphertext, byte[] tag) throws SshException {
        if (ciphertext.length % blockSize != 0) {
            throw new SshException("The encrypted private section (" + ciphertext.length
                    + " bytes) is not a multiple of the " + sshName + " block size (corrupt key?)");
        }
        try {
            return crypt(false, keyAndIv, ciphertext, tag);
        } catch (AEADBadTagException e) {
            throw new WrongPassphraseException(sshName + " authentication tag mismatch");
        } catch (GeneralSecurityException e) {
            throw new SshException(sshName + " decryption failed: " + e.getMessage(), e);
        }
    }

    /**
     * @param keyAndIv {@link #keyLength()} key bytes then {@link #ivLength()} IV bytes
     * @param plaintext the padded private section
     * @return the ciphertext followed by the tag (if any)
     */
    public byte[] encrypt(byte[] keyAndIv, byte[] plaintext) throws SshException {
        try {
            return crypt(true, keyAndIv, plaintext, new byte[0]);
        } catch (GeneralSecurityException e) {
            throw new SshException(sshName + " encryption failed: " + e.getMessage(), e);
        }
    }

    private byte[] crypt(boolean encrypt, byte[] keyAndIv, byte[] input, byte[] tag) throws GeneralSecurityException {
        byte[] key = Arrays.copyOfRange(keyAndIv, 0, keyLength);
        byte[] iv = Arrays.copyOfRange(keyAndIv, keyLength, keyLength + ivLength);
        int mode = encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
        switch (this) {
            case NONE:
                return input.clone();
            case CHACHA20_POLY1305:
                return chachaPoly(encrypt, key, input, tag);
            case AES128_GCM:
            case AES256_GCM: {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(tagLength * 8, iv));
                if (encrypt) {
                    return c.doFinal(input);
                }
                byte[] joined = Arrays.copyOf(input, input.length + tag.length);
                System.arraycopy(tag, 0, joined, input.length, tag.length);
                return c.doFinal(joined);
            }
            case TRIPLE_DES_CBC: {
                Cipher c = Cipher.getInstance("DESede/CBC/NoPadding");
                c.init(mode, new SecretKeySpec(key, "DESede"), new IvParameterSpec(iv));
                return c.doFinal(input);
            }
            default: {
                String transformation = sshName.endsWith("-ctr") ? "AES/CTR/NoPadding" : "AES/CBC/NoPadding";
                Cipher c = Cipher.getInstance(transformation);
                c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
                return c.doFinal(input);
            }
        }
    }

    /**
     * OpenSSH's chacha20-poly1305 with sequence number 0 and no additional data: the Poly1305 key
     * is the first 32 bytes of the keystream of block 0 under the first 32 key bytes; the data is
     * encrypted from block 1; the tag covers the ciphertext.
     */
    private static byte[] chachaPoly(boolean encrypt, byte[] key, byte[] input, byte[] tag) throws AEADBadTagException {
        byte[] mainKey = Arrays.copyOf(key, 32);
        ChaChaEngine chacha = new ChaChaEngine();
        chacha.init(true, new ParametersWithIV(new KeyParameter(mainKey), new byte[8]));
        byte[] block0 = new byte[64];
        chacha.processBytes(new byte[64], 0, 64, block0, 0);
        byte[] polyKey = Arrays.copyOf(block0, 32);
        if (!encrypt) {
            byte[] expected = poly1305(polyKey, input);
            if (!MessageDigest.isEqual(expected, tag)) {
                throw new AEADBadTagException("Poly1305 tag mismatch");
            }
        }
        byte[] out = new byte[input.length + (encrypt ? 16 : 0)];
        chacha.processBytes(input, 0, input.length, out, 0);
        if (encrypt) {
            System.arraycopy(poly1305(polyKey, Arrays.copyOf(out, input.length)), 0, out, input.length, 16);
        }
        return out;
    }

    private static byte[] poly1305(byte[] key, byte[] data) {
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[16];
        mac.doFinal(out, 0);
        return out;
    }
}
