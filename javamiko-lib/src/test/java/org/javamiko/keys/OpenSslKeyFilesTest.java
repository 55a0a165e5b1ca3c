package org.javamiko.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.javamiko.PasswordRequiredException;
import org.javamiko.SshException;
import org.javamiko.testing.SshKeygen;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PEM and PKCS#8 files as OpenSSL writes them (legacy DEK-Info encryption, PBES2 with PBKDF2 and
 * scrypt, Ed25519 PKCS#8), each compared with the public key ssh-keygen imports from OpenSSL's
 * public half.
 */
class OpenSslKeyFilesTest {
    private static final String PASS = "pem pass";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsTools() {
        SshKeygen.assumeAvailable();
        assumeTrue(SshKeygen.onPath("openssl"), "openssl is not installed");
    }

    private String openssl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        SshKeygen.Result r = SshKeygen.run(null, cmd.toArray(String[]::new));
        assertThat(r.exit()).as(String.join(" ", cmd) + ": " + r.stderr()).isZero();
        return r.stdout();
    }

    private Path generate(String algorithm) throws Exception {
        Path key = dir.resolve("plain.pem");
        switch (algorithm) {
            case "rsa" -> openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key.toString());
            case "ed25519" -> openssl("genpkey", "-algorithm", "ed25519", "-out", key.toString());
            default -> openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + algorithm,
                    "-out", key.toString());
        }
        return key;
    }

    /**
     * The public key as ssh-keygen imports it from OpenSSL's public half: the independent answer.
     * ssh-keygen cannot import Ed25519 from PKCS#8, so there the raw key ends OpenSSL's DER output.
     */
    private PKey expectedPublic(Path key) throws Exception {
        Path pub = dir.resolve("pub.pem");
        if (Files.readString(key).contains("ED25519") || openssl("pkey", "-in", key.toString(), "-noout", "-text")
                .startsWith("ED25519")) {
            Path der = dir.resolve("pub.der");
            openssl("pkey", "-in", key.toString(), "-pubout", "-outform", "DER", "-out", der.toString());
            byte[] spki = Files.readAllBytes(der);
            return new Ed25519Key(java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        }
        openssl("pkey", "-in", key.toString(), "-pubout", "-out", pub.toString());
        String line = SshKeygen.keygenOk("-i", "-m", "PKCS8", "-f", pub.toString());
        return PKey.fromPublicKeyLine(line);
    }

    @ParameterizedTest
    @CsvSource({"rsa", "P-256", "P-384", "P-521", "ed25519"})
    void plainPkcs8Loads(String algorithm) throws Exception {
        Path key = generate(algorithm);
        assertThat(Files.readString(key)).contains("BEGIN PRIVATE KEY");
        PKey loaded = PKey.fromPath(key);
        assertThat(loaded).isEqualTo(expectedPublic(key));
        assertThat(loaded.canSign()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"rsa,-aes-128-cbc", "rsa,-aes-256-cbc", "P-256,-aes-192-cbc", "P-384,-des3", "ed25519,-aes-256-cbc",
            "P-521,-scrypt", "ed25519,-scrypt"})
    void encryptedPkcs8Loads(String algorithm, String option) throws Exception {
        Path plain = generate(algorithm);
        Path key = dir.resolve("enc.pem");
        List<String> args = new ArrayList<>(List.of("pkcs8", "-topk8", "-in", plain.toString(), "-out", key.toString(),
                "-passout", "pass:" + PASS));
        if (option.equals("-scrypt")) {
            args.addAll(List.of("-scrypt", "-scrypt_N", "1024"));
        } else {
            args.addAll(List.of("-v2", option.substring(1)));
        }
        openssl(args.toArray(String[]::new));
        assertThat(Files.readString(key)).contains("BEGIN ENCRYPTED PRIVATE KEY");
        assertThat(PKey.fromPath(key, PASS)).isEqualTo(expectedPublic(plain));
        assertThatThrownBy(() -> PKey.fromPath(key)).isInstanceOf(PasswordRequiredException.class);
        assertThatThrownBy(() -> PKey.fromPath(key, "wrong")).isInstanceOf(SshException.class)
                .isNotInstanceOf(PasswordRequiredException.class).hasMessageContaining("passphrase");
    }

    @ParameterizedTest
    @CsvSource({"rsa,rsa,-aes128", "rsa,rsa,-aes256", "rsa,rsa,-des3", "P-256,ec,-aes192", "P-521,ec,-des3"})
    void legacyEncryptedPemLoads(String algorithm, String command, String cipher) throws Exception {
        Path plain = generate(algorithm);
        Path key = dir.resolve("legacy.pem");
        openssl(command, "-in", plain.toString(), "-out", key.toString(), "-traditional", cipher,
                "-passout", "pass:" + PASS);
        assertThat(Files.readString(key)).contains("Proc-Type: 4,ENCRYPTED");
        assertThat(PKey.fromPath(key, PASS)).isEqualTo(expectedPublic(plain));
        assertThatThrownBy(() -> PKey.fromPath(key)).isInstanceOf(PasswordRequiredException.class);
        assertThatThrownBy(() -> PKey.fromPath(key, "wrong")).isInstanceOf(SshException.class)
                .isNotInstanceOf(PasswordRequiredException.class).hasMessageContaining("passphrase");
    }

    @Test
    void x509PublicKeyLoadsAsPublicKey() throws Exception {
        Path key = generate("P-384");
        Path pub = dir.resolve("pub.pem");
        openssl("pkey", "-in", key.toString(), "-pubout", "-out", pub.toString());
        PKey loaded = PKey.fromPath(pub);
        assertThat(loaded).isEqualTo(expectedPublic(key));
        assertThat(loaded.canSign()).isFalse();
    }

    @Test
    void dsaKeyIsAnUnsupportedTypeByName() throws Exception {
        Path key = dir.resolve("dsa.pem");
        openssl("genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:1024", "-out",
                dir.resolve("params").toString());
        openssl("genpkey", "-paramfile", dir.resolve("params").toString(), "-out", key.toString());
        assertThatThrownBy(() -> PKey.fromPath(key)).isInstanceOf(SshException.class)
                .hasMessageContaining("dsa.pem").hasMessageContaining("DSA");
    }
}
