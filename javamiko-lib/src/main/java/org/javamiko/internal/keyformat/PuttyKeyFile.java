package org.javamiko.internal.keyformat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.javamiko.PasswordRequiredException;
import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * PuTTY's {@code .ppk} private key files, versions 2 (SHA-1 key derivation, HMAC-SHA-1) and 3
 * (Argon2 key derivation, HMAC-SHA-256), unencrypted or aes256-cbc.
 */
public final class PuttyKeyFile {
    /** The first line's prefix. */
    public static final String MAGIC = "PuTTY-User-Key-File-";
    private static final int MAX_LINES = 1024;
    private static final long MAX_ARGON2_MEMORY_KIB = 1L << 20;

    private PuttyKeyFile() {
    }

    /**
     * @param text the whole file
     * @param passphrase the passphrase, or null
     * @return the key pair, comment set
     */
    public static KeyMaterial decode(String text, String passphrase) throws SshException {
        String[] lines = text.split("\\r?\\n");
        int[] pos = {0};
        String first = lines[0].strip();
        int colon = first.indexOf(':');
        if (colon < 0) {
            throw new SshException("Malformed PuTTY key: no key type on the first line");
        }
        int version;
        switch (first.substring(0, colon)) {
            case MAGIC + "2" -> version = 2;
            case MAGIC + "3" -> version = 3;
            default -> throw new SshException("Unsupported PuTTY key file version \"" + first.substring(0, colon)
                    + "\" (supported: 2 and 3; convert older files with puttygen)");
        }
        String algorithm = first.substring(colon + 1).strip();
        pos[0] = 1;
        Map<String, String> headers = new HashMap<>();
        byte[] publicBlob = null;
        byte[] privateBlob = null;
        while (pos[0] < lines.length) {
            String line = lines[pos[0]++].strip();
            if (line.isEmpty()) {
                continue;
            }
            int c = line.indexOf(':');
            if (c < 0) {
                throw new SshException("Malformed PuTTY key: unexpected line \"" + abbreviate(line) + "\"");
            }
            String name = line.substring(0, c).strip();
            String value = line.substring(c + 1).strip();
            if (name.equals("Public-Lines")) {
                publicBlob = base64Lines(lines, pos, value);
            } else if (name.equals("Private-Lines")) {
                privateBlob = base64Lines(lines, pos, value);
            } else {
                headers.put(name, value);
            }
        }
        String encryption = require(headers, "Encryption");
        String comment = headers.getOrDefault("Comment", "");
        String macHex = require(headers, "Private-MAC");
        if (publicBlob == null || privateBlob == null) {
            throw new SshException("Malformed PuTTY key: Public-Lines or Private-Lines missing (truncated file?)");
        }
        boolean encrypted;
        switch (encryption) {
            case "none" -> encrypted = false;
            case "aes256-cbc" -> encrypted = true;
            default -> throw new SshException("Unsupported PuTTY key encryption \"" + encryption + "\"");
        }
        if (encrypted && (passphrase == null || passphrase.isEmpty())) {
            throw new PasswordRequiredException("The PuTTY " + algorithm + " key is encrypted: a passphrase is required");
        }
        byte[] password = encrypted ? passphrase.getBytes(StandardCharsets.UTF_8) : new byte[0];

        byte[] cipherKey;
        byte[] iv;
        byte[] macKey;
        String macAlgorithm;
        if (version == 3) {
            byte[] material = encrypted ? argon2(headers, password) : new byte[80];
            cipherKey = Arrays.copyOfRange(material, 0, 32);
            iv = Arrays.copyOfRange(material, 32, 48);
            macKey = encrypted ? Arrays.copyOfRange(material, 48, 80) : new byte[0];
            macAlgorithm = "HmacSHA256";
        } else {
            cipherKey = Arrays.copyOf(concat(sha1(new byte[] {0, 0, 0, 0}, password), sha1(new byte[] {0, 0, 0, 1}, password)), 32);
            iv = new byte[16];
            macKey = sha1("putty-private-key-file-mac-key".getBytes(StandardCharsets.US_ASCII), password);
            macAlgorithm = "HmacSHA1";
        }
        byte[] privatePlain = encrypted ? aesCbcDecrypt(cipherKey, iv, privateBlob) : privateBlob;

        byte[] macData = new SshBuffer(privatePlain.length + publicBlob.length + 256).putString(algorithm)
                .putString(encryption).putString(comment).putString(publicBlob).putString(privatePlain).toByteArray();
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(macHex);
        } catch (IllegalArgumentException e) {
            throw new SshException("Malformed PuTTY key: Private-MAC is not hex", e);
        }
        if (!MessageDigest.isEqual(hmac(macAlgorithm, macKey, macData), expected)) {
            if (encrypted) {
                throw new WrongPassphraseException("PuTTY key MAC mismatch");
            }
            throw new SshException("The PuTTY key's MAC does not match: the file is corrupt or was edited");
        }
        return build(algorithm, publicBlob, SshBuffer.wrap(privatePlain)).withComment(comment);
    }

    private static KeyMaterial build(String algorithm, byte[] publicBlob, SshBuffer priv) throws SshException {
        SshBuffer pub = SshBuffer.wrap(publicBlob);
        String type = pub.getStringUtf8();
        if (!type.equals(algorithm)) {
            throw new SshException("Malformed PuTTY key: header says " + algorithm + ", public key is " + type);
        }
        return KeyType.forPrivateKey(type).readPuttyPrivate(pub, priv);
    }

    private static byte[] argon2(Map<String, String> headers, byte[] password) throws SshException {
        int type = switch (require(headers, "Key-Derivation")) {
            case "Argon2id" -> Argon2Parameters.ARGON2_id;
            case "Argon2i" -> Argon2Parameters.ARGON2_i;
            case "Argon2d" -> Argon2Parameters.ARGON2_d;
            default -> throw new SshException("Unsupported PuTTY key derivation " + headers.get("Key-Derivation"));
        };
        int memory = number(headers, "Argon2-Memory");
        int passes = number(headers, "Argon2-Passes");
        int parallelism = number(headers, "Argon2-Parallelism");
        if (memory < 8 || memory > MAX_ARGON2_MEMORY_KIB || passes < 1 || passes > 1_000_000 || parallelism < 1
                || parallelism > 64) {
            throw new SshException("Unreasonable Argon2 parameters: memory " + memory + " KiB, passes " + passes
                    + ", parallelism " + parallelism);
        }
        byte[] salt;
        try {
            salt = HexFormat.of().parseHex(require(headers, "Argon2-Salt"));
        } catch (IllegalArgumentException e) {
            throw new SshException("Malformed PuTTY key: Argon2-Salt is not hex", e);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(type).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory).withIterations(passes).withParallelism(parallelism).withSalt(salt).build());
        byte[] out = new byte[80];
        generator.generateBytes(password, out);
        return out;
    }

    private static byte[] base64Lines(String[] lines, int[] pos, String countText) throws SshException {
        int count;
        try {
            count = Integer.parseInt(countText);
        } catch (NumberFormatException e) {
            throw new SshException("Malformed PuTTY key: line count \"" + countText + "\"", e);
        }
        if (count < 0 || count > MAX_LINES || pos[0] + count > lines.length) {
            throw new SshException("Malformed PuTTY key: " + countText + " base64 lines announced, "
                    + (lines.length - pos[0]) + " present (truncated file?)");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(lines[pos[0]++].strip());
        }
        try {
            return Base64.getDecoder().decode(sb.toString());
        } catch (IllegalArgumentException e) {
            throw new SshException("Malformed PuTTY key: invalid base64", e);
        }
    }

    private static String require(Map<String, String> headers, String name) throws SshException {
        String v = headers.get(name);
        if (v == null) {
            throw new SshException("Malformed PuTTY key: no " + name + " line (truncated file?)");
        }
        return v;
    }

    private static int number(Map<String, String> headers, String name) throws SshException {
        try {
            return Integer.parseInt(require(headers, name));
        } catch (NumberFormatException e) {
            throw new SshException("Malformed PuTTY key: " + name + " is not a number", e);
        }
    }

    private static byte[] aesCbcDecrypt(byte[] key, byte[] iv, byte[] data) throws SshException {
        if (data.length % 16 != 0) {
            throw new SshException("Malformed PuTTY key: the private blob is not a whole number of AES blocks");
        }
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new SshException("AES decryption failed: " + e.getMessage(), e);
        }
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            // HMAC zero-pads its key, so one zero byte stands for the empty key the JDK refuses.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }

    private static byte[] sha1(byte[] a, byte[] b) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(a);
            return md.digest(b);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
