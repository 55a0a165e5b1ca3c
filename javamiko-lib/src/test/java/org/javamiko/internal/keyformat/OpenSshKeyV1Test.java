package org.javamiko.internal.keyformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.javamiko.keys.Ed25519Key;
import org.javamiko.keys.PKey;
import org.javamiko.keys.SkEd25519Key;
import org.junit.jupiter.api.Test;

/** OpenSSH v1 bodies built by hand, for the cases ssh-keygen cannot produce without hardware or bugs. */
class OpenSshKeyV1Test {
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private static byte[] body(byte[] publicBlob, SshBuffer privateSection) {
        while (privateSection.writePosition() % 8 != 0) {
            privateSection.putByte(privateSection.writePosition() % 8);
        }
        return new SshBuffer().putRaw(MAGIC).putString("none").putString("none").putString(new byte[0]).putInt(1)
                .putString(publicBlob).putString(privateSection.toByteArray()).toByteArray();
    }

    @Test
    void securityKeyPrivateFileLoadsAsAKeyThatCannotSign() throws Exception {
        byte[] pk = Ed25519Key.generate().getPublicKeyBytes();
        SkEd25519Key expected = new SkEd25519Key(pk, "ssh:");
        SshBuffer priv = new SshBuffer().putInt(7).putInt(7).putString(SkEd25519Key.TYPE).putString(pk)
                .putString("ssh:").putByte(1).putString(new byte[64]).putString(new byte[0]).putString("token");
        KeyMaterial decoded = OpenSshKeyV1.decode(body(expected.keyBlob(), priv), null);
        assertThat(decoded.publicBlob()).isEqualTo(expected.keyBlob());
        assertThat(decoded.privateKey()).isNull();
        assertThat(decoded.application()).isEqualTo("ssh:");
        assertThat(decoded.comment()).isEqualTo("token");
        PKey key = PKey.fromBlob(decoded.publicBlob());
        assertThat(key).isEqualTo(expected);
        assertThat(key.canSign()).isFalse();
        assertThatThrownBy(() -> key.signSshData(new byte[1], SkEd25519Key.TYPE)).isInstanceOf(SshException.class)
                .hasMessageContaining("security key");
    }

    @Test
    void privateHalfOfAnotherKeyIsRefused() {
        Ed25519Key a = Ed25519Key.generate();
        Ed25519Key b = Ed25519Key.generate();
        byte[] sk = new byte[64];
        System.arraycopy(b.getSeed(), 0, sk, 0, 32);
        System.arraycopy(b.getPublicKeyBytes(), 0, sk, 32, 32);
        SshBuffer priv = new SshBuffer().putInt(1).putInt(1).putString(Ed25519Key.TYPE).putString(b.getPublicKeyBytes())
                .putString(sk).putString("");
        assertThatThrownBy(() -> OpenSshKeyV1.decode(body(a.keyBlob(), priv), null)).isInstanceOf(SshException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void moreThanOneKeyIsRefusedByCount() {
        byte[] body = new SshBuffer().putRaw(MAGIC).putString("none").putString("none").putString(new byte[0])
                .putInt(2).toByteArray();
        assertThatThrownBy(() -> OpenSshKeyV1.decode(body, null)).isInstanceOf(SshException.class)
                .hasMessageContaining("2 keys");
    }

    @Test
    void unknownCipherIsNamed() {
        byte[] body = new SshBuffer().putRaw(MAGIC).putString("twofish-cbc").toByteArray();
        assertThatThrownBy(() -> OpenSshKeyV1.decode(body, "pw")).isInstanceOf(SshException.class)
                .hasMessageContaining("twofish-cbc");
    }
}
