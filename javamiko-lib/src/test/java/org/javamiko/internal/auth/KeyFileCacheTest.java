package org.javamiko.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;

import org.javamiko.PasswordRequiredException;
import org.javamiko.SshException;
import org.javamiko.keys.Ed25519Key;
import org.javamiko.keys.PKey;
import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.SshKeygen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-client cache of decoded key files: reused only for the same unchanged file and passphrase. */
class KeyFileCacheTest {
    @TempDir
    Path dir;

    private final KeyFileCache cache = new KeyFileCache();
    private final AtomicInteger decodes = new AtomicInteger();

    private PKey load(Path file, String secret) throws IOException {
        return cache.get(file, secret, (f, s) -> {
            decodes.incrementAndGet();
            return PKey.fromPath(f, s);
        });
    }

    /** An Ed25519 key file written by OpenSSH's ssh-keygen, encrypted when a passphrase is given. */
    private Path keygen(String name, String passphrase) throws IOException {
        Path file = dir.resolve(name);
        ExternalCommand.of("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-f", file.toString()).run()
                .requireSuccess();
        return file;
    }

    @Test
    void anUnchangedFileIsDecodedOnce() throws IOException {
        Path file = keygen("id_ed25519", "");
        PKey first = load(file, null);
        assertThat(load(file, null)).isSameAs(first);
        assertThat(decodes).hasValue(1);
    }

    @Test
    void aRewrittenFileIsDecodedAgain() throws IOException {
        Path file = keygen("id_ed25519", "");
        PKey first = load(file, null);
        Ed25519Key.generate().writePrivateKeyFile(file, null);
        PKey second = load(file, null);
        assertThat(second).isNotEqualTo(first);
        assertThat(decodes).hasValue(2);
    }

    @Test
    void aTouchedFileIsDecodedAgain() throws IOException {
        Path file = keygen("id_ed25519", "");
        load(file, null);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 60_000));
        load(file, null);
        assertThat(decodes).hasValue(2);
    }

    @Test
    void aWrongPassphraseIsRefusedEvenAfterTheRightOneDecodedTheFile() throws IOException {
        Path file = keygen("id_ed25519", "right horse");
        assertThat(load(file, "right horse").canSign()).isTrue();
        assertThatThrownBy(() -> load(file, "wrong horse")).isInstanceOf(SshException.class);
        assertThatThrownBy(() -> load(file, null)).isInstanceOf(PasswordRequiredException.class);
    }

    @Test
    void aCertificateAppearingBesideTheKeyIsPickedUp() throws IOException {
        Path file = keygen("id_ed25519", "");
        assertThat(load(file, null).getCertificate()).isNull();
        Path ca = keygen("ca", "");
        ExternalCommand.of("ssh-keygen", "-q", "-s", ca.toString(), "-I", "cache-test", "-n", "someone",
                SshKeygen.publicKeyFile(file).toString()).run().requireSuccess();
        assertThat(load(file, null).getCertificate()).isNotNull();
    }

    @Test
    void aFailureIsNotRemembered() throws IOException {
        Path file = dir.resolve("id_ed25519");
        Files.writeString(file, "not a key\n");
        assertThatThrownBy(() -> load(file, null)).isInstanceOf(SshException.class);
        Ed25519Key.generate().writePrivateKeyFile(file, null);
        assertThat(load(file, null).canSign()).isTrue();
    }
}
