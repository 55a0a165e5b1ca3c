package org.javamiko.keys;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.javamiko.SshException;
import org.javamiko.internal.algo.HostKeyAlgorithms;
import org.javamiko.internal.wire.SshBuffer;

/**
 * An OpenSSH certificate (PROTOCOL.certkeys): a public key signed by a certificate authority,
 * with serial, principals, validity, options and extensions. Parsing verifies the CA's signature,
 * so every instance carries a signature that checked out.
 */
public final class Certificate {
    /** Certificate type of a user certificate. */
    public static final int USER = 1;
    /** Certificate type of a host certificate. */
    public static final int HOST = 2;

    private static final String SUFFIX = HostKeyAlgorithms.CERT_SUFFIX;

    private final String type;
    private final byte[] blob;
    private final byte[] nonce;
    private final PKey key;
    private final long serial;
    private final int certType;
    private final String keyId;
    private final List<String> principals;
    private final long validAfter;
    private final long validBefore;
    private final Map<String, String> criticalOptions;
    private final Map<String, String> extensions;
    private final PKey signatureKey;
    private final String signatureAlgorithm;

    private Certificate(String type, byte[] blob, byte[] nonce, PKey key, long serial, int certType, String keyId,
            List<String> principals, long validAfter, long validBefore, Map<String, String> criticalOptions,
            Map<String, String> extensions, PKey signatureKey, String signatureAlgorithm) {
        this.type = type;
        this.blob = blob;
        this.nonce = nonce;
        this.key = key;
        this.serial = serial;
        this.certType = certType;
        this.keyId = keyId;
        this.principals = principals;
        this.validAfter = validAfter;
        this.validBefore = validBefore;
        this.criticalOptions = criticalOptions;
        this.extensions = extensions;
        this.signatureKey = signatureKey;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /**
     * @param type a key or algorithm name
     * @return true for an OpenSSH certificate name ({@code …-cert-v01@openssh.com})
     */
    public static boolean isCertificateType(String type) {
        return type.endsWith(SUFFIX);
    }

    /**
     * @param plain a plain algorithm, e.g. {@code rsa-sha2-256} or {@code sk-ssh-ed25519@openssh.com}
     * @return its certificate algorithm, e.g. {@code rsa-sha2-256-cert-v01@openssh.com}
     */
    public static String certificateAlgorithm(String plain) {
        if (plain.endsWith("@openssh.com")) {
            return plain.substring(0, plain.length() - "@openssh.com".length()) + SUFFIX;
        }
        return plain + SUFFIX;
    }

    /**
     * @param algorithm a plain or certificate algorithm name
     * @return the plain name ({@code sk-ssh-ed25519-cert-v01@openssh.com} gives {@code sk-ssh-ed25519@openssh.com})
     */
    public static String plainAlgorithm(String algorithm) {
        if (!isCertificateType(algorithm)) {
            return algorithm;
        }
        String base = algorithm.substring(0, algorithm.length() - SUFFIX.length());
        return base.startsWith("sk-") ? base + "@openssh.com" : base;
    }

    /**
     * Parses a certificate blob and verifies its CA signature.
     *
     * @param blob the certificate in SSH wire format
     * @return the certificate
     * @throws SshException when it is malformed, of an unsupported type, or its signature is invalid
     */
    public static Certificate parse(byte[] blob) throws SshException {
        SshBuffer buf = SshBuffer.wrap(blob);
        String type = buf.getStringUtf8();
        if (!isCertificateType(type)) {
            throw new SshException("Not an OpenSSH certificate: type " + type);
        }
        byte[] nonce = buf.getString();
        PKey key = PublicBlobs.readKeyFields(plainAlgorithm(type), buf);
        long serial = buf.getLong();
        int certType = buf.getInt();
        String keyId = buf.getStringUtf8();
        List<String> principals = readStrings(buf.getString());
        long validAfter = buf.getLong();
        long validBefore = buf.getLong();
        Map<String, String> critical = readOptions(buf.getString());
        Map<String, String> extensions = readOptions(buf.getString());
        buf.getString(); // reserved
        byte[] caBlob = buf.getString();
        int signedLength = buf.readPosition();
        byte[] signature = buf.getString();
        if (buf.available() != 0) {
            throw new SshException("Malformed " + type + ": " + buf.available() + " bytes after the signature");
        }
        if (certType != USER && certType != HOST) {
            throw new SshException("Malformed " + type + ": certificate type " + certType + " is neither user nor host");
        }
        PKey ca = PublicBlobs.decode(caBlob);
        if (ca.getCertificate() != null) {
            throw new SshException("Malformed " + type + ": signed by a certificate, not a plain CA key");
        }
        byte[] signed = Arrays.copyOf(blob, signedLength);
        String signatureAlgorithm = SshBuffer.wrap(signature).getStringUtf8();
        boolean valid;
        try {
            valid = ca.verifySshSignature(signed, signature);
        } catch (IOException e) {
            throw new SshException("Malformed " + type + " signature: " + e.getMessage(), e);
        }
        if (!valid) {
            throw new SshException("The " + type + " (key id \"" + keyId + "\") has an invalid CA signature");
        }
        return new Certificate(type, blob.clone(), nonce, key, serial, certType, keyId, principals, validAfter,
                validBefore, critical, extensions, ca, signatureAlgorithm);
    }

    private static List<String> readStrings(byte[] packed) throws SshException {
        SshBuffer b = SshBuffer.wrap(packed);
        List<String> out = new ArrayList<>();
        while (b.available() > 0) {
            out.add(b.getStringUtf8());
        }
        return List.copyOf(out);
    }

    /** Options and extensions: name, then a string that itself holds a string value (or nothing). */
    private static Map<String, String> readOptions(byte[] packed) throws SshException {
        SshBuffer b = SshBuffer.wrap(packed);
        Map<String, String> out = new LinkedHashMap<>();
        while (b.available() > 0) {
            String name = b.getStringUtf8();
            byte[] data = b.getString();
            out.put(name, data.length == 0 ? "" : SshBuffer.wrap(data).getStringUtf8());
        }
        return Collections.unmodifiableMap(out);
    }

    /** @return the certificate type name, e.g. {@code ssh-ed25519-cert-v01@openssh.com} */
    public String getType() {
        return type;
    }

    /** @return the certificate blob in SSH wire format */
    public byte[] getBlob() {
        return blob.clone();
    }

    /** @return the CA's random nonce */
    public byte[] getNonce() {
        return nonce.clone();
    }

    /** @return the certified public key */
    public PKey getKey() {
        return key;
    }

    /** @return the serial number (unsigned 64-bit, as Java's long) */
    public long getSerial() {
        return serial;
    }

    /** @return {@link #USER} or {@link #HOST} */
    public int getCertType() {
        return certType;
    }

    /** @return the key id the CA wrote */
    public String getKeyId() {
        return keyId;
    }

    /** @return the principals; empty means any */
    public List<String> getPrincipals() {
        return principals;
    }

    /** @return seconds since the epoch from which it is valid */
    public long getValidAfter() {
        return validAfter;
    }

    /** @return seconds since the epoch until which it is valid (unsigned; {@code -1} is forever) */
    public long getValidBefore() {
        return validBefore;
    }

    /**
     * @param when an instant
     * @return true when the validity interval contains it
     */
    public boolean isValidAt(Instant when) {
        long t = when.getEpochSecond();
        return Long.compareUnsigned(t, validAfter) >= 0 && Long.compareUnsigned(t, validBefore) < 0;
    }

    /** @return critical options by name (value empty when the option has none), in certificate order */
    public Map<String, String> getCriticalOptions() {
        return criticalOptions;
    }

    /** @return extensions by name (value empty when it has none), in certificate order */
    public Map<String, String> getExtensions() {
        return extensions;
    }

    /** @return the CA key that signed the certificate */
    public PKey getSignatureKey() {
        return signatureKey;
    }

    /**
     * The algorithm of the CA's signature over the certificate, which a client may restrict as
     * OpenSSH's {@code CASignatureAlgorithms} does: an RSA CA signs with {@code rsa-sha2-512},
     * {@code rsa-sha2-256} or the SHA-1 {@code ssh-rsa}.
     *
     * @return the signature algorithm name, e.g. {@code ssh-ed25519} or {@code rsa-sha2-512}
     */
    public String getSignatureAlgorithm() {
        return signatureAlgorithm;
    }

    @Override
    public String toString() {
        return type + " serial " + Long.toUnsignedString(serial) + " id \"" + keyId + "\" for " + key.fingerprint()
                + " signed by " + signatureKey.fingerprint();
    }
}
