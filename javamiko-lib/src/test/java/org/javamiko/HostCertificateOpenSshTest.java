package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.javamiko.keys.PKey;
import org.javamiko.testing.Connect;
import org.javamiko.testing.HostCertificates;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.javamiko.testing.SshKeygen.KeyType;
import org.javamiko.transport.Negotiated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Host certificates against sshd with {@code HostCertificate} set: a known_hosts
 * {@code @cert-authority} line trusts the host as OpenSSH's client does ({@code sshconnect.c}),
 * every refusal names its reason, and a refused or unknown certificate falls back to its plain
 * key exactly as {@code ssh} does.
 */
class HostCertificateOpenSshTest {
    private static final Path CA = HostCertificates.newCa("host_ca", KeyType.ED25519);
    private static final Path OTHER_CA = HostCertificates.newCa("other_ca", KeyType.ED25519);
    private static final Path RSA_CA = HostCertificates.newCa("rsa_host_ca", KeyType.RSA_3072);

    /** A certificate for each host key type. */
    @RegisterExtension
    static final OpenSshServer certified = OpenSshServer.builder()
            .hostCertificate(HostCertificates.sign(CA, "good", "-n", "localhost,127.0.0.1"))
            .hostCertificate(HostCertificates.sign(KeySet.hostKeys().ecdsa(), CA, "good-ecdsa", "-n", "127.0.0.1"))
            .hostCertificate(HostCertificates.sign(KeySet.hostKeys().rsa(), CA, "good-rsa", "-n", "127.0.0.1"))
            .build();

    @RegisterExtension
    static final OpenSshServer otherName = OpenSshServer.builder()
            .hostCertificate(HostCertificates.sign(CA, "other-name", "-n", "db.example")).build();

    @RegisterExtension
    static final OpenSshServer expired = OpenSshServer.builder()
            .hostCertificate(HostCertificates.sign(CA, "expired", "-n", "127.0.0.1", "-V", "20200101:20200102")).build();

    @RegisterExtension
    static final OpenSshServer sha1Signed = OpenSshServer.builder()
            .hostCertificate(HostCertificates.sign(RSA_CA, "sha1", "-n", "127.0.0.1", "-t", "ssh-rsa")).build();

    @TempDir
    Path dir;

    private static String knownName(OpenSshServer server) {
        return "[" + server.host() + "]:" + server.port();
    }

    private static String caLine(OpenSshServer server, Path ca) {
        return "@cert-authority " + knownName(server) + " " + HostCertificates.publicKeyLine(ca);
    }

    private static String plainKeyLine(OpenSshServer server) {
        return knownName(server) + " " + server.hostPublicKeys().get(0);
    }

    /** A client whose only known_hosts file (the local, savable one) holds these lines. */
    private SshClient clientKnowing(String... lines) throws IOException {
        Path knownHosts = Files.write(dir.resolve("known_hosts"), List.of(lines));
        SshClient client = new SshClient();
        client.loadHostKeys(knownHosts);
        return client;
    }

    private static ConnectOptions options(OpenSshServer server) {
        return Connect.withKey(server, KeySet.clientKeys().ed25519()).build();
    }

    @Test
    void aCertificateOnlyKnownHostsConnects() throws IOException {
        try (SshClient client = clientKnowing(caLine(certified, CA))) {
            client.connect(certified.host(), options(certified));
            assertThat(client.run("true").exitStatus()).isZero();
        }
    }

    @Test
    void certificateAlgorithmsAreOfferedFirstWhenACaIsKnown() throws IOException {
        try (SshClient client = clientKnowing(caLine(certified, CA), plainKeyLine(certified))) {
            client.connect(certified.host(), options(certified));
            assertThat(client.getTransport().getNegotiated().hostKeyAlgorithm())
                    .isEqualTo("ssh-ed25519-cert-v01@openssh.com");
            assertThat(client.getTransport().getRemoteServerKey().getCertificate().getKeyId()).isEqualTo("good");
        }
    }

    @Test
    void withoutACaThePlainKeyIsNegotiated() throws IOException {
        try (SshClient client = clientKnowing(plainKeyLine(certified))) {
            client.connect(certified.host(), options(certified));
            assertThat(client.getTransport().getNegotiated().hostKeyAlgorithm()).isEqualTo("ssh-ed25519");
        }
    }

    @Test
    void aHostNameNotAmongThePrincipalsIsRefused() throws IOException {
        try (SshClient client = clientKnowing(caLine(otherName, CA))) {
            assertThatThrownBy(() -> client.connect(otherName.host(), options(otherName)))
                    .isInstanceOf(SshException.class)
                    .hasMessageContaining("not found in known_hosts")
                    .hasMessageContaining("'127.0.0.1' is not among its principals [db.example]");
        }
    }

    @Test
    void anExpiredCertificateIsRefused() throws IOException {
        try (SshClient client = clientKnowing(caLine(expired, CA))) {
            assertThatThrownBy(() -> client.connect(expired.host(), options(expired)))
                    .isInstanceOf(SshException.class)
                    .hasMessageContaining("it expired at 2020-01-02");
        }
    }

