package org.javamiko;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.javamiko.keys.Certificate;

/**
 * The checks OpenSSH's client makes on a host certificate once its CA is trusted for the host
 * ({@code sshkey_cert_check_host} with the default {@code CASignatureAlgorithms}), as a pure
 * function: the certificate, the name the host was asked for, and the time.
 */
final class HostCertificateCheck {
    /**
     * OpenSSH's default {@code CASignatureAlgorithms} (8.2 and later): every CA signature
     * algorithm but the SHA-1 {@code ssh-rsa} (and DSA, which javamiko does not read at all).
     */
    static final Set<String> ALLOWED_CA_SIGNATURES = Set.of("ssh-ed25519", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com", "rsa-sha2-512", "rsa-sha2-256");

    private HostCertificateCheck() {
    }

    /**
     * Why a host certificate signed by a trusted CA must still be refused, in OpenSSH's order:
     * type, validity, principals, critical options, CA signature algorithm.
     *
     * @param cert the server's certificate, its CA signature already verified
     * @param hostName the host name as asked for (the HostKeyAlias when one is set), without the
     *     port: OpenSSH compares it to each principal exactly, without patterns
     * @param now the time to check the validity against
     * @return the reason, or empty when the certificate is acceptable
     */
    static Optional<String> refusal(Certificate cert, String hostName, Instant now) {
        if (cert.getCertType() != Certificate.HOST) {
            return Optional.of("it is a user certificate, not a host certificate");
        }
        long t = now.getEpochSecond();
        if (Long.compareUnsigned(t, cert.getValidAfter()) < 0) {
            return Optional.of("it is not valid before " + time(cert.getValidAfter()) + " (now " + now
                    + "; is this machine's clock right?)");
        }
        if (Long.compareUnsigned(t, cert.getValidBefore()) >= 0) {
            return Optional.of("it expired at " + time(cert.getValidBefore()) + "; the server needs a renewed certificate");
        }
        // An empty list means any host: OpenSSH's client requires no principal for host certificates.
        if (!cert.getPrincipals().isEmpty() && !cert.getPrincipals().contains(hostName)) {
            return Optional.of("'" + hostName + "' is not among its principals " + cert.getPrincipals()
                    + " (connect with one of those names, or set HostKeyAlias)");
        }
        if (!cert.getCriticalOptions().isEmpty()) {
            return Optional.of("it has critical options " + cert.getCriticalOptions().keySet()
                    + "; none are defined for host certificates (PROTOCOL.certkeys), so OpenSSH refuses any");
        }
        if (!ALLOWED_CA_SIGNATURES.contains(cert.getSignatureAlgorithm())) {
            return Optional.of("its CA signed it with " + cert.getSignatureAlgorithm()
                    + (cert.getSignatureAlgorithm().equals("ssh-rsa") ? " (SHA-1)" : "")
                    + ", which OpenSSH refuses too since 8.2 (CASignatureAlgorithms); re-sign it with"
                    + " 'ssh-keygen -s CA_KEY -t rsa-sha2-512 -h ...'");
        }
        return Optional.empty();
    }

    /** Seconds since the epoch, unsigned as in the certificate, as an ISO-8601 instant. */
    private static String time(long epochSeconds) {
        if (epochSeconds < 0 || epochSeconds > Instant.MAX.getEpochSecond()) {
            return Long.toUnsignedString(epochSeconds) + " (seconds since 1970)";
        }
        return Instant.ofEpochSecond(epochSeconds).toString();
    }
}
