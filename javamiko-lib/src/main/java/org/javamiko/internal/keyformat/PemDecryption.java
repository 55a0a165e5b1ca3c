package org.javamiko.internal.keyformat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.util.Locale;

import org.bouncycastle.crypto.generators.SCrypt;
import org.javamiko.SshException;

/**
 * Decryption of PEM keys: OpenSSL's legacy {@code Proc-Type: 4,ENCRYPTED} / {@code DEK-Info}
 * headers (EVP_BytesToKey with MD5), and PKCS#8 {@code ENCRYPTED PRIVATE KEY} with PBES2
 * (PBKDF2 or scrypt, then AES-CBC or 3DES-CBC).
 */
final class PemDecryption {
    private static final String PBES2 = "1.2.840.113549.1.5.13";
    private static final String PBKDF2 = "1.2.840.113549.1.5.12";
    private static final String SCRYPT = "1.3.6.1.4.1.11591.4.11";
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final long MAX_SCRYPT_MEMORY = 256L << 20;

    private PemDecryption() {
    }

    /**
     * @param dekInfo the DEK-Info header, e.g. {@code AES-128-CBC,0123…}
     * @return the decrypted DER
     * @throws WrongPassphraseException when the padding does not check out
     */
    static byte[] legacy(String dekInfo, byte[] body, String passphrase) throws SshException {
        String[] parts = dekInfo.split(",", 2);
        if (parts.length != 2) {
            throw new SshException("Malformed DEK-Info header \"" + dekInfo + "\"");
        }
        String name = parts[0].strip().toUpperCase(Locale.ROOT);
        byte[] iv;
        try {
            iv = HexFormat.of().parseHex(parts[1].strip());
        } catch (IllegalArgumentException e) {
            throw new SshException("Malformed DEK-Info IV \"" + parts[1] + "\"", e);
        }
        String transformation;
        String keyAlg;
        int keyLength;
        switch (name) {
            case "AES-128-CBC" -> { transformation = "AES/CBC/PKCS5Padding"; keyAlg = "AES"; keyLength = 16; }
            case "AES-192-CBC" -> { transformation = "AES/CBC/PKCS5Padding"; keyAlg = "AES"; keyLength = 24; }
            case "AES-256-CBC" -> { transformation = "AES/CBC/PKCS5Padding"; keyAlg = "AES"; keyLength = 32; }
            case "DES-EDE3-CBC" -> { transformation = "DESede/CBC/PKCS5Padding"; keyAlg = "DESede"; keyLength = 24; }
            default -> throw new SshException("Unsupported PEM encryption " + name
                    + " (supported: AES-128/192/256-CBC, DES-EDE3-CBC)");
        }
        int ivLength = keyAlg.equals("AES") ? 16 : 8;
        if (iv.length != ivLength) {
            throw new SshException("Malformed DEK-Info: " + name + " needs a " + ivLength + "-byte IV");
        }
        byte[] key = bytesToKey(passphrase.getBytes(StandardCharsets.UTF_8), Arrays.copyOf(iv, 8), keyLength);
        return decrypt(transformation, new SecretKeySpec(key, keyAlg), iv, body);
    }

