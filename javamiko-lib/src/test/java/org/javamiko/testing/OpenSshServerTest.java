package org.javamiko.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.javamiko.testing.SshKeygen.KeyType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Proves {@link OpenSshServer} with OpenSSH's own client, {@code ssh}. */
class OpenSshServerTest {

    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    Path tempDir;

    static Stream<Path> clientKeys() {
        return KeySet.clientKeys().privateKeys().stream();
    }

    @ParameterizedTest
    @MethodSource("clientKeys")
    void eachClientKeyLogsInWithThePinnedHostKeyAndRunsACommand(Path clientKey) throws IOException {
        ExternalCommand.Result result = OpenSshClient.to(sshd, tempDir).identity(clientKey).run("echo hi");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).isEqualTo("hi\n");
        assertThat(result.stderr()).as("sshd's debug log must not leak into a session's stderr").isEmpty();
    }

    @Test
    void servesSftp() throws IOException {
        Path local = Files.writeString(tempDir.resolve("upload.txt"), "over sftp\n");
        Path remote = tempDir.resolve("uploaded.txt");

        ExternalCommand.Result result = OpenSshClient.to(sshd, tempDir)
                .identity(sshd.clientKeys().ed25519())
                .sftpBatch("put " + local + " " + remote + "\n");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(remote).hasContent("over sftp");
    }

    @Test
    void anUnknownKeyIsRefusedUntilAuthorized() throws IOException {
        Path key = SshKeygen.generate(KeyType.ED25519, tempDir.resolve("extra_key"), "extra");
        OpenSshClient client = OpenSshClient.to(sshd, tempDir).identity(key);
        assertThat(client.run("true").exitCode()).isEqualTo(255);

        sshd.authorizeKey(SshKeygen.publicKeyLine(key));

        ExternalCommand.Result result = client.run("echo authorized");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).isEqualTo("authorized\n");
    }

    @Test
    void aCertificateFromATrustedUserCaLogsIn() throws IOException {
        Path ca = SshKeygen.generate(KeyType.ED25519, tempDir.resolve("user_ca"), "user-ca");
        Path key = SshKeygen.generate(KeyType.ECDSA_256, tempDir.resolve("cert_key"), "cert-key");
        ExternalCommand.of("ssh-keygen", "-q", "-s", ca.toString(), "-I", "fixture-test", "-n", sshd.user(),
                SshKeygen.publicKeyFile(key).toString()).run().requireSuccess();
        OpenSshClient client = OpenSshClient.to(sshd, tempDir).identity(key);
        assertThat(client.run("true").exitCode()).isEqualTo(255);

        sshd.trustUserCa(SshKeygen.publicKeyLine(ca));

        ExternalCommand.Result result = client.run("echo certified");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).isEqualTo("certified\n");
    }

    @Test
    void hostPublicKeysAreTheKeysSshdServes() throws IOException {
        ExternalCommand.Result scan = ExternalCommand.of("ssh-keyscan", "-p", Integer.toString(sshd.port()),
                sshd.host()).run().requireSuccess();

        assertThat(scan.stdout().lines().map(line -> line.substring(line.indexOf(' ') + 1)))
                .containsExactlyInAnyOrderElementsOf(sshd.hostPublicKeys());
        assertThat(sshd.hostPublicKeyFiles()).allSatisfy(file -> assertThat(file).isRegularFile());
    }

    @Test
    void builderOptionsReachSshd() throws IOException {
        try (OpenSshServer gcmOnly = OpenSshServer.builder().option("Ciphers", "aes256-gcm@openssh.com").start()) {
            ExternalCommand.Result refused = OpenSshClient.to(gcmOnly, tempDir)
                    .identity(gcmOnly.clientKeys().ed25519())
                    .option("Ciphers", "aes128-ctr")
                    .run("true");
            ExternalCommand.Result accepted = OpenSshClient.to(gcmOnly, tempDir)
                    .identity(gcmOnly.clientKeys().ed25519())
                    .verbose()
                    .run("true");

            assertThat(refused.stderr()).contains("no matching cipher found");
            assertThat(accepted.exitCode()).as(accepted.describe()).isZero();
            assertThat(accepted.stderr()).contains("cipher: aes256-gcm@openssh.com");
        }
    }

    @Test
    void closeKillsSshdAndFreesThePort() {
        OpenSshServer server = OpenSshServer.builder().start();
        int port = server.port();
        long pid = server.pid();

        server.close();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(SshdProcess.bannerArrives(port)).isFalse();
    }

    @Test
    void aFailedTestPrintsWhatSshdLoggedDuringIt() throws IOException {
        ExtensionContext failedTest = failedTestContext();
        sshd.beforeTestExecution(failedTest);
        Path unknownKey = SshKeygen.generate(KeyType.ED25519, tempDir.resolve("unknown"), "unknown");
        OpenSshClient.to(sshd, tempDir).identity(unknownKey).run("true");

        String printed = captureStandardError(() -> sshd.afterTestExecution(failedTest));

        assertThat(printed).contains("sshd log (port " + sshd.port() + ")")
                .contains("Failed publickey for " + sshd.user());
    }

    /** The first of two nested classes: whichever runs first must not stop the server. */
    @Nested
    class FirstNestedClass {
        @Test
        void seesTheServerRunning() {
            assertThat(SshdProcess.bannerArrives(sshd.port())).isTrue();
        }
    }

    /** The second of two nested classes: still finds the server the outer class started. */
    @Nested
    class SecondNestedClass {
        @Test
        void seesTheServerRunning() {
            assertThat(SshdProcess.bannerArrives(sshd.port())).isTrue();
        }
    }

    /** An ExtensionContext whose test threw, as JUnit hands it to an AfterTestExecutionCallback. */
    private static ExtensionContext failedTestContext() {
        return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getExecutionException" -> Optional.of(new AssertionError("failed on purpose"));
                    case "getDisplayName" -> "a failed test";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String captureStandardError(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
