package org.javamiko.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.javamiko.PasswordRequiredException;
import org.javamiko.SshException;
import org.javamiko.testing.SshKeygen;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PuTTY .ppk files (versions 2 and 3, plain and encrypted) as puttygen writes them. */
class PuttyKeyFileTest {
    private static final String PASS = "putty pass";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsPuttygen() {
        assumeTrue(SshKeygen.onPath("puttygen"), "puttygen is not installed");
    }

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        String[][] types = {{"ed25519", "256"}, {"ecdsa", "256"}, {"ecdsa", "384"}, {"ecdsa", "521"}, {"rsa", "2048"}};
        for (String[] t : types) {
            for (int version : new int[] {2, 3}) {
                for (boolean encrypted : new boolean[] {false, true}) {
                    out.add(Arguments.of(t[0], t[1], version, encrypted));
                }
            }
        }
        return out.stream();
    }

    private Path puttygen(String type, String bits, int version, boolean encrypted) throws Exception {
        Path passFile = dir.resolve("pass");
        Files.writeString(passFile, encrypted ? PASS : "");
        Path key = dir.resolve("key.ppk");
        SshKeygen.Result r = SshKeygen.run(null, "puttygen", "-t", type, "-b", bits, "-C", "from puttygen",
                "-O", "private", "-o", key.toString(), "--new-passphrase", passFile.toString(),
                "--ppk-param", "version=" + version + (version == 3 ? ",passes=2,memory=1024" : ""));
        assertThat(r.exit()).as(r.stderr()).isZero();
        return key;
    }

    @ParameterizedTest(name = "{0}-{1} v{2} encrypted={3}")
    @MethodSource("matrix")
    void puttygenKeyLoadsAndSigns(String type, String bits, int version, boolean encrypted) throws Exception {
        Path key = puttygen(type, bits, version, encrypted);
        SshKeygen.Result pub = SshKeygen.run(null, "puttygen", key.toString(), "-L");
        assertThat(pub.exit()).as(pub.stderr()).isZero();

        PKey loaded = PKey.fromPath(key, encrypted ? PASS : null);
        assertThat(loaded).isEqualTo(PKey.fromPublicKeyLine(pub.stdout()));
        assertThat(loaded.getComment()).isEqualTo("from puttygen");
        byte[] sig = loaded.signSshData(new byte[] {5}, loaded.signatureAlgorithms().get(0));
        assertThat(PKey.fromPublicKeyLine(pub.stdout()).verifySshSignature(new byte[] {5}, sig)).isTrue();
        if (encrypted) {
            assertThatThrownBy(() -> PKey.fromPath(key)).isInstanceOf(PasswordRequiredException.class);
            assertThatThrownBy(() -> PKey.fromPath(key, "wrong")).isInstanceOf(SshException.class)
                    .isNotInstanceOf(PasswordRequiredException.class).hasMessageContaining("passphrase");
        }
    }

    @Test
    void editedFileFailsItsMac() throws Exception {
        Path key = puttygen("ed25519", "256", 3, false);
        Files.writeString(key, Files.readString(key).replace("Comment: from puttygen", "Comment: edited"));
        assertThatThrownBy(() -> PKey.fromPath(key)).isInstanceOf(SshException.class)
                .hasMessageContaining("MAC").hasMessageContaining("key.ppk");
    }

    @Test
    void truncatedFileIsAClearError() throws Exception {
        Path key = puttygen("rsa", "2048", 2, false);
        String text = Files.readString(key);
        Files.writeString(key, text.substring(0, text.indexOf("Private-Lines")));
        assertThatThrownBy(() -> PKey.fromPath(key)).isInstanceOf(SshException.class)
                .hasMessageContaining("key.ppk").hasMessageContaining("truncated");
    }
}
