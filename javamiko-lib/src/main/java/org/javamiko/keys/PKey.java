package org.javamiko.keys;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.javamiko.SshException;
import org.javamiko.internal.keyformat.PublicKeyText;

/**
 * A public key, and its private half where one was loaded: the base of every key type.
 *
 * <p>Two keys are equal when their public blobs (without any certificate) are equal. Once a
 * certificate is loaded ({@link #loadCertificate}), {@link #getName()}, {@link #asBytes()} and
 * {@link #signatureAlgorithms()} speak for the certificate, while {@link #fingerprint()} and
 * equality keep describing the key itself, as {@code ssh-keygen -l} does.
 *
 * <pre>{@code
 * // load a private key (any supported format; the passphrase may be null) and log in with it
 * PKey key = PKey.fromPath(Path.of("/home/deploy/.ssh/id_ed25519"), System.getenv("KEY_PASSPHRASE"));
 * System.out.println(key.getName() + " " + key.fingerprint());   // ssh-ed25519 SHA256:...
 * client.connect("build-01", ConnectOptions.builder().username("deploy").pkey(key).build());
 *
 * // make a new key pair: the private file (mode 0600) and its authorized_keys line
 * Ed25519Key fresh = Ed25519Key.generate();
 * fresh.writePrivateKeyFile(Path.of("id_ed25519"), null);
 * Files.writeString(Path.of("id_ed25519.pub"), fresh.publicKeyLine() + "\n");
 * }</pre>
 */
public abstract class PKey {
    private Certificate certificate;
    private String comment = "";

    /** For subclasses only. */
    protected PKey() {
    }

    /** @return the key type as on the wire, e.g. {@code ssh-ed25519}; the certificate type once one is loaded */
    public String getName() {
        return certificate != null ? certificate.getType() : getKeyType();
    }

    /** @return the plain key type, e.g. {@code ssh-rsa}, whether or not a certificate is loaded */
    public abstract String getKeyType();

    /** @return the key size in bits (256 for Ed25519) */
    public abstract int getBits();

    /** @return the public blob in SSH wire format: the certificate blob once one is loaded */
    public byte[] asBytes() {
        return certificate != null ? certificate.getBlob() : keyBlob();
    }

    /** @return the key's own public blob in SSH wire format, never a certificate */
    public abstract byte[] keyBlob();

    /** @return true when the private half is present, so the key can sign */
    public abstract boolean canSign();

    /**
     * The signature algorithms this key can sign or verify with, in preference order
     * (for RSA: {@code rsa-sha2-512, rsa-sha2-256, ssh-rsa}); the certificate variants
     * ({@code rsa-sha2-512-cert-v01@openssh.com}, …) once a certificate is loaded.
     *
     * @return algorithm names as on the wire
     */
    public abstract List<String> signatureAlgorithms();

    /**
     * Signs data as the SSH protocol does (RFC 4253 §6.6).
     *
     * @param data the bytes to sign
     * @param algorithm one of {@link #signatureAlgorithms()}; a certificate algorithm signs as its
     *        plain algorithm, since a certificate changes the key blob, not the signature
     * @return the signature blob: {@code string algorithm, string signature}
     * @throws SshException when the key has no private half or does not know the algorithm
     */
    public abstract byte[] signSshData(byte[] data, String algorithm) throws IOException;

    /**
     * Verifies an SSH signature blob over data.
     *
     * @param data the signed bytes
     * @param signatureBlob {@code string algorithm, string signature}
     * @return true when the signature is valid for this key
     * @throws SshException when the blob is malformed
     */
    public abstract boolean verifySshSignature(byte[] data, byte[] signatureBlob) throws IOException;

    /** @return the public blob in base64, as in a {@code .pub} line (the certificate once one is loaded) */
    public String getBase64() {
        return Base64.getEncoder().encodeToString(asBytes());
    }

    /** @return {@code SHA256:…} exactly as {@code ssh-keygen -l} prints it; always of the key, not a certificate */
    public String fingerprint() {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256"));
    }

    /** @return the MD5 digest of the key's public blob (paramiko's legacy fingerprint) */
    public byte[] getFingerprint() {
        return digest("MD5");
    }

    /** @return one {@code authorized_keys} / {@code .pub} line, without a comment */
    public String publicKeyLine() {
        return getName() + " " + getBase64();
    }

    /** @return the comment stored with the key (OpenSSH key files and .pub lines carry one); empty when none */
    public String getComment() {
        return comment;
    }

