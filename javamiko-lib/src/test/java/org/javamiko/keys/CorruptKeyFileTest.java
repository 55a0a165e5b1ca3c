package org.javamiko.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.javamiko.SshException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncated and corrupted key files end in an SshException naming the file, never an
 * ArrayIndexOutOfBoundsException or another unchecked exception.
 */
class CorruptKeyFileTest {
    private static final List<String> SAMPLES = List.of("ed25519.key", "test_rsa_openssh_nopad.key", "rsa.key",
            "test_ecdsa_521.key", "ed448.key", "test_rsa.key.pub", "ecdsa-256.key-cert.pub");

    @TempDir
    Path dir;

    @Test
    void truncatedBase64BodyIsAnSshExceptionNamingTheFile() throws Exception {
        for (String sample : SAMPLES) {
            String text = Files.readString(ParamikoKeyFilesTest.DIR.resolve(sample));
            for (int cut = 1; cut < text.length(); cut += Math.max(1, text.length() / 40)) {
                Path file = dir.resolve("cut-" + cut + "-" + sample + ".txt");
                Files.writeString(file, text.substring(0, cut));
                expectCleanFailure(file);
            }
        }
    }

    @Test
    void corruptedDecodedBodyIsAnSshExceptionNamingTheFile() throws Exception {
        Random random = new Random(42);
        for (String sample : List.of("ed25519.key", "test_rsa_openssh_nopad.key", "rsa.key", "test_ecdsa_384.key")) {
            String text = Files.readString(ParamikoKeyFilesTest.DIR.resolve(sample));
            String header = text.substring(0, text.indexOf('\n') + 1);
            String footer = text.substring(text.lastIndexOf("-----BEGIN") < 0 ? 0 : text.indexOf("-----END"));
            byte[] body = Base64.getMimeDecoder().decode(text.substring(header.length(), text.indexOf("-----END")));
            for (int i = 0; i < 150; i++) {
                byte[] bad = body.clone();
                bad[random.nextInt(bad.length)] ^= (byte) (1 + random.nextInt(255));
                if (random.nextBoolean()) {
                    bad = java.util.Arrays.copyOf(bad, random.nextInt(bad.length));
                }
                Path file = dir.resolve("bad-" + i + "-" + sample);
                Files.writeString(file, header + Base64.getMimeEncoder().encodeToString(bad) + "\n" + footer);
                try {
                    PKey.fromPath(file);
                } catch (SshException e) {
                    assertThat(e.getMessage()).contains(file.toString());
                }
            }
        }
    }

    @Test
    void randomBytesAreNotAKey() throws Exception {
        Path file = dir.resolve("random.key");
        byte[] junk = new byte[700];
        new Random(7).nextBytes(junk);
        Files.write(file, junk);
        assertThatThrownBy(() -> PKey.fromPath(file)).isInstanceOf(SshException.class)
                .hasMessageContaining("random.key").hasMessageContaining("Not a key file");
    }

    @Test
    void textThatIsNotAKeyIsNamedAsSuch() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "these are not the keys you are looking for\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PKey.fromPath(file)).isInstanceOf(SshException.class)
                .hasMessageContaining("notes.txt");
    }

    private static void expectCleanFailure(Path file) {
        try {
            PKey.fromPath(file);
        } catch (SshException e) {
            assertThat(e.getMessage()).as("message of %s", file).contains(file.toString());
        } catch (IOException e) {
            throw new AssertionError(file + ": not an SshException: " + e, e);
        }
        // Loading may also succeed: a cut can fall after the key material.
    }
}
