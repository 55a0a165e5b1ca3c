package org.javamiko.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.javamiko.PasswordRequiredException;
import org.javamiko.SshException;
import org.javamiko.testing.SshKeygen;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keys written by ssh-keygen in every type, format and cipher load with the fingerprint
 * ssh-keygen -lf reports.
 */
class KeyFileMatrixTest {
    private static final String PASSPHRASE = "correct horse";
    private static final String[][] TYPES = {{"ed25519", "256"}, {"ecdsa", "256"}, {"ecdsa", "384"},
        {"ecdsa", "521"}, {"rsa", "2048"}};

    @TempDir
    Path dir;

    @BeforeAll
    static void needsKeygen() {
        SshKeygen.assumeAvailable();
    }

    static List<String> ciphers() throws Exception {
        if (SshKeygen.onPath("ssh")) {
            SshKeygen.Result r = SshKeygen.run(null, "ssh", "-Q", "cipher");
            if (r.exit() == 0 && !r.stdout().isBlank()) {
                return r.stdout().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
            }
        }
        return List.of("aes128-ctr", "aes192-ctr", "aes256-ctr", "aes128-cbc", "aes256-cbc",
                "aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "chacha20-poly1305@openssh.com");
    }

    static Stream<Arguments> typesAndFormats() {
        List<Arguments> out = new ArrayList<>();
        for (String[] t : TYPES) {
            for (String format : new String[] {"RFC4716", "PEM", "PKCS8"}) {
                for (boolean encrypted : new boolean[] {false, true}) {
                    out.add(Arguments.of(t[0], t[1], format, encrypted));
                }
            }
        }
        return out.stream();
    }

    static Stream<Arguments> typesAndCiphers() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (String cipher : ciphers()) {
            out.add(Arguments.of("ed25519", "256", cipher));
            out.add(Arguments.of("ecdsa", "384", cipher));
        }
        return out.stream();
    }

    private Path generate(String type, String bits, String passphrase, String... extra) throws Exception {
        Path key = Files.createTempFile(dir, "id_" + type, "");
        Files.delete(key);
        List<String> args = new ArrayList<>(List.of("-q", "-t", type, "-b", bits, "-N", passphrase, "-C", "m",
                "-f", key.toString()));
        args.addAll(List.of(extra));
        SshKeygen.keygenOk(args.toArray(String[]::new));
        return key;
    }

    @ParameterizedTest(name = "{0}-{1} {2} encrypted={3}")
    @MethodSource("typesAndFormats")
    void sshKeygenKeyLoadsWithItsFingerprint(String type, String bits, String format, boolean encrypted)
            throws Exception {
        Path key = generate(type, bits, encrypted ? PASSPHRASE : "", "-m", format);
        String expected = SshKeygen.fingerprint(Path.of(key + ".pub"));
        PKey loaded = PKey.fromPath(key, encrypted ? PASSPHRASE : null);
        assertThat(loaded.fingerprint()).isEqualTo(expected);
        assertThat(loaded.canSign()).isTrue();
        if (encrypted) {
            assertThatThrownBy(() -> PKey.fromPath(key)).isInstanceOf(PasswordRequiredException.class);
            assertThatThrownBy(() -> PKey.fromPath(key, "wrong")).isInstanceOf(SshException.class)
                    .isNotInstanceOf(PasswordRequiredException.class).hasMessageContaining("passphrase");
        }
    }

    @ParameterizedTest(name = "{0}-{1} -Z {2}")
    @MethodSource("typesAndCiphers")
    void everyCipherSshKnowsDecrypts(String type, String bits, String cipher) throws Exception {
        Path key = generate(type, bits, PASSPHRASE, "-Z", cipher);
        assertThat(Files.readString(key)).contains("OPENSSH PRIVATE KEY");
        PKey loaded = PKey.fromPath(key, PASSPHRASE);
        assertThat(loaded.fingerprint()).isEqualTo(SshKeygen.fingerprint(Path.of(key + ".pub")));
        assertThatThrownBy(() -> PKey.fromPath(key, "wrong")).isInstanceOf(SshException.class)
                .hasMessageContaining("passphrase");
    }
}
