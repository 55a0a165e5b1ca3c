package org.javamiko.internal.keyformat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.Base64;

import org.javamiko.PasswordRequiredException;
import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.javamiko.keys.EcdsaKey;
import org.javamiko.keys.Ed25519Key;
import org.javamiko.keys.PKey;
import org.javamiko.keys.RsaKey;
import org.javamiko.keys.SkEcdsaKey;
import org.javamiko.keys.SkEd25519Key;

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
    public static PKey decode(byte[] body, String passphrase) throws IOException {
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
        PKey publicKey = PKey.fromBlob(buf.getString());
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
                throw new PasswordRequiredException("The " + publicKey.getKeyType() + " key is encrypted ("
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

    private static PKey decodePrivate(byte[] plain, PKey publicKey) throws SshException {
        SshBuffer buf = SshBuffer.wrap(plain);
        if (buf.getInt() != buf.getInt()) {
            throw new WrongPassphraseException("check bytes differ");
        }
        String type = buf.getStringUtf8();
        PKey key = readPrivateFields(type, buf);
        key.setComment(buf.getStringUtf8());
        // The padding after the comment (1, 2, 3, …) is not checked: files from older tools vary.
        if (!Arrays.equals(key.keyBlob(), publicKey.keyBlob())) {
            throw new SshException("The private key does not match the public key stored beside it (corrupt key?)");
        }
        return key;
    }

    private static PKey readPrivateFields(String type, SshBuffer buf) throws SshException {
        switch (type) {
            case Ed25519Key.TYPE: {
                byte[] pk = buf.getString();
                byte[] sk = buf.getString();
                if (sk.length != 64) {
                    throw new SshException("Malformed Ed25519 private key: " + sk.length + " bytes, not 64");
                }
                return new Ed25519Key(pk, Arrays.copyOf(sk, 32));
            }
            case RsaKey.TYPE: {
                BigInteger n = buf.getMpint();
                BigInteger e = buf.getMpint();
                BigInteger d = buf.getMpint();
                BigInteger iqmp = buf.getMpint();
                BigInteger p = buf.getMpint();
                BigInteger q = buf.getMpint();
                return RsaKey.ofPrivate(n, e, d, p, q, iqmp);
            }
            case "ecdsa-sha2-nistp256":
            case "ecdsa-sha2-nistp384":
            case "ecdsa-sha2-nistp521": {
                String curve = buf.getStringUtf8();
                byte[] point = buf.getString();
                return EcdsaKey.of(curve, point, buf.getMpint());
            }
            case SkEd25519Key.TYPE: {
                SkEd25519Key key = new SkEd25519Key(buf.getString(), buf.getStringUtf8());
                skipSecurityKeyHandle(buf);
                return key;
            }
            case SkEcdsaKey.TYPE: {
                String curve = buf.getStringUtf8();
                EcdsaKey inner = EcdsaKey.of(curve, buf.getString(), null);
                SkEcdsaKey key = new SkEcdsaKey(inner, buf.getStringUtf8());
                skipSecurityKeyHandle(buf);
                return key;
            }
            default:
                throw new SshException(unsupportedType(type));
        }
    }

    /** flags, key handle and reserved: they only mean something to the hardware token. */
    private static void skipSecurityKeyHandle(SshBuffer buf) throws SshException {
        buf.getByte();
        buf.getString();
        buf.getString();
    }

    static String unsupportedType(String type) {
        if ("ssh-dss".equals(type)) {
            return "Unsupported key type DSA (ssh-dss): DSA keys are limited to 1024 bits and SHA-1";
        }
        return "Unsupported key type \"" + type + "\"";
    }

    /**
     * Encodes a key pair in OpenSSH's format, armored.
     *
     * @param key a key that can sign (Ed25519, ECDSA or RSA)
     * @param passphrase null or empty for an unencrypted file; otherwise bcrypt-pbkdf (16 rounds) and aes256-ctr
     * @return the file's text
     * @throws SshException when the key has no private half
     */
    public static String encode(PKey key, String passphrase) throws SshException {
        if (!key.canSign()) {
            throw new SshException("Cannot write a private key file for a " + key.getKeyType()
                    + " key without its private half");
        }
        boolean encrypt = passphrase != null && !passphrase.isEmpty();
        KeyFileCipher cipher = encrypt ? KeyFileCipher.AES256_CTR : KeyFileCipher.NONE;
        SecureRandom random = new SecureRandom();

        SshBuffer priv = new SshBuffer(4096);
        int check = random.nextInt();
        priv.putInt(check).putInt(check);
        writePrivateFields(key, priv);
        priv.putString(key.getComment());
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
        out.putInt(1).putString(key.keyBlob()).putString(encrypted);
        Arrays.fill(plain, (byte) 0);
        return armor(out.toByteArray());
    }

    private static void writePrivateFields(PKey key, SshBuffer out) throws SshException {
        out.putString(key.getKeyType());
        if (key instanceof Ed25519Key ed) {
            byte[] pk = ed.getPublicKeyBytes();
            byte[] sk = Arrays.copyOf(ed.getSeed(), 64);
            System.arraycopy(pk, 0, sk, 32, 32);
            out.putString(pk).putString(sk);
        } else if (key instanceof RsaKey rsa) {
            RSAPrivateCrtKey k = rsa.getPrivateKey();
            out.putMpint(k.getModulus()).putMpint(k.getPublicExponent()).putMpint(k.getPrivateExponent())
                    .putMpint(k.getCrtCoefficient()).putMpint(k.getPrimeP()).putMpint(k.getPrimeQ());
        } else if (key instanceof EcdsaKey ec) {
            out.putString(ec.getCurveName()).putString(ec.getPublicPoint()).putMpint(ec.getPrivateKey().getS());
        } else {
            throw new SshException("Cannot write a " + key.getKeyType() + " key in OpenSSH format");
        }
    }

    private static String armor(byte[] body) {
        String b64 = Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(body);
        return "-----BEGIN " + LABEL + "-----\n" + b64 + "\n-----END " + LABEL + "-----\n";
    }
}
