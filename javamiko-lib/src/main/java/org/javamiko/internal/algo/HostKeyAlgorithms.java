package org.javamiko.internal.algo;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The server host key (signature) algorithms javamiko verifies, each constant naming itself as
 * on the wire, in the order a client accepts them by default (OpenSSH 9's). Our own public-key
 * authentication offers the same list. {@code ssh-rsa} (SHA-1) is verified only when the user
 * enables it; certificates ({@code *-cert-v01@openssh.com}) are named after these.
 */
public enum HostKeyAlgorithms {
    /** Ed25519 (RFC 8709). */
    SSH_ED25519("ssh-ed25519", "ssh-ed25519", "Ed25519", true),
    /** ECDSA on P-256 with SHA-256 (RFC 5656). */
    ECDSA_NISTP256("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256", "SHA256withECDSA", true),
    /** ECDSA on P-384 with SHA-384. */
    ECDSA_NISTP384("ecdsa-sha2-nistp384", "ecdsa-sha2-nistp384", "SHA384withECDSA", true),
    /** ECDSA on P-521 with SHA-512. */
    ECDSA_NISTP521("ecdsa-sha2-nistp521", "ecdsa-sha2-nistp521", "SHA512withECDSA", true),
    /** RSA with SHA-512 (RFC 8332). */
    RSA_SHA2_512("rsa-sha2-512", "ssh-rsa", "SHA512withRSA", true),
    /** RSA with SHA-256 (RFC 8332). */
    RSA_SHA2_256("rsa-sha2-256", "ssh-rsa", "SHA256withRSA", true),
    /** RSA with SHA-1: only when the user enables it. */
    SSH_RSA("ssh-rsa", "ssh-rsa", "SHA1withRSA", false);

    /** The suffix of an OpenSSH certificate algorithm (PROTOCOL.certkeys). */
    public static final String CERT_SUFFIX = "-cert-v01@openssh.com";

    private final String wireName;
    private final String keyType;
    private final String jcaSignature;
    private final boolean offeredByDefault;
    private volatile Boolean runnable;

    HostKeyAlgorithms(String wireName, String keyType, String jcaSignature, boolean offeredByDefault) {
        this.wireName = wireName;
        this.keyType = keyType;
        this.jcaSignature = jcaSignature;
        this.offeredByDefault = offeredByDefault;
    }

    /**
     * @param name an algorithm name as on the wire (not a certificate name)
     * @return the algorithm, or empty when javamiko does not verify it
     */
    public static Optional<HostKeyAlgorithms> byName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }

    /**
     * @param name an algorithm name as on the wire
     * @return true for the certificate algorithm of one of these, e.g.
     *     {@code rsa-sha2-512-cert-v01@openssh.com} (PROTOCOL.certkeys): such a host key is the
     *     plain key with a certificate, and signs as the plain algorithm
     */
    public static boolean certifies(String name) {
        return name.endsWith(CERT_SUFFIX) && byName(name.substring(0, name.length() - CERT_SUFFIX.length())).isPresent();
    }

    /** @return the names accepted when the user changes nothing, best first */
    public static List<String> defaults() {
        return Arrays.stream(values()).filter(a -> a.offeredByDefault).filter(HostKeyAlgorithms::isRunnable)
                .map(HostKeyAlgorithms::wireName).toList();
    }

    /** @return the name as on the wire */
    public String wireName() {
        return wireName;
    }

    /** @return the type of key it verifies with, as its blob names it (RSA signatures: {@code ssh-rsa}) */
    public String keyType() {
        return keyType;
    }

    /** @return whether a client accepts it when the user changes nothing (no SHA-1) */
    public boolean offeredByDefault() {
        return offeredByDefault;
    }

    /** @return whether the Java runtime has the signature (asked once) */
    public boolean isRunnable() {
        Boolean r = runnable;
        if (r == null) {
            try {
                Signature.getInstance(jcaSignature);
                r = true;
            } catch (GeneralSecurityException e) {
                r = false;
            }
            runnable = r;
        }
        return r;
    }
}
