package org.javamiko.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.javamiko.testing.SshKeygen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OpenSSH certificates: paramiko's sample files and certificates ssh-keygen -s signs. */
class CertificateTest {
    private static final Path DIR = ParamikoKeyFilesTest.DIR;

    @TempDir
    Path dir;

    @Test
    void keyLoadsTheCertificateBesideIt() throws Exception {
        PKey key = PKey.fromPath(DIR.resolve("rsa.key"));
        assertThat(key.getName()).isEqualTo("ssh-rsa-cert-v01@openssh.com");
        assertThat(key.getKeyType()).isEqualTo("ssh-rsa");
        assertThat(key.fingerprint()).isEqualTo("SHA256:OhNL391d/beeFnxxg18AwWVYTAHww+D4djEE7Co0Yng");
        assertThat(key.getCertificate().getSerial()).isEqualTo(1234);
        assertThat(key.signatureAlgorithms()).containsExactly("rsa-sha2-512-cert-v01@openssh.com",
                "rsa-sha2-256-cert-v01@openssh.com", "ssh-rsa-cert-v01@openssh.com");
        assertThat(key.asBytes()).isEqualTo(key.getCertificate().getBlob());
        assertThat(key.publicKeyLine()).startsWith("ssh-rsa-cert-v01@openssh.com AAAA");
    }

    @Test
    void certificatePathLoadsTheKeyBesideIt() throws Exception {
        PKey key = PKey.fromPath(DIR.resolve("ed25519.key-cert.pub"));
        assertThat(key.getName()).isEqualTo("ssh-ed25519-cert-v01@openssh.com");
        assertThat(key.canSign()).isTrue();
        assertThat(key.fingerprint()).isEqualTo("SHA256:J6VESFdD3xSChn8y9PzWzeF+1tl892mOy2TqkMLO4ow");
    }

    @Test
    void ecdsaCertificateLoads() throws Exception {
        PKey key = PKey.fromPath(DIR.resolve("ecdsa-256.key"));
        assertThat(key.getName()).isEqualTo("ecdsa-sha2-nistp256-cert-v01@openssh.com");
        assertThat(key.fingerprint()).isEqualTo("SHA256:BrQG04oNKUETjKCeL4ifkARASg3yxS/pUHl3wWM26Yg");
    }

