package org.javamiko.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.javamiko.testing.SshKeygen.KeyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Proves {@link MinaServer} and its scripted faults with OpenSSH's {@code ssh} and {@code sftp}. */
class MinaServerTest {

    @RegisterExtension
    static final MinaServer mina = MinaServer.builder().build();

    @TempDir
    Path tempDir;

    static Stream<Path> clientKeys() {
        return KeySet.clientKeys().privateKeys().stream();
    }

    @ParameterizedTest
    @MethodSource("clientKeys")
    void eachClientKeyLogsInWithThePinnedHostKeyAndRunsACommand(Path clientKey) throws IOException {
        ExternalCommand.Result result = OpenSshClient.to(mina, tempDir).identity(clientKey).run("echo hi");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).isEqualTo("hi\n");
    }

    @Test
    void commandsRunThroughTheShell() throws IOException {
        ExternalCommand.Result result = OpenSshClient.to(mina, tempDir)
                .identity(mina.clientKeys().ed25519())
                .run("echo $((40 + 2)) | tr 4 x; echo to-stderr >&2; exit 3");

        assertThat(result.stdout()).isEqualTo("x2\n");
        assertThat(result.stderr()).contains("to-stderr");
        assertThat(result.exitCode()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "keyboard-interactive"})
    void theUserLogsInWithItsPassword(String method) throws IOException {
        ExternalCommand.Result result = OpenSshClient.to(mina, tempDir)
                .option("PreferredAuthentications", method)
                .answerPromptsWith(mina.password())
                .run("echo in");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).isEqualTo("in\n");
    }

    @Test
    void aKeyAuthorizedLaterLogsIn() throws IOException {
        Path key = SshKeygen.generate(KeyType.ED25519, tempDir.resolve("later"), "later");
        OpenSshClient client = OpenSshClient.to(mina, tempDir).identity(key);
        assertThat(client.run("true").exitCode()).isEqualTo(255);

        mina.authorizeKey(SshKeygen.publicKeyLine(key));

        assertThat(client.run("true").exitCode()).isZero();
    }

    @Test
    void servesSftp() throws IOException {
        Path local = Files.writeString(tempDir.resolve("upload.txt"), "over sftp\n");
        Path remote = tempDir.resolve("uploaded.txt");

        ExternalCommand.Result result = OpenSshClient.to(mina, tempDir)
                .identity(mina.clientKeys().ed25519())
                .sftpBatch("put " + local + " " + remote + "\n");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(remote).hasContent("over sftp");
    }

    @Test
    void restrictsKexCipherAndMac() throws IOException {
        try (MinaServer restricted = MinaServer.builder()
                .kexAlgorithms("ecdh-sha2-nistp256").ciphers("aes128-ctr").macs("hmac-sha2-256").start()) {
            ExternalCommand.Result result = OpenSshClient.to(restricted, tempDir)
                    .identity(restricted.clientKeys().ed25519())
                    .verbose()
                    .run("true");

            assertThat(result.exitCode()).as(result.describe()).isZero();
            assertThat(result.stderr()).contains("kex: algorithm: ecdh-sha2-nistp256")
                    .contains("cipher: aes128-ctr MAC: hmac-sha2-256");
        }
    }

    @Test
    void anAlgorithmMinaLacksIsAnError() {
        assertThatThrownBy(() -> MinaServer.builder().ciphers("rot13").start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no cipher named rot13").hasMessageContaining("aes128-ctr");
    }

    @Test
    void refuseChannelOpensAnswersWithOpenFailure() throws IOException {
        try (MinaServer refusing = MinaServer.builder().refuseChannelOpens().start()) {
            ExternalCommand.Result result = OpenSshClient.to(refusing, tempDir)
                    .identity(refusing.clientKeys().ed25519())
                    .run("echo never");

            assertThat(result.exitCode()).isEqualTo(255);
            assertThat(result.stdout()).isEmpty();
            assertThat(result.stderr()).contains("open failed: administratively prohibited");
        }
    }

    @Test
    void stallAfterBannerSendsTheBannerAndNothingElse() {
        try (MinaServer stalling = MinaServer.builder().stallAfterBanner().start()) {
            OpenSshClient client = OpenSshClient.to(stalling, tempDir)
                    .identity(stalling.clientKeys().ed25519())
                    .verbose()
                    .timeout(Duration.ofSeconds(3));

            // ssh has no timeout for the key exchange itself, so it hangs until it is killed.
            assertThatThrownBy(() -> client.run("true"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("did not finish")
                    .hasMessageContaining("remote software version APACHE-SSHD")
                    .hasMessageContaining("SSH2_MSG_KEXINIT sent")
                    .hasMessageNotContaining("SSH2_MSG_KEXINIT received");
        }
    }

    @Test
    void disconnectDuringKexSendsDisconnect() throws IOException {
        try (MinaServer disconnecting = MinaServer.builder().disconnectDuringKex().start()) {
            ExternalCommand.Result result = OpenSshClient.to(disconnecting, tempDir)
                    .identity(disconnecting.clientKeys().ed25519())
                    .run("true");

            assertThat(result.exitCode()).isEqualTo(255);
            assertThat(result.stderr()).contains("Received disconnect from 127.0.0.1 port " + disconnecting.port()
                    + ":3: " + MinaFaults.KEX_DISCONNECT);
        }
    }

    @Test
    void dropConnectionDuringKexClosesWithoutAWord() throws IOException {
        try (MinaServer dropping = MinaServer.builder().dropConnectionDuringKex().start()) {
            ExternalCommand.Result result = OpenSshClient.to(dropping, tempDir)
                    .identity(dropping.clientKeys().ed25519())
                    .verbose()
                    .run("true");

            assertThat(result.exitCode()).isEqualTo(255);
            assertThat(result.stderr()).contains("SSH2_MSG_KEXINIT received")
                    .doesNotContain("Received disconnect")
                    .containsPattern("Connection (closed|reset) by 127.0.0.1 port " + dropping.port());
        }
    }
}
