package org.javamiko.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.javamiko.SshClient;
import org.javamiko.testing.Connect;
import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.OpenSshServer;
import org.javamiko.testing.SshKeygen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every key a user may have on disk logs in to a real OpenSSH sshd: ssh-keygen's formats with and
 * without a passphrase, PuTTY's, keys javamiko wrote, and a user certificate signed by a CA the
 * server trusts (the key itself not authorized).
 */
class KeyLoginOpenSshTest {
    private static final String PASSPHRASE = "correct horse";

    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    static Path dir;

    static Stream<Arguments> keygenMatrix() {
        List<Arguments> cases = new ArrayList<>();
        String[][] types = {{"ed25519", "0"}, {"ecdsa", "256"}, {"ecdsa", "384"}, {"ecdsa", "521"}, {"rsa", "2048"}};
        for (String[] type : types) {
            for (String format : List.of("RFC4716", "PEM", "PKCS8")) {
                if (type[0].equals("ed25519") && !format.equals("RFC4716")) {
                    continue; // ssh-keygen writes Ed25519 private keys in its own format only
                }
                for (boolean encrypted : List.of(false, true)) {
                    cases.add(Arguments.of(type[0], Integer.parseInt(type[1]), format, encrypted));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} encrypted={3}")
    @MethodSource("keygenMatrix")
    void keysWrittenBySshKeygenLogIn(String type, int bits, String format, boolean encrypted) throws Exception {
        Path key = dir.resolve(type + bits + "-" + format + "-" + encrypted);
        List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-m", format,
                "-N", encrypted ? PASSPHRASE : "", "-f", key.toString()));
        if (bits != 0) {
            command.addAll(List.of("-b", Integer.toString(bits)));
        }
        ExternalCommand.of(command).run().requireSuccess();

        assertLogsIn(key, encrypted ? PASSPHRASE : null);
    }

    @ParameterizedTest(name = "{0} ppk v{1}")
    @MethodSource("puttyMatrix")
    void keysWrittenByPuttygenLogIn(String type, int version) throws Exception {
        assumeTrue(SshKeygen.onPath("puttygen"), "puttygen is not installed (CI installs putty-tools)");
        Path key = dir.resolve("putty-" + type + "-v" + version + ".ppk");
        ExternalCommand.of("puttygen", "-t", type, "-o", key.toString(), "--ppk-param", "version=" + version,
                "--new-passphrase", "/dev/null").run().requireSuccess();
        Path publicKey = dir.resolve(key.getFileName() + ".pub");
        ExternalCommand.of("puttygen", key.toString(), "-L", "-o", publicKey.toString()).run().requireSuccess();
        Files.copy(publicKey, Path.of(key + ".pub-line"));
        sshd.authorizeKey(Files.readString(publicKey).strip());

        try (SshClient client = Connect.connected(sshd, dir, key)) {
            assertThat(client.run("echo putty").stdout()).isEqualTo("putty\n");
        }
    }

    static Stream<Arguments> puttyMatrix() {
        return Stream.of("ed25519", "ecdsa", "rsa").flatMap(t -> Stream.of(Arguments.of(t, 2), Arguments.of(t, 3)));
    }

    @Test
    void keysWrittenByJavamikoLogIn() throws Exception {
        for (PKey generated : List.of(Ed25519Key.generate(), EcdsaKey.generate(384), RsaKey.generate(2048))) {
            Path key = dir.resolve("written-" + generated.getName());
            generated.writePrivateKeyFile(key, PASSPHRASE);
            Files.writeString(Path.of(key + ".pub"), generated.publicKeyLine() + "\n");
            assertLogsIn(key, PASSPHRASE);
        }
    }

    @Test
    void aCertificateSignedByATrustedCaLogsInWithoutTheKeyBeingAuthorized() throws Exception {
        Path ca = dir.resolve("user_ca");
        ExternalCommand.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", ca.toString()).run().requireSuccess();
        sshd.trustUserCa(Files.readString(Path.of(ca + ".pub")).strip());
        Path key = dir.resolve("certified_ecdsa");
        ExternalCommand.of("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", key.toString()).run().requireSuccess();
        ExternalCommand.of("ssh-keygen", "-q", "-s", ca.toString(), "-I", "javamiko-test", "-n", sshd.user(),
                "-V", "-5m:+1h", Path.of(key + ".pub").toString()).run().requireSuccess();
        assertThat(Path.of(key + "-cert.pub")).exists();

        try (SshClient client = Connect.connected(sshd, dir, key)) {
            assertThat(client.run("echo certified").stdout()).isEqualTo("certified\n");
        }
        assertThat(sshd.log()).contains("Accepted publickey").contains("ECDSA-CERT");
    }

    private static void assertLogsIn(Path key, String passphrase) throws IOException {
        sshd.authorizeKey(Files.readString(Path.of(key + ".pub")).strip());
        try (SshClient client = Connect.trusting(sshd, dir)) {
            client.connect(sshd.host(), Connect.withKey(sshd, key).passphrase(passphrase).build());
            assertThat(client.run("echo in").stdout()).as(key.toString()).isEqualTo("in\n");
        }
    }
}
