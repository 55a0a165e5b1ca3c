package org.javamiko.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Host certificates made by OpenSSH's {@code ssh-keygen -s CA -h}, for the shared host keys of
 * {@link KeySet#hostKeys()} (Ed25519 unless told): give one to a server with
 * {@code OpenSshServer.builder().hostCertificate(cert)}.
 *
 * <pre>{@code
 * static final Path CA = HostCertificates.newCa("ca", SshKeygen.KeyType.ED25519);
 * static final Path CERT = HostCertificates.sign(CA, "good", "-n", "127.0.0.1,localhost");
 * }</pre>
 *
 * <p>Everything lives in one directory deleted when the JVM exits.
 */
public final class HostCertificates {
    private static final Path DIR = TempDirs.createDeletedOnExit("javamiko-hostcerts");

    private HostCertificates() {
    }

    /**
     * Makes a certificate authority key pair.
     *
     * @param name the private key's file name; the public key is {@code name.pub}
     * @return the private key (the {@code -s} argument)
     */
    public static Path newCa(String name, SshKeygen.KeyType type) {
        return SshKeygen.generate(type, DIR.resolve(name), name);
    }

    /** @return the CA's public key line, {@code type base64 comment} */
    public static String publicKeyLine(Path ca) {
        return SshKeygen.publicKeyLine(ca);
    }

    /**
     * Signs the shared Ed25519 host key as a host certificate with key id {@code name}.
     *
     * @param ca the CA's private key
     * @param name names the certificate file, {@code name-cert.pub}
     * @param options more ssh-keygen options, e.g. {@code "-n", "127.0.0.1"}, {@code "-V",
     *     "20200101:20200102"} or {@code "-t", "ssh-rsa"} (the CA signature algorithm)
     * @return the certificate file
     */
    public static Path sign(Path ca, String name, String... options) {
        return sign(KeySet.hostKeys().ed25519(), ca, name, options);
    }

    /**
     * Signs one of the shared host keys as a host certificate with key id {@code name}.
     *
     * @param hostKey the private host key, e.g. {@code KeySet.hostKeys().rsa()}
     * @param ca the CA's private key
     * @param name names the certificate file, {@code name-cert.pub}
     * @param options more ssh-keygen options, as for {@link #sign(Path, String, String...)}
     * @return the certificate file
     */
    public static Path sign(Path hostKey, Path ca, String name, String... options) {
        Path pub = DIR.resolve(name + ".pub");
        try {
            Files.copy(SshKeygen.publicKeyFile(hostKey), pub);
            List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-s", ca.toString(), "-h", "-I", name));
            command.addAll(List.of(options));
            command.add(pub.toString());
            ExternalCommand.of(command).run().requireSuccess();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sign a host certificate with ssh-keygen: " + e.getMessage(), e);
        }
        return DIR.resolve(name + "-cert.pub");
    }
}