    @Test
    void certificateWhoseKeyIsMissingIsNoSuchFile() {
        assertThatThrownBy(() -> PKey.fromPath(DIR.resolve("rsa-missing.key-cert.pub")))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void certificateSignsWithThePlainAlgorithmName() throws Exception {
        PKey key = PKey.fromPath(DIR.resolve("rsa.key"));
        byte[] sig = key.signSshData(new byte[] {1}, "rsa-sha2-256-cert-v01@openssh.com");
        assertThat(SshBuffer.wrap(sig).getStringUtf8()).isEqualTo("rsa-sha2-256");
        assertThat(key.verifySshSignature(new byte[] {1}, sig)).isTrue();
    }

    @Test
    void loadingAnotherKeysCertificateIsRefused() throws Exception {
        PKey key = PKey.fromPath(DIR.resolve("test_ed25519_password.key"), "abc123");
        assertThatThrownBy(() -> key.loadCertificate(DIR.resolve("ed25519.key-cert.pub")))
                .isInstanceOf(SshException.class).hasMessageContaining("does not certify");
    }

    @ParameterizedTest
    @CsvSource({"ed25519,256,ed25519,256", "ecdsa,256,rsa,2048", "ecdsa,384,ecdsa,521", "ecdsa,521,ed25519,256",
            "rsa,2048,ecdsa,256"})
    void sshKeygenCertificateFieldsAreRead(String type, String bits, String caType, String caBits) throws Exception {
        Path key = dir.resolve("id");
        Path ca = dir.resolve("ca");
        SshKeygen.assumeAvailable();
        SshKeygen.keygenOk("-q", "-t", type, "-b", bits, "-N", "", "-f", key.toString());
        SshKeygen.keygenOk("-q", "-t", caType, "-b", caBits, "-N", "", "-f", ca.toString());
        SshKeygen.keygenOk("-q", "-s", ca.toString(), "-I", "key id 7", "-n", "alice,bob", "-z", "98765",
                "-V", "20200101000000:20400101000000", "-O", "force-command=/bin/true",
                "-O", "source-address=127.0.0.1/32", "-O", "no-pty", key + ".pub");

        PKey loaded = PKey.fromPath(key);
        Certificate cert = loaded.getCertificate();
        assertThat(cert).isNotNull();
        assertThat(loaded.getName()).isEqualTo(Certificate.certificateAlgorithm(loaded.getKeyType()));
        assertThat(loaded.fingerprint()).isEqualTo(SshKeygen.fingerprint(key));
        assertThat(cert.getSerial()).isEqualTo(98765);
        assertThat(cert.getCertType()).isEqualTo(Certificate.USER);
        assertThat(cert.getKeyId()).isEqualTo("key id 7");
        assertThat(cert.getPrincipals()).containsExactly("alice", "bob");
        assertThat(cert.getCriticalOptions()).containsEntry("force-command", "/bin/true")
                .containsEntry("source-address", "127.0.0.1/32");
        assertThat(cert.getExtensions()).containsKeys("permit-agent-forwarding", "permit-port-forwarding")
                .doesNotContainKey("permit-pty");
        assertThat(cert.isValidAt(Instant.parse("2030-01-01T00:00:00Z"))).isTrue();
        assertThat(cert.isValidAt(Instant.parse("2019-01-01T00:00:00Z"))).isFalse();
        assertThat(cert.getSignatureKey()).isEqualTo(PKey.fromPublicKeyLine(Files.readString(Path.of(ca + ".pub"))));

        byte[] sig = loaded.signSshData(new byte[] {9}, loaded.signatureAlgorithms().get(0));
        assertThat(loaded.verifySshSignature(new byte[] {9}, sig)).isTrue();
    }

    @Test
    void hostCertificateAndSecurityKeyCertificateParse() throws Exception {
        SshKeygen.assumeAvailable();
        Path ca = dir.resolve("ca");
        SshKeygen.keygenOk("-q", "-t", "ed25519", "-N", "", "-f", ca.toString());
        // A security-key public key, made by hand: ssh-keygen signs any public key without the token.
        byte[] blob = new SshBuffer().putString(SkEd25519Key.TYPE).putString(Ed25519Key.generate().getPublicKeyBytes())
                .putString("ssh:").toByteArray();
        Path sk = dir.resolve("sk.pub");
        Files.writeString(sk, SkEd25519Key.TYPE + " " + Base64.getEncoder().encodeToString(blob) + " sk\n");
        SshKeygen.keygenOk("-q", "-s", ca.toString(), "-I", "host", "-h", "-n", "example.com", sk.toString());

        PKey cert = PKey.fromPublicKeyLine(Files.readString(dir.resolve("sk-cert.pub")));
        assertThat(cert.getName()).isEqualTo("sk-ssh-ed25519-cert-v01@openssh.com");
        assertThat(cert.getCertificate().getCertType()).isEqualTo(Certificate.HOST);
        assertThat(cert.signatureAlgorithms()).containsExactly("sk-ssh-ed25519-cert-v01@openssh.com");
        assertThat(cert.canSign()).isFalse();
        assertThatThrownBy(() -> cert.signSshData(new byte[] {1}, cert.signatureAlgorithms().get(0)))
                .isInstanceOf(SshException.class).hasMessageContaining("security key");
    }

    @Test
    void tamperedCertificateIsRefused() throws Exception {
        String line = Files.readString(DIR.resolve("ed25519.key-cert.pub")).strip();
        String[] parts = line.split(" ");
        byte[] blob = Base64.getDecoder().decode(parts[1]);
        blob[60] ^= 1; // inside the nonce, which the CA signed: the signature no longer matches
        assertThatThrownBy(() -> PKey.fromBlob(blob)).isInstanceOf(SshException.class);
    }

    @Test
    void algorithmNamesMapBothWays() {
        assertThat(Certificate.certificateAlgorithm("rsa-sha2-512")).isEqualTo("rsa-sha2-512-cert-v01@openssh.com");
        assertThat(Certificate.certificateAlgorithm("sk-ecdsa-sha2-nistp256@openssh.com"))
                .isEqualTo("sk-ecdsa-sha2-nistp256-cert-v01@openssh.com");
        assertThat(Certificate.plainAlgorithm("sk-ecdsa-sha2-nistp256-cert-v01@openssh.com"))
                .isEqualTo("sk-ecdsa-sha2-nistp256@openssh.com");
        assertThat(Certificate.plainAlgorithm("ssh-ed25519")).isEqualTo("ssh-ed25519");
    }

    @Test
    void securityKeySignatureVerifiesOverTheU2fData() throws Exception {
        Ed25519Key token = Ed25519Key.generate();
        SkEd25519Key key = new SkEd25519Key(token.getPublicKeyBytes(), "ssh:");
        byte[] message = "session data".getBytes(StandardCharsets.UTF_8);
        byte[] signed = SecurityKey.signedData("ssh:", 1, 42, message);
        byte[] raw = rawSignature(token.signSshData(signed, "ssh-ed25519"));
        byte[] blob = new SshBuffer().putString(SkEd25519Key.TYPE).putString(raw).putByte(1).putInt(42).toByteArray();
        assertThat(key.verifySshSignature(message, blob)).isTrue();
        byte[] wrongCounter = new SshBuffer().putString(SkEd25519Key.TYPE).putString(raw).putByte(1).putInt(43)
                .toByteArray();
        assertThat(key.verifySshSignature(message, wrongCounter)).isFalse();
    }

    private static byte[] rawSignature(byte[] blob) throws Exception {
        SshBuffer b = SshBuffer.wrap(blob);
        b.getString();
        return b.getString();
    }
}
