package org.javamiko.internal.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.javamiko.keys.Certificate;
import org.javamiko.keys.PKey;
import org.slf4j.Logger;

/** The public files beside the private ones an ssh_config names: {@code .pub} halves and CertificateFile. */
public final class IdentityFiles {
    private IdentityFiles() {
    }

    /**
     * The public blob of a key file that could not be loaded (encrypted, no passphrase), from the
     * {@code .pub} beside it, so the agent's copy of that key still counts as this identity.
     *
     * @param keyFile the private key file
     * @param log where a broken {@code .pub} is mentioned (DEBUG)
     * @return the key's public blob, or null when there is no readable {@code .pub}
     */
    public static byte[] publicHalf(Path keyFile, Logger log) {
        Path pub = Path.of(keyFile + ".pub");
        if (!Files.isRegularFile(pub)) {
            return null;
        }
        try {
            return PKey.fromPublicKeyLine(Files.readString(pub, StandardCharsets.UTF_8).strip()).keyBlob();
        } catch (IOException e) {
            log.debug("Ignoring {}: {}", pub, e.getMessage());
            return null;
        }
    }

    /**
     * The user certificates of CertificateFile, in order. As {@code ssh}, a missing file is skipped
     * (DEBUG); a file that is not a user certificate is skipped with a warning naming it.
     *
     * @param files the CertificateFile values, tokens and {@code ~} already expanded
     * @param log where skipped files are mentioned
     * @return the certificates
     */
    public static List<Certificate> certificates(List<Path> files, Logger log) {
        List<Certificate> certificates = new ArrayList<>();
        for (Path file : files) {
            if (!Files.exists(file)) {
                log.debug("CertificateFile {} does not exist; skipped", file);
                continue;
            }
            try {
                Certificate cert = PKey.fromPublicKeyLine(Files.readString(file, StandardCharsets.UTF_8).strip())
                        .getCertificate();
                if (cert == null || cert.getCertType() != Certificate.USER) {
                    log.warn("CertificateFile {} holds no user certificate ({}); skipped", file,
                            cert == null ? "a plain public key" : "a host certificate");
                } else {
                    certificates.add(cert);
                }
            } catch (IOException e) {
                log.warn("CertificateFile {} cannot be read as a certificate ({}); skipped", file, e.getMessage());
            }
        }
        return certificates;
    }
}
