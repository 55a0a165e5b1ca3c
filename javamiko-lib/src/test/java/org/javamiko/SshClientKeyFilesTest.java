package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.javamiko.keys.Ed25519Key;
import org.javamiko.testing.Connect;
import org.javamiko.testing.MinaServer;
import org.javamiko.testing.SshKeygen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key files in {@link SshClient#connect}: loaded while the server answers the key exchange,
 * their errors still reported after the host key check, and reused by later connects of the
 * same client only while unchanged.
 */
class SshClientKeyFilesTest {
    @RegisterExtension
    static final MinaServer mina = MinaServer.builder().build();

    @TempDir
    Path dir;

    @Test
    void anUnknownHostIsRefusedBeforeAMissingKeyFileIsReported() {
        Path missing = dir.resolve("no_such_key");
        try (SshClient client = new SshClient()) {
            assertThatThrownBy(() -> client.connect(mina.host(), Connect.withKey(mina, missing).build()))
                    .isInstanceOf(SshException.class)
                    .isNotInstanceOf(NoSuchFileException.class)
                    .hasMessageContaining(String.valueOf(mina.port()));
        }
    }

    @Test
    void aMissingKeyFileIsReportedForAKnownHost() {
        Path missing = dir.resolve("no_such_key");
        try (SshClient client = Connect.trusting(mina, dir)) {
            assertThatThrownBy(() -> client.connect(mina.host(), Connect.withKey(mina, missing).build()))
                    .isInstanceOf(NoSuchFileException.class)
                    .hasMessageContaining("no_such_key");
        }
    }

    @Test
    void aKeyFileReplacedBetweenTwoConnectsIsReadAgain() throws IOException {
        Path key = SshKeygen.generate(SshKeygen.KeyType.ED25519, dir.resolve("id_ed25519"), "replaced");
        mina.authorizeKey(SshKeygen.publicKeyLine(key));
        try (SshClient client = Connect.trusting(mina, dir)) {
            client.connect(mina.host(), Connect.withKey(mina, key).build());
            assertThat(client.getTransport().isAuthenticated()).isTrue();
            Ed25519Key.generate().writePrivateKeyFile(key, null); // a key the server does not know
            assertThatThrownBy(() -> client.connect(mina.host(), Connect.withKey(mina, key).build()))
                    .isInstanceOf(AuthenticationException.class);
        }
    }
}
