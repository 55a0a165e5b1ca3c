package org.javamiko.keys;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A public key, and its private half where one was loaded: the base of every key type.
 *
 * <p>Two keys are equal when their public blobs are equal.
 */
public abstract class PKey {

    /** @return the key type as on the wire, e.g. {@code ssh-ed25519} */
    public abstract String getName();

    /** @return the key size in bits (256 for Ed25519) */
    public abstract int getBits();

    /** @return the public key blob in SSH wire format */
    public abstract byte[] asBytes();

    /** @return true when the private half is present, so the key can sign */
    public abstract boolean canSign();

    /**
     * The signature algorithms this key can sign or verify with, in preference order
     * (for RSA: {@code rsa-sha2-512, rsa-sha2-256, ssh-rsa}).
     *
     * @return algorithm names as on the wire
     */
    public abstract List<String> signatureAlgorithms();

    /**
     * Signs data as the SSH protocol does (RFC 4253 §6.6).
     *
     * @param data the bytes to sign
     * @param algorithm one of {@link #signatureAlgorithms()}
     * @return the signature blob: {@code string algorithm, string signature}
     */
    public abstract byte[] signSshData(byte[] data, String algorithm) throws IOException;

    /**
     * Verifies an SSH signature blob over data.
     *
     * @param data the signed bytes
     * @param signatureBlob {@code string algorithm, string signature}
     * @return true when the signature is valid for this key
     */
    public abstract boolean verifySshSignature(byte[] data, byte[] signatureBlob) throws IOException;

    /** @return the public blob in base64, as in a {@code .pub} line */
    public String getBase64() {
        return Base64.getEncoder().encodeToString(asBytes());
    }

    /** @return {@code SHA256:…} exactly as {@code ssh-keygen -l} prints it */
    public String fingerprint() {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256"));
    }

    /** @return the MD5 digest of the public blob (paramiko's legacy fingerprint) */
    public byte[] getFingerprint() {
        return digest("MD5");
    }

    /** @return one {@code authorized_keys} / {@code .pub} line, without a comment */
    public String publicKeyLine() {
        return getName() + " " + getBase64();
    }

    private byte[] digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(asBytes());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PKey other && Arrays.equals(asBytes(), other.asBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(asBytes());
    }

    @Override
    public String toString() {
        return getName() + " " + fingerprint();
    }

    /**
     * Loads a private key file of any supported format and type.
     *
     * @param privateKey the key file
     * @return the key
     */
    public static PKey fromPath(Path privateKey) throws IOException {
        return fromPath(privateKey, null);
    }

    /**
     * Loads a private key file, decrypting it with the passphrase when it is encrypted.
     *
     * @param privateKey the key file
     * @param passphrase the passphrase, or null
     * @return the key
     */
    public static PKey fromPath(Path privateKey, String passphrase) throws IOException {
        throw new UnsupportedOperationException("key files: in progress (issue 3)");
    }

    /**
     * Parses one public key line, e.g. {@code ssh-ed25519 AAAA… comment}.
     *
     * @param line the line
     * @return the public key
     */
    public static PKey fromPublicKeyLine(String line) throws IOException {
        throw new UnsupportedOperationException("public key lines: in progress (issue 3)");
    }

    /**
     * Parses a public key blob in SSH wire format.
     *
     * @param sshWireBlob the blob
     * @return the public key
     */
    public static PKey fromBlob(byte[] sshWireBlob) throws IOException {
        throw new UnsupportedOperationException("public key blobs: in progress (issue 3)");
    }
}
