package org.javamiko.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.javamiko.SshClient;
import org.javamiko.keys.Ed25519Key;
import org.javamiko.keys.PKey;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Public key authentication as sshd sees it (its DEBUG3 log says what each request carried). */
class UserAuthOpenSshTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    static Path dir;

    @Test
    void aKeyHeldInMemoryIsSentSignedWithoutAQueryAndARefusalMovesOnToTheNextKey() throws IOException {
        Ed25519Key unknown = Ed25519Key.generate();
        PKey authorized = PKey.fromPath(KeySet.clientKeys().ed25519());
        try (SshClient client = Connect.trusting(sshd, dir)) {
            client.connect(sshd.host(), Connect.withKey(sshd, KeySet.clientKeys().ed25519()).pkey(unknown).build());
            assertThat(client.getTransport().isAuthenticated()).isTrue();
        }
        // sshd logs "querying public key" for a request without a signature, "attempting" for one with.
        String log = sshd.log();
        assertThat(log).contains("attempting public key " + unknown.publicKeyLine())
                .contains("attempting public key " + authorized.publicKeyLine())
                .doesNotContain("querying public key " + unknown.publicKeyLine())
                .doesNotContain("querying public key " + authorized.publicKeyLine());
    }
}
