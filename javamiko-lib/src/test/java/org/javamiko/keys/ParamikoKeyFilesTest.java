package org.javamiko.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;

import org.javamiko.PasswordRequiredException;
import org.javamiko.SshException;
import org.javamiko.testing.SharedTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The key files of paramiko's test suite, each behaving as src/test/resources/testdata/paramiko-keys/README.md says. */
class ParamikoKeyFilesTest {
    static final Path DIR = SharedTestData.dir("paramiko-keys");


    static String md5(PKey key) {
        return HexFormat.ofDelimiter(":").formatHex(key.getFingerprint());
    }

    @ParameterizedTest
    @CsvSource({
        "ed25519.key,,SHA256:J6VESFdD3xSChn8y9PzWzeF+1tl892mOy2TqkMLO4ow",
        "test_ed25519_password.key,abc123,SHA256:vijWjn8kDy5J+W12WfaRfew8XSv0PYC1q+EAwoYNavM",
        "test_ed25519-funky-padding.key,,SHA256:3IBDT/vhj7a/KLk0eOJGmAwr61J1BDyJFzcN1uR7svo",
        "test_ed25519-funky-padding_password.key,asdf,SHA256:Ca8QpCjidisbr71f7ChwVUhmihqQBo9uRP9j66xpKvk",
        "test_ecdsa_384_openssh.key,television,SHA256:JCluROU017Asa3uXLaZUoiLxfkNIVPQNS1XSWNTFMd4",
        "test_rsa_openssh.key,television,SHA256:yGChUa/FSl7RyyWAE9BJ/Nsl8gNFXsa9zyuXEi2vJ3s",
        "test_rsa_openssh_nopad.key,,SHA256:j9MjfcEwC+S2CgkNmQnZ8G4KurEvg0D9+69F3cANMCA",
        "rsa.key,,SHA256:OhNL391d/beeFnxxg18AwWVYTAHww+D4djEE7Co0Yng",
        "rsa-lonely.key,,SHA256:OhNL391d/beeFnxxg18AwWVYTAHww+D4djEE7Co0Yng",
        "test_rsa_password.key,television,SHA256:OhNL391d/beeFnxxg18AwWVYTAHww+D4djEE7Co0Yng",
        "ecdsa-256.key,,SHA256:BrQG04oNKUETjKCeL4ifkARASg3yxS/pUHl3wWM26Yg",
        "test_ecdsa_384.key,,SHA256:gS77hXIdYORpQQz4zE2jGK/4A9oKIOnpl/41+VC7Nfs",
        "test_ecdsa_521.key,,SHA256:zdi2SEOxcegSe59/ROSPVwZQjHuuxRgyrazpXpeIdYM",
        "test_ecdsa_password_256.key,television,SHA256:BrQG04oNKUETjKCeL4ifkARASg3yxS/pUHl3wWM26Yg",
        "test_ecdsa_password_384.key,television,SHA256:gS77hXIdYORpQQz4zE2jGK/4A9oKIOnpl/41+VC7Nfs",
        "test_ecdsa_password_521.key,television,SHA256:zdi2SEOxcegSe59/ROSPVwZQjHuuxRgyrazpXpeIdYM",
    })
    void keyFileLoadsWithItsFingerprint(String file, String passphrase, String fingerprint) throws Exception {
        PKey key = PKey.fromPath(DIR.resolve(file), passphrase);
        assertThat(key.fingerprint()).isEqualTo(fingerprint);
        assertThat(key.canSign()).isTrue();
        byte[] sig = key.signSshData(new byte[] {1, 2, 3}, key.signatureAlgorithms().get(0));
        assertThat(key.verifySshSignature(new byte[] {1, 2, 3}, sig)).isTrue();
    }

    @Test
    void ed25519HasTheReadmeMd5() throws Exception {
        PKey key = PKey.fromPath(DIR.resolve("ed25519.key"));
        assertThat(md5(key)).isEqualTo("b3:d5:22:aa:f9:75:5e:e8:cd:0e:ea:02:b9:29:a2:80");
    }

