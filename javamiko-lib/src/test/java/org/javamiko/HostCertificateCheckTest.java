package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.javamiko.keys.Certificate;
import org.javamiko.keys.PKey;
import org.javamiko.testing.SshKeygen;
import org.javamiko.transport.AlgorithmKind;
import org.javamiko.transport.SecurityOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks on a host certificate whose CA is trusted, and the host key algorithms offered for a
 * host with a CA, on certificates {@code ssh-keygen -s} signs; the time is fixed, never the clock.
 */
class HostCertificateCheckTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;

    private Path ca;
    private Path hostKey;

    @BeforeEach
    void keys() {
        ca = SshKeygen.generate(SshKeygen.KeyType.ED25519, dir.resolve("ca"), "ca");
        hostKey = SshKeygen.generate(SshKeygen.KeyType.ED25519, dir.resolve("host"), "host");
    }

    private Certificate sign(String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-q", "-s", ca.toString(), "-I", "test"));
        args.addAll(List.of(options));
        args.add(hostKey + ".pub");
        SshKeygen.keygenOk(args.toArray(String[]::new));
        return PKey.fromPublicKeyLine(Files.readString(dir.resolve("host-cert.pub"))).getCertificate();
    }

    @Test
    void aHostCertificateNamingTheHostIsAccepted() throws Exception {
        Certificate cert = sign("-h", "-n", "db1,127.0.0.1");
        assertThat(HostCertificateCheck.refusal(cert, "127.0.0.1", NOW)).isEmpty();
    }

    @Test
    void anEmptyPrincipalListAcceptsAnyHostAsOpenSshDoes() throws Exception {
        Certificate cert = sign("-h");
        assertThat(HostCertificateCheck.refusal(cert, "anything.example", NOW)).isEmpty();
    }

    @Test
    void principalsAreComparedExactlyNotAsPatterns() throws Exception {
        Certificate cert = sign("-h", "-n", "127.0.0.*");
        assertThat(HostCertificateCheck.refusal(cert, "127.0.0.1", NOW))
                .hasValueSatisfying(why -> assertThat(why).contains("not among its principals [127.0.0.*]"));
    }

    @Test
    void aUserCertificateIsRefused() throws Exception {
        Certificate cert = sign("-n", "127.0.0.1");
        assertThat(HostCertificateCheck.refusal(cert, "127.0.0.1", NOW))
                .hasValueSatisfying(why -> assertThat(why).contains("user certificate, not a host certificate"));
    }

    @Test
    void aCertificateNotYetValidIsRefused() throws Exception {
        Certificate cert = sign("-h", "-n", "127.0.0.1", "-V", "20300101:20300102");
        assertThat(HostCertificateCheck.refusal(cert, "127.0.0.1", NOW))
                .hasValueSatisfying(why -> assertThat(why).contains("not valid before 2030-01-01"));
    }

    @Test
    void aCriticalOptionIsRefused() throws Exception {
        Certificate cert = sign("-h", "-n", "127.0.0.1", "-O", "critical:verify-required");
        assertThat(HostCertificateCheck.refusal(cert, "127.0.0.1", NOW))
                .hasValueSatisfying(why -> assertThat(why).contains("critical options [verify-required]"));
    }

    @Test
    void theCaSignatureAlgorithmIsRead() throws Exception {
        assertThat(sign("-h").getSignatureAlgorithm()).isEqualTo("ssh-ed25519");
    }

    @Test
    void thePrincipalNameIsTheKnownNameWithoutPort() {
        assertThat(HostKeyCheck.principalName("[db1.example]:2222")).isEqualTo("db1.example");
        assertThat(HostKeyCheck.principalName("db1.example")).isEqualTo("db1.example");
        assertThat(HostKeyCheck.principalName("[::1]:2222")).isEqualTo("::1");
    }

    @Test
    void aKnownCaPutsTheCertificateAlgorithmsFirst() {
        SecurityOptions security = new SecurityOptions();
        List<String> plain = security.get(AlgorithmKind.KEYS);
        HostKeyCheck.configureAlgorithms(security, ConnectOptions.defaults(), List.of(), true);
        List<String> offered = security.get(AlgorithmKind.KEYS);
        assertThat(offered.subList(0, plain.size())).containsExactlyElementsOf(
                plain.stream().map(Certificate::certificateAlgorithm).toList());
        assertThat(offered.subList(plain.size(), offered.size())).containsExactlyElementsOf(plain);
    }

    @Test
    void aDisabledCertificateAlgorithmStaysOff() {
        SecurityOptions security = new SecurityOptions();
        ConnectOptions options = ConnectOptions.builder()
                .disabledAlgorithms(Map.of("keys", List.of("ssh-ed25519-cert-v01@openssh.com"))).build();
        HostKeyCheck.configureAlgorithms(security, options, List.of(), true);
        assertThat(security.get(AlgorithmKind.KEYS)).doesNotContain("ssh-ed25519-cert-v01@openssh.com")
                .contains("ecdsa-sha2-nistp256-cert-v01@openssh.com", "ssh-ed25519");
    }

    @Test
    void certificateAlgorithmsCanBeChosenExplicitly() {
        SecurityOptions security = new SecurityOptions();
        ConnectOptions options = ConnectOptions.builder()
                .preferredAlgorithms(Map.of("keys", List.of("rsa-sha2-512-cert-v01@openssh.com", "rsa-sha2-512"))).build();
        HostKeyCheck.configureAlgorithms(security, options, List.of("ssh-ed25519"), true);
        assertThat(security.get(AlgorithmKind.KEYS)).containsExactly("rsa-sha2-512-cert-v01@openssh.com", "rsa-sha2-512");
    }
}
