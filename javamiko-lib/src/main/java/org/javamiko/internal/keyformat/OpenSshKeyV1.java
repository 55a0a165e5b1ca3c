package org.javamiko.internal.keyformat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.javamiko.PasswordRequiredException;
import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * OpenSSH's own private key format ({@code -----BEGIN OPENSSH PRIVATE KEY-----}, PROTOCOL.key):
 * a public key in the clear and a private section, optionally encrypted under a bcrypt-pbkdf key.
 */
public final class OpenSshKeyV1 {
    private OpenSshKeyV1() {
    }

    /** The armor label. */
    public static final String LABEL = "OPENSSH PRIVATE KEY";
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    /** Rounds ssh-keygen uses by default, and so do we when writing. */
    static final int DEFAULT_ROUNDS = 16;

    /**
     * Decodes the key.
     *
     * @param body the decoded base64 body
     * @param passphrase the passphrase, or null
     * @return the key pair, comment set
     * @throws PasswordRequiredException when encrypted and no passphrase is given
     * @throws WrongPassphraseException when the passphrase does not decrypt it
     */
    public static KeyMaterial decode(byte[] body, String passphrase) throws IOException {
        if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
            throw new SshException("Not an OpenSSH v1 key: the \"openssh-key-v1\" magic is missing");
        }
        SshBuffer buf = new SshBuffer(body, MAGIC.length, body.length - MAGIC.length);
        KeyFileCipher cipher = KeyFileCipher.byName(buf.getStringUtf8());
        String kdf = buf.getStringUtf8();
        byte[] kdfOptions = buf.getString();
        int keys = buf.getInt();
        if (keys != 1) {
            throw new SshException("The OpenSSH key file holds " + Integer.toUnsignedString(keys)
                    + " keys; only files with one key are supported");
        }
        byte[] publicBlob = buf.getString();
        KeyMaterial publicKey = readPublicBlob(publicBlob);
        byte[] encrypted = buf.getString();
        byte[] tag = buf.getRaw(cipher.tagLength());

        byte[] plain;
        if (cipher == KeyFileCipher.NONE) {
            if (!"none".equals(kdf)) {
                throw new SshException("Malformed OpenSSH key: kdf " + kdf + " with cipher none");
            }
            plain = encrypted;
        } else {
            if (!"bcrypt".equals(kdf)) {
                throw new SshException("Unsupported OpenSSH key KDF \"" + kdf + "\" (supported: bcrypt)");
            }
            if (passphrase == null || passphrase.isEmpty()) {
                throw new PasswordRequiredException("The " + publicKey.type().wireName() + " key is encrypted ("
                        + cipher.sshName() + "): a passphrase is required");
            }
            SshBuffer opts = SshBuffer.wrap(kdfOptions);
            byte[] salt = opts.getString();
            int rounds = opts.getInt();
            if (rounds < 1 || rounds > BcryptPbkdf.MAX_ROUNDS) {
                throw new SshException("Unreasonable bcrypt round count " + Integer.toUnsignedString(rounds));
            }
            byte[] keyIv = BcryptPbkdf.derive(passphrase.getBytes(StandardCharsets.UTF_8), salt, rounds,
                    cipher.keyLength() + cipher.ivLength());
            plain = cipher.decrypt(keyIv, encrypted, tag);
        }
        return decodePrivate(plain, publicKey);
    }

    /** The public key in the clear: a plain key blob (a file never holds a certificate here). */
    private static KeyMaterial readPublicBlob(byte[] blob) throws SshException {
        SshBuffer buf = SshBuffer.wrap(blob);
        KeyMaterial key = KeyType.forBlob(buf.getStringUtf8()).readPublic(buf);
        if (buf.available() != 0) {
            throw new SshException("Malformed " + key.type().wireName() + " public key: " + buf.available()
                    + " bytes after the key");
        }
        return key;
    }

    private static KeyMaterial decodePrivate(byte[] plain, KeyMaterial publicKey) throws SshException {
        SshBuffer buf = SshBuffer.wrap(plain);
        if (buf.getInt() != buf.getInt()) {
            throw new WrongPassphraseException("check bytes differ");
        }
        String type = buf.getStringUtf8();
        KeyMaterial key = KeyType.forPrivateKey(type).readOpenSshPrivate(buf).withComment(buf.getStringUtf8());
        // The padding after the comment (1, 2, 3, …) is not checked: files from older tools vary.
        if (!Arrays.equals(key.publicBlob(), publicKey.publicBlob())) {
            throw new SshException("The private key does not match the public key stored beside it (corrupt key?)");
        }
        return key;
    }

    /**
     * Encodes a key pair in OpenSSH's format, armored.
     *
     * @param key a key pair (Ed25519, ECDSA or RSA), with its comment
     * @param passphrase null or empty for an unencrypted file; otherwise bcrypt-pbkdf (16 rounds) and aes256-ctr
     * @return the file's text
     * @throws SshException when the key has no private half
     */
    public static String encode(KeyMaterial key, String passphrase) throws SshException {
        if (key.privateKey() == null) {
            throw new SshException("Cannot write a private key file for a " + key.type().wireName()
                    + " key without its private half");
        }
        boolean encrypt = passphrase != null && !passphrase.isEmpty();
        KeyFileCipher cipher = encrypt ? KeyFileCipher.AES256_CTR : KeyFileCipher.NONE;
        SecureRandom random = new SecureRandom();

        SshBuffer priv = new SshBuffer(4096);
        int check = random.nextInt();
        priv.putInt(check).putInt(check);
        priv.putString(key.type().wireName());
        key.type().writeOpenSshPrivate(key, priv);
        priv.putString(key.comment());
        for (int pad = 1; priv.writePosition() % cipher.blockSize() != 0; pad++) {
            priv.putByte(pad);
        }
        byte[] plain = priv.toByteArray();

        SshBuffer out = new SshBuffer(plain.length + 1024);
        out.putRaw(MAGIC).putString(cipher.sshName());
        byte[] encrypted;
        if (encrypt) {
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            out.putString("bcrypt").putString(new SshBuffer(32).putString(salt).putInt(DEFAULT_ROUNDS).toByteArray());
            byte[] keyIv = BcryptPbkdf.derive(passphrase.getBytes(StandardCharsets.UTF_8), salt, DEFAULT_ROUNDS,
                    cipher.keyLength() + cipher.ivLength());
            encrypted = cipher.encrypt(keyIv, plain);
        } else {
            out.putString("none").putString(new byte[0]);
            encrypted = plain;
        }
        out.putInt(1).putString(key.publicBlob()).putString(encrypted);
        Arrays.fill(plain, (byte) 0);
        return armor(out.toByteArray());
    }

    private static String armor(byte[] body) {
        String b64 = Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(body);
        return "-----BEGIN " + LABEL + "-----\n" + b64 + "\n-----END " + LABEL + "-----\n";
    }
}