    /** @param comment the comment written with the key; null is taken as empty */
    public void setComment(String comment) {
        this.comment = comment == null ? "" : comment;
    }

    /** @return the loaded certificate, or null when none is loaded */
    public Certificate getCertificate() {
        return certificate;
    }

    /**
     * Loads an OpenSSH certificate for this key (a {@code -cert.pub} file).
     *
     * @param certFile the certificate file
     * @throws SshException when the file holds no certificate or one certifying another key
     */
    public void loadCertificate(Path certFile) throws IOException {
        setCertificate(KeyFiles.loadCertificate(certFile));
    }

    /**
     * Attaches a parsed certificate to this key.
     *
     * @param cert the certificate; it must certify this very key
     * @throws SshException when the certificate is for another key
     */
    public void setCertificate(Certificate cert) throws SshException {
        if (!Arrays.equals(cert.getKey().keyBlob(), keyBlob())) {
            throw new SshException("The certificate (" + cert.getType() + ", key " + cert.getKey().fingerprint()
                    + ") does not certify this key (" + fingerprint() + ")");
        }
        this.certificate = cert;
    }

    /**
     * Writes the private key in OpenSSH's format, readable by {@code ssh-keygen} and {@code ssh}.
     * The file is created with mode 0600 (an existing file's mode is never widened).
     *
     * @param file where to write
     * @param passphrase encrypts the key (bcrypt-pbkdf, aes256-ctr) when not null or empty
     * @throws SshException when this key has no private half
     */
    public void writePrivateKeyFile(Path file, String passphrase) throws IOException {
        KeyFiles.writePrivateKey(this, file, passphrase);
    }

    /**
     * The certificate names for plain algorithm names: {@code rsa-sha2-512} becomes
     * {@code rsa-sha2-512-cert-v01@openssh.com} when a certificate is loaded.
     *
     * @param plain the key's own algorithms
     * @return the names to offer
     */
    protected final List<String> offeredAlgorithms(List<String> plain) {
        if (certificate == null) {
            return plain;
        }
        return plain.stream().map(Certificate::certificateAlgorithm).toList();
    }

    /**
     * Maps a certificate algorithm name back to the plain signature algorithm.
     *
     * @param algorithm a name from {@link #signatureAlgorithms()}
     * @return the plain name, used inside the signature blob
     */
    protected static String plainAlgorithm(String algorithm) {
        return Certificate.plainAlgorithm(algorithm);
    }

    private byte[] digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(keyBlob());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PKey other && Arrays.equals(keyBlob(), other.keyBlob());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keyBlob());
    }

    @Override
    public String toString() {
        return getName() + " " + fingerprint();
    }

    /**
     * Loads a private key file of any supported format and type: OpenSSH, PEM (PKCS#1, SEC1),
     * PKCS#8, PuTTY. A {@code <file>-cert.pub} beside it is loaded as its certificate; given a
     * {@code -cert.pub} path, the key beside it is loaded with that certificate.
     *
     * @param privateKey the key file
     * @return the key
     * @throws org.javamiko.PasswordRequiredException when the key is encrypted
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     * @throws SshException when the file is not a key this library reads, naming the file
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
     * @throws org.javamiko.PasswordRequiredException when the key is encrypted and no passphrase is given
     * @throws SshException when the passphrase is wrong, or the file is not a key this library reads
     */
    public static PKey fromPath(Path privateKey, String passphrase) throws IOException {
        return KeyFiles.load(privateKey, passphrase);
    }

    /**
     * Parses one public key line, e.g. {@code ssh-ed25519 AAAA… comment}; an
     * {@code authorized_keys} options prefix ({@code from="…",no-pty ssh-rsa AAAA…}) is skipped.
     *
     * @param line the line
     * @return the public key (with its certificate when the line holds one)
     * @throws SshException when the line holds no key this library reads
     */
    public static PKey fromPublicKeyLine(String line) throws IOException {
        return KeyFiles.fromText(PublicKeyText.parseLine(line));
    }

    /**
     * Parses a public key blob in SSH wire format (a certificate blob gives its key with the
     * certificate loaded).
     *
     * @param sshWireBlob the blob
     * @return the public key
     * @throws SshException when the blob is malformed or of an unsupported type
     */
    public static PKey fromBlob(byte[] sshWireBlob) throws IOException {
        return PublicBlobs.decode(sshWireBlob);
    }
}