    @Test
    void aSha1CaSignatureIsRefused() throws IOException {
        try (SshClient client = clientKnowing(caLine(sha1Signed, RSA_CA))) {
            assertThatThrownBy(() -> client.connect(sha1Signed.host(), options(sha1Signed)))
                    .isInstanceOf(SshException.class)
                    .hasMessageContaining("its CA signed it with ssh-rsa (SHA-1)")
                    .hasMessageContaining("CASignatureAlgorithms");
        }
    }

    @Test
    void aRefusedCertificateFallsBackToAKnownPlainKey() throws IOException {
        try (SshClient client = clientKnowing(caLine(expired, CA), plainKeyLine(expired))) {
            client.connect(expired.host(), options(expired));
            assertThat(client.getTransport().isAuthenticated()).isTrue();
        }
    }

    @Test
    void aRevokedCaIsRefusedWithoutFallingBack() throws IOException {
        String revoked = "@revoked * " + HostCertificates.publicKeyLine(CA);
        try (SshClient client = clientKnowing(caLine(certified, CA), plainKeyLine(certified), revoked)) {
            assertThatThrownBy(() -> client.connect(certified.host(), options(certified)))
                    .isInstanceOfSatisfying(BadHostKeyException.class, e -> {
                        assertThat(e.hostname()).isEqualTo(knownName(certified));
                        assertThat(e.getMessage()).contains("certificate authority").contains("@revoked");
                    });
        }
    }

    @Test
    void aRevokedCertifiedHostKeyIsRefused() throws IOException {
        String revoked = "@revoked * " + certified.hostPublicKeys().get(0);
        try (SshClient client = clientKnowing(caLine(certified, CA), revoked)) {
            assertThatThrownBy(() -> client.connect(certified.host(), options(certified)))
                    .isInstanceOf(BadHostKeyException.class)
                    .hasMessageContaining("is marked @revoked");
        }
    }

    @Test
    void anUnknownCaFallsBackToAKnownPlainKey() throws IOException {
        try (SshClient client = clientKnowing(caLine(certified, OTHER_CA), plainKeyLine(certified))) {
            client.connect(certified.host(), options(certified));
            assertThat(client.getTransport().getNegotiated().hostKeyAlgorithm())
                    .isEqualTo("ssh-ed25519-cert-v01@openssh.com");
            assertThat(client.getTransport().isAuthenticated()).isTrue();
        }
    }

    @Test
    void anUnknownCaWithoutAKnownPlainKeyIsRefused() throws IOException {
        try (SshClient client = clientKnowing(caLine(certified, OTHER_CA))) {
            assertThatThrownBy(() -> client.connect(certified.host(), options(certified)))
                    .isInstanceOf(SshException.class)
                    .hasMessageContaining("not found in known_hosts")
                    .hasMessageContaining("is not an @cert-authority for '" + knownName(certified) + "'");
        }
    }

    @Test
    void autoAddPolicyAddsThePlainKeyOfARefusedCertificate() throws IOException {
        try (SshClient client = clientKnowing(caLine(otherName, CA))) {
            client.setMissingHostKeyPolicy(new AutoAddPolicy());
            client.connect(otherName.host(), options(otherName));
            List<String> added = new ArrayList<>(Files.readAllLines(dir.resolve("known_hosts")));
            added.remove(caLine(otherName, CA));
            PKey plain = PKey.fromPublicKeyLine(otherName.hostPublicKeys().get(0));
            assertThat(added).containsExactly(knownName(otherName) + " " + plain.publicKeyLine());
        }
    }

    @Test
    void aCaListedWithoutThePortServesTheHostOnItsPort() throws IOException {
        String caForHost = "@cert-authority " + certified.host() + " " + HostCertificates.publicKeyLine(CA);
        try (SshClient client = clientKnowing(caForHost)) {
            client.connect(certified.host(), options(certified));
            assertThat(client.getTransport().getNegotiated().hostKeyAlgorithm())
                    .isEqualTo("ssh-ed25519-cert-v01@openssh.com");
        }
    }

    @Test
    void aKeyReExchangeVerifiesTheCertifiedHostKeyAgain() throws IOException {
        try (SshClient client = clientKnowing(caLine(certified, CA))) {
            client.connect(certified.host(), options(certified));
            Negotiated first = client.getTransport().getNegotiated();
            client.getTransport().renegotiateKeys();
            // the command's packets follow our NEWKEYS, so its answer follows the server's
            assertThat(client.run("true").exitStatus()).isZero();
            Negotiated second = client.getTransport().getNegotiated();
            assertThat(second).isNotSameAs(first);
            assertThat(second.hostKeyAlgorithm()).isEqualTo("ssh-ed25519-cert-v01@openssh.com");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256-cert-v01@openssh.com",
        "rsa-sha2-512-cert-v01@openssh.com", "rsa-sha2-256-cert-v01@openssh.com"})
    void eachCertificateHostKeyAlgorithmIsVerified(String algorithm) throws IOException {
        try (SshClient client = clientKnowing(caLine(certified, CA))) {
            client.connect(certified.host(), Connect.withKey(certified, KeySet.clientKeys().ed25519())
                    .preferredAlgorithms(Map.of("keys", List.of(algorithm))).build());
            assertThat(client.getTransport().getNegotiated().hostKeyAlgorithm()).isEqualTo(algorithm);
            assertThat(client.run("true").exitStatus()).isZero();
        }
    }
}