    @Test
    void pemKeysHaveTheReadmeMd5() throws Exception {
        assertThat(md5(PKey.fromPath(DIR.resolve("rsa.key"))))
                .isEqualTo("60:73:38:44:cb:51:86:65:7f:de:da:a2:2b:5a:57:d5");
        assertThat(md5(PKey.fromPath(DIR.resolve("ecdsa-256.key"))))
                .isEqualTo("25:19:eb:55:e6:a1:47:ff:4f:38:d2:75:6f:a5:d5:60");
    }

    @Test
    void encryptedPemKeyWithoutPassphraseRequiresOne() {
        assertThatThrownBy(() -> PKey.fromPath(DIR.resolve("test_rsa_password.key")))
                .isInstanceOf(PasswordRequiredException.class);
        assertThatThrownBy(() -> PKey.fromPath(DIR.resolve("test_ecdsa_password_256.key")))
                .isInstanceOf(PasswordRequiredException.class);
    }

    @Test
    void wrongPassphraseForPemKeyIsSaidToBeWrong() {
        assertThatThrownBy(() -> PKey.fromPath(DIR.resolve("test_ecdsa_password_384.key"), "radio"))
                .isInstanceOf(SshException.class)
                .isNotInstanceOf(PasswordRequiredException.class)
                .hasMessageContaining("passphrase");
    }

    @Test
    void ed448IsAnUnsupportedKeyTypeByName() {
        assertThatThrownBy(() -> PKey.fromPath(DIR.resolve("ed448.key")))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("ed448.key")
                .hasMessageContaining("key type")
                .hasMessageContaining("Ed448");
    }

    @Test
    void badhashKeysAreDifferentKeys() throws Exception {
        PKey one = PKey.fromPath(DIR.resolve("badhash_key1.ed25519.key"));
        PKey two = PKey.fromPath(DIR.resolve("badhash_key2.ed25519.key"));
        assertThat(one).isNotEqualTo(two);
        assertThat(one.fingerprint()).isNotEqualTo(two.fingerprint());
    }

    @Test
    void publicLineOfRsaKeyLoads() throws Exception {
        PKey key = PKey.fromPublicKeyLine(Files.readString(DIR.resolve("test_rsa.key.pub")));
        assertThat(key.fingerprint()).isEqualTo("SHA256:OhNL391d/beeFnxxg18AwWVYTAHww+D4djEE7Co0Yng");
        assertThat(md5(key)).isEqualTo("60:73:38:44:cb:51:86:65:7f:de:da:a2:2b:5a:57:d5");
        assertThat(key.getBits()).isEqualTo(1024);
        assertThat(key.canSign()).isFalse();
    }

    @Test
    void encryptedKeyWithoutPassphraseRequiresOne() {
        assertThatThrownBy(() -> PKey.fromPath(DIR.resolve("test_ed25519_password.key")))
                .isInstanceOf(PasswordRequiredException.class)
                .hasMessageContaining("test_ed25519_password.key");
    }

    @Test
    void wrongPassphraseIsSaidToBeWrong() {
        assertThatThrownBy(() -> PKey.fromPath(DIR.resolve("test_rsa_openssh.key"), "not television"))
                .isInstanceOf(SshException.class)
                .isNotInstanceOf(PasswordRequiredException.class)
                .hasMessageContaining("test_rsa_openssh.key")
                .hasMessageContaining("passphrase");
    }

    @Test
    void emptyFileIsAClearError() {
        assertThatThrownBy(() -> PKey.fromPath(DIR.resolve("blank_rsa.key")))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("blank_rsa.key")
                .hasMessageContaining("empty");
    }

    @Test
    void missingFileIsNoSuchFile() {
        assertThatThrownBy(() -> PKey.fromPath(DIR.resolve("no-such.key")))
                .isInstanceOf(NoSuchFileException.class);
    }
}
