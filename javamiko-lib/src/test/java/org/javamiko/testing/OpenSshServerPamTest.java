package org.javamiko.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves the PAM variant of {@link OpenSshServer} with OpenSSH's {@code ssh}, typing the password
 * through {@code SSH_ASKPASS}.
 */
class OpenSshServerPamTest {

    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().pam().build();

    @TempDir
    Path tempDir;

    @Test
    void offersPasswordAndKeyboardInteractive() throws IOException {
        ExternalCommand.Result probe = OpenSshClient.to(sshd, tempDir)
                .user(sshd.pamUser().name())
                .option("PreferredAuthentications", "none")
                .verbose()
                .run("true");

        assertThat(probe.stderr()).containsPattern("Authentications that can continue: .*password")
                .containsPattern("Authentications that can continue: .*keyboard-interactive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "keyboard-interactive"})
    void thePamUserLogsInWithItsPassword(String method) throws IOException {
        PamUser user = sshd.pamUser();

        ExternalCommand.Result result = OpenSshClient.to(sshd, tempDir)
                .user(user.name())
                .option("PreferredAuthentications", method)
                .answerPromptsWith(user.password())
                .run("id -un");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).isEqualTo(user.name() + "\n");
    }

    @Test
    void aWrongPasswordIsRefused() throws IOException {
        ExternalCommand.Result result = OpenSshClient.to(sshd, tempDir)
                .user(sshd.pamUser().name())
                .option("PreferredAuthentications", "keyboard-interactive")
                .option("NumberOfPasswordPrompts", "1")
                .answerPromptsWith("not the password")
                .run("true");

        assertThat(result.exitCode()).isEqualTo(255);
        assertThat(result.stderr()).contains("Permission denied");
    }
}