    /** OpenSSL's EVP_BytesToKey with MD5 and one iteration: D_i = MD5(D_{i-1} || password || salt). */
    static byte[] bytesToKey(byte[] password, byte[] salt, int length) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] out = new byte[length];
            byte[] previous = new byte[0];
            for (int filled = 0; filled < length; ) {
                md5.update(previous);
                md5.update(password);
                md5.update(salt);
                previous = md5.digest();
                int n = Math.min(previous.length, length - filled);
                System.arraycopy(previous, 0, out, filled, n);
                filled += n;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }

    /**
     * EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier, encryptedData OCTET STRING }
     *
     * @return the PrivateKeyInfo DER
     */
    static byte[] pkcs8(byte[] der, String passphrase) throws SshException {
        DerReader seq = new DerReader(der).sequence();
        DerReader alg = seq.sequence();
        String scheme = alg.oid();
        if (!PBES2.equals(scheme)) {
            throw new SshException("Unsupported PKCS#8 encryption scheme " + scheme
                    + " (supported: PBES2 with PBKDF2 or scrypt; re-encrypt with a current OpenSSL)");
        }
        byte[] encrypted = seq.octetString();
        DerReader params = alg.sequence();
        DerReader kdf = params.sequence();
        String kdfOid = kdf.oid();
        DerReader enc = params.sequence();
        String encOid = enc.oid();
        byte[] iv = enc.octetString();

        String transformation = "AES/CBC/PKCS5Padding";
        String keyAlg = "AES";
        int keyLength = switch (encOid) {
            case "2.16.840.1.101.3.4.1.2" -> 16;
            case "2.16.840.1.101.3.4.1.22" -> 24;
            case "2.16.840.1.101.3.4.1.42" -> 32;
            case "1.2.840.113549.3.7" -> {
                transformation = "DESede/CBC/PKCS5Padding";
                keyAlg = "DESede";
                yield 24;
            }
            default -> throw new SshException("Unsupported PKCS#8 cipher OID " + encOid
                    + " (supported: AES-128/192/256-CBC, DES-EDE3-CBC)");
        };
        byte[] password = passphrase.getBytes(StandardCharsets.UTF_8);
        byte[] key;
        DerReader kp = kdf.sequence();
        if (PBKDF2.equals(kdfOid)) {
            byte[] salt = kp.octetString();
            int iterations = kp.smallInteger();
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                throw new SshException("Unreasonable PBKDF2 iteration count " + iterations);
            }
            if (kp.peekTag() == DerReader.INTEGER) {
                kp.integer(); // keyLength: implied by the cipher
            }
            String prf = "HmacSHA1";
            if (kp.peekTag() == DerReader.SEQUENCE) {
                prf = hmacFor(kp.sequence().oid());
            }
            key = pbkdf2(prf, password, salt, iterations, keyLength);
        } else if (SCRYPT.equals(kdfOid)) {
            byte[] salt = kp.octetString();
            int n = kp.smallInteger();
            int r = kp.smallInteger();
            int p = kp.smallInteger();
            if (n < 2 || (n & (n - 1)) != 0 || r < 1 || p < 1 || p > 16 || 128L * r * n > MAX_SCRYPT_MEMORY) {
                throw new SshException("Unreasonable scrypt parameters N=" + n + " r=" + r + " p=" + p);
            }
            key = SCrypt.generate(password, salt, n, r, p, keyLength);
        } else {
            throw new SshException("Unsupported PKCS#8 key derivation " + kdfOid + " (supported: PBKDF2, scrypt)");
        }
        return decrypt(transformation, new SecretKeySpec(key, keyAlg), iv, encrypted);
    }

    private static String hmacFor(String oid) throws SshException {
        return switch (oid) {
            case "1.2.840.113549.2.7" -> "HmacSHA1";
            case "1.2.840.113549.2.8" -> "HmacSHA224";
            case "1.2.840.113549.2.9" -> "HmacSHA256";
            case "1.2.840.113549.2.10" -> "HmacSHA384";
            case "1.2.840.113549.2.11" -> "HmacSHA512";
            default -> throw new SshException("Unsupported PBKDF2 PRF " + oid);
        };
    }

    /** PBKDF2 (RFC 8018 §5.2) over the passphrase's bytes, as OpenSSL uses them. */
    static byte[] pbkdf2(String hmac, byte[] password, byte[] salt, int iterations, int length) {
        try {
            Mac mac = Mac.getInstance(hmac);
            // An empty HMAC key is legal but the JDK's SecretKeySpec refuses it; HMAC pads keys with zeros anyway.
            mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, hmac));
            byte[] out = new byte[length];
            int h = mac.getMacLength();
            for (int block = 1, filled = 0; filled < length; block++) {
                mac.update(salt);
                mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                byte[] u = mac.doFinal();
                byte[] t = u.clone();
                for (int i = 1; i < iterations; i++) {
                    u = mac.doFinal(u);
                    for (int j = 0; j < h; j++) {
                        t[j] ^= u[j];
                    }
                }
                int n = Math.min(h, length - filled);
                System.arraycopy(t, 0, out, filled, n);
                filled += n;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmac + " is missing from the JDK", e);
        }
    }

    private static byte[] decrypt(String transformation, SecretKeySpec key, byte[] iv, byte[] body) throws SshException {
        try {
            Cipher c = Cipher.getInstance(transformation);
            c.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv));
            return c.doFinal(body);
        } catch (BadPaddingException e) {
            throw new WrongPassphraseException("bad padding after decryption");
        } catch (GeneralSecurityException e) {
            throw new SshException("Decryption failed: " + e.getMessage(), e);
        }
    }
}
