package org.javamiko.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.javamiko.testing.SshKeygen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys we generate and write are read back by ssh-keygen, and by us. */
class KeyWritingTest {
    @TempDir
    Path dir;

    static PKey generate(String type) {
        return switch (type) {
            case "ed25519" -> Ed25519Key.generate();
            case "ecdsa256" -> EcdsaKey.generate(256);
            case "ecdsa384" -> EcdsaKey.generate(384);
            case "ecdsa521" -> EcdsaKey.generate(521);
            default -> RsaKey.generate(2048);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa256", "ecdsa384", "ecdsa521", "rsa"})
    void sshKeygenReadsOurUnencryptedKey(String type) throws Exception {
        SshKeygen.assumeAvailable();
        PKey key = generate(type);
        key.setComment("written by javamiko");
        Path file = dir.resolve("id_" + type);
        key.writePrivateKeyFile(file, null);
        String pub = SshKeygen.keygenOk("-y", "-f", file.toString()).strip();
        assertThat(PKey.fromPublicKeyLine(pub)).isEqualTo(key);
        assertThat(pub).startsWith(key.publicKeyLine()).endsWith("written by javamiko");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa256", "ecdsa384", "ecdsa521", "rsa"})
    void sshKeygenReadsOurEncryptedKeyWithThePassphrase(String type) throws Exception {
        SshKeygen.assumeAvailable();
        PKey key = generate(type);
        Path file = dir.resolve("id_" + type);
        key.writePrivateKeyFile(file, "s3cret phrase");
        String pub = SshKeygen.keygenOk("-y", "-P", "s3cret phrase", "-f", file.toString()).strip();
        assertThat(PKey.fromPublicKeyLine(pub)).isEqualTo(key);
        assertThat(SshKeygen.keygen("-y", "-P", "wrong", "-f", file.toString()).exit()).isNotZero();
    }

    @Test
    void weReadBackWhatWeWrite() throws Exception {
        for (String type : List.of("ed25519", "ecdsa384", "rsa")) {
            PKey key = generate(type);
            key.setComment("c " + type);
            Path plain = dir.resolve("plain_" + type);
            Path enc = dir.resolve("enc_" + type);
            key.writePrivateKeyFile(plain, null);
            key.writePrivateKeyFile(enc, "pw");
            for (PKey back : List.of(PKey.fromPath(plain), PKey.fromPath(enc, "pw"))) {
                assertThat(back).isEqualTo(key);
                assertThat(back.canSign()).isTrue();
                assertThat(back.getComment()).isEqualTo("c " + type);
            }
        }
    }

    @Test
    void encryptedFileUsesBcryptAndAes256CtrWithSixteenRounds() throws Exception {
        Path file = dir.resolve("id");
        Ed25519Key.generate().writePrivateKeyFile(file, "pw");
        String text = Files.readString(file);
        byte[] body = Base64.getMimeDecoder().decode(text.replace("-----BEGIN OPENSSH PRIVATE KEY-----", "")
                .replace("-----END OPENSSH PRIVATE KEY-----", ""));
        SshBuffer buf = SshBuffer.wrap(body);
        buf.skip(15);
        assertThat(buf.getStringUtf8()).isEqualTo("aes256-ctr");
        assertThat(buf.getStringUtf8()).isEqualTo("bcrypt");
        SshBuffer options = SshBuffer.wrap(buf.getString());
        assertThat(options.getString()).hasSize(16);
        assertThat(options.getInt()).isEqualTo(16);
    }

    @Test
    void newFileHasMode0600() throws Exception {
        Path file = dir.resolve("id");
        Ed25519Key.generate().writePrivateKeyFile(file, null);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void existingFileIsReplacedButItsModeNeverWidened() throws Exception {
        Path file = dir.resolve("id");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        Ed25519Key key = Ed25519Key.generate();
        key.writePrivateKeyFile(file, null);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("r--------");
        assertThat(PKey.fromPath(file)).isEqualTo(key);
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void publicKeyCannotBeWrittenAsPrivate() throws Exception {
        PKey pub = PKey.fromBlob(Ed25519Key.generate().asBytes());
        assertThatThrownBy(() -> pub.writePrivateKeyFile(dir.resolve("x"), null))
                .isInstanceOf(SshException.class).hasMessageContaining("private half");
    }

    @Test
    void ecdsaSizesOtherThanTheThreeAreRefused() {
        assertThatThrownBy(() -> EcdsaKey.generate(224)).isInstanceOf(IllegalArgumentException.class);
    }
}
