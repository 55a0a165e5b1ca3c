package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.javamiko.testing.Connect;
import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.javamiko.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Password, keyboard-interactive and key logins against OpenSSH sshd driven by Debian's PAM stack. */
class AuthOpenSshTest {
    @RegisterExtension
    static final OpenSshServer pam = OpenSshServer.builder().pam().build();

    @TempDir
    static Path dir;

    private static ConnectOptions.Builder asPamUser() {
        return ConnectOptions.builder().port(pam.port()).username(pam.pamUser().name()).lookForKeys(false).allowAgent(false);
    }

    @Test
    void passwordLogin() throws IOException {
        try (SshClient client = Connect.trusting(pam, dir)) {
            client.connect(pam.host(), asPamUser().password(pam.pamUser().password()).build());
            assertThat(client.run("id -un").stdout()).isEqualTo(pam.pamUser().name() + "\n");
        }
    }

    @Test
    void keyboardInteractiveAnsweredWithThePasswordWhenPasswordAuthIsOff() throws IOException {
        try (OpenSshServer kbdOnly = OpenSshServer.builder().pam().option("PasswordAuthentication", "no").start();
             SshClient client = Connect.trusting(kbdOnly, dir)) {
            client.connect(kbdOnly.host(), ConnectOptions.builder().port(kbdOnly.port())
                    .username(kbdOnly.pamUser().name()).password(kbdOnly.pamUser().password())
                    .lookForKeys(false).allowAgent(false).build());
            assertThat(client.run("echo in").stdout()).isEqualTo("in\n");
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithWhatWasTriedAndAllowed() {
        try (SshClient client = Connect.trusting(pam, dir)) {
            assertThatThrownBy(() -> client.connect(pam.host(), asPamUser().password("not-the-password").build()))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("tried password")
                    .hasMessageContaining("publickey");
        }
    }

    @Test
    void authNoneIsRefusedWithTheAllowedMethods() throws IOException {
        try (Transport t = new Transport(new Socket(pam.host(), pam.port()))) {
            t.startClient(Duration.ofSeconds(10));
            assertThatThrownBy(() -> t.authNone(pam.pamUser().name()))
                    .isInstanceOfSatisfying(BadAuthenticationTypeException.class,
                            e -> assertThat(e.allowedTypes()).contains("publickey", "password", "keyboard-interactive"));
        }
    }

    @Test
    void twoFactorLoginGoesOnAfterPartialSuccess() throws IOException {
        try (OpenSshServer twoFactor = OpenSshServer.builder().pam()
                .option("AuthenticationMethods", "publickey,password").start();
             SshClient client = Connect.trusting(twoFactor, dir)) {
            client.connect(twoFactor.host(), ConnectOptions.builder().port(twoFactor.port())
                    .username(twoFactor.pamUser().name()).keyFilename(KeySet.clientKeys().ed25519())
                    .password(twoFactor.pamUser().password()).lookForKeys(false).allowAgent(false).build());
            assertThat(client.run("echo both").stdout()).isEqualTo("both\n");
            assertThat(twoFactor.log()).contains("Partial publickey");
        }
    }

    @Test
    void anEncryptedKeyLogsInWithItsPassphrase() throws IOException {
        Path key = dir.resolve("locked_ed25519");
        ExternalCommand.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "s3cret", "-f", key.toString()).run().requireSuccess();
        try (OpenSshServer server = OpenSshServer.builder().start()) {
            server.authorizeKey(java.nio.file.Files.readString(Path.of(key + ".pub")).strip());
            try (SshClient client = Connect.trusting(server, dir)) {
                client.connect(server.host(), Connect.withKey(server, key).passphrase("s3cret").build());
                assertThat(client.getTransport().isAuthenticated()).isTrue();
            }
            try (SshClient client = Connect.trusting(server, dir)) {
                assertThatThrownBy(() -> client.connect(server.host(), Connect.withKey(server, key).build()))
                        .isInstanceOf(PasswordRequiredException.class);
            }
        }
    }

    @Test
    void disabledAlgorithmsAreNotOffered() throws IOException {
        try (SshClient client = Connect.trusting(pam, dir)) {
            client.connect(pam.host(), Connect.withKey(pam, KeySet.clientKeys().ed25519())
                    .disabledAlgorithms(Map.of("ciphers", List.of("chacha20-poly1305@openssh.com"))).build());
            assertThat(client.getTransport().getNegotiated().cipherOut()).isEqualTo("aes128-gcm@openssh.com");
        }
    }
}
