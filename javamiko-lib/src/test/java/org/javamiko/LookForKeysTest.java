package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.javamiko.testing.Connect;
import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** lookForKeys: the keys in ~/.ssh are tried as paramiko tries them, encrypted ones only with a passphrase. */
class LookForKeysTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    Path home;

    private String realHome;

    @BeforeEach
    void pointHomeAtATempDir() throws IOException {
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        Files.createDirectories(home.resolve(".ssh"));
    }

    @AfterEach
    void restoreHome() {
        System.setProperty("user.home", realHome);
    }

    private Path keygen(String name, String passphrase) throws IOException {
        Path key = home.resolve(".ssh").resolve(name);
        ExternalCommand.of("ssh-keygen", "-q", "-t", name.equals("id_rsa") ? "rsa" : name.substring(3), "-N",
                passphrase, "-f", key.toString()).run().requireSuccess();
        sshd.authorizeKey(Files.readString(Path.of(key + ".pub")).strip());
        return key;
    }

    private ConnectOptions.Builder lookingForKeys() {
        return ConnectOptions.builder().port(sshd.port()).username(sshd.user()).allowAgent(false).lookForKeys(true);
    }

    @Test
    void aKeyInDotSshLogsIn() throws IOException {
        keygen("id_ed25519", "");
        try (SshClient client = Connect.trusting(sshd, home)) {
            client.connect(sshd.host(), lookingForKeys().build());
            assertThat(client.run("echo found").stdout()).isEqualTo("found\n");
        }
    }

    @Test
    void anEncryptedKeyIsSkippedWithoutAPassphraseAndTheNextOneIsUsed() throws IOException {
        keygen("id_rsa", "secret");
        keygen("id_ecdsa", "");
        try (SshClient client = Connect.trusting(sshd, home)) {
            client.connect(sshd.host(), lookingForKeys().build());
            assertThat(client.getTransport().isAuthenticated()).isTrue();
        }
        assertThat(sshd.log()).contains("ECDSA");
    }

    @Test
    void anEncryptedKeyIsDecryptedWithThePassphrase() throws IOException {
        keygen("id_ed25519", "secret");
        try (SshClient client = Connect.trusting(sshd, home)) {
            client.connect(sshd.host(), lookingForKeys().passphrase("secret").build());
            assertThat(client.getTransport().isAuthenticated()).isTrue();
        }
    }
}
