package org.javamiko.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.javamiko.SshException;
import org.junit.jupiter.api.Test;

/** Parsing one-line public keys: .pub files and authorized_keys entries. */
class PublicKeyLineTest {
    private static final Ed25519Key KEY = Ed25519Key.generate();

    @Test
    void lineWithCommentGivesKeyAndComment() throws Exception {
        PKey parsed = PKey.fromPublicKeyLine(KEY.publicKeyLine() + " alice@host\n");
        assertThat(parsed).isEqualTo(KEY);
        assertThat(parsed.getComment()).isEqualTo("alice@host");
        assertThat(parsed.publicKeyLine()).isEqualTo(KEY.publicKeyLine());
    }

    @Test
    void optionsPrefixIsSkipped() throws Exception {
        String line = "from=\"10.0.0.1,host name\",command=\"echo \\\"hi there\\\"\",no-pty " + KEY.publicKeyLine() + " c";
        assertThat(PKey.fromPublicKeyLine(line)).isEqualTo(KEY);
    }

    @Test
    void everyTypeRoundTrips() throws Exception {
        for (PKey key : new PKey[] {EcdsaKey.generate(256), EcdsaKey.generate(384), EcdsaKey.generate(521),
                RsaKey.generate(2048)}) {
            PKey parsed = PKey.fromPublicKeyLine(key.publicKeyLine());
            assertThat(parsed).isEqualTo(key).hasSameHashCodeAs(key);
            assertThat(parsed.getName()).isEqualTo(key.getName());
            assertThat(parsed.getBits()).isEqualTo(key.getBits());
        }
    }

    @Test
    void typeThatDisagreesWithTheBlobIsRefused() {
        String line = "ssh-rsa " + KEY.getBase64();
        assertThatThrownBy(() -> PKey.fromPublicKeyLine(line)).isInstanceOf(SshException.class);
    }

    @Test
    void garbageIsAnSshException() {
        assertThatThrownBy(() -> PKey.fromPublicKeyLine("hello world")).isInstanceOf(SshException.class);
        assertThatThrownBy(() -> PKey.fromPublicKeyLine("")).isInstanceOf(SshException.class);
        assertThatThrownBy(() -> PKey.fromPublicKeyLine("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB"))
                .isInstanceOf(SshException.class);
    }

    @Test
    void truncatedBlobIsAnSshException() {
        byte[] blob = KEY.asBytes();
        assertThatThrownBy(() -> PKey.fromBlob(java.util.Arrays.copyOf(blob, blob.length - 1)))
                .isInstanceOf(SshException.class);
    }

    @Test
    void dsaIsUnsupportedByName() {
        byte[] blob = new org.javamiko.internal.wire.SshBuffer().putString("ssh-dss").putInt(0).toByteArray();
        assertThatThrownBy(() -> PKey.fromBlob(blob)).isInstanceOf(SshException.class).hasMessageContaining("DSA");
    }

    @Test
    void pointOffTheCurveIsRefused() {
        EcdsaKey key = EcdsaKey.generate(256);
        byte[] blob = key.asBytes();
        blob[blob.length - 1] ^= 1;
        assertThatThrownBy(() -> PKey.fromBlob(blob)).isInstanceOf(SshException.class)
                .hasMessageContaining("not on the curve");
    }
}
