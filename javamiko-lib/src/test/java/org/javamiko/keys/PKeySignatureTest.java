package org.javamiko.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.junit.jupiter.api.Test;

/** Signing and verifying with generated keys, and the signature blob formats. */
class PKeySignatureTest {
    private static final byte[] DATA = "data".getBytes(StandardCharsets.UTF_8);
    /** RSA generation is slow: one key serves every test. */
    private static final RsaKey RSA = RsaKey.generate(2048);

    @Test
    void everyRsaAlgorithmSignsAndVerifies() throws Exception {
        RsaKey key = RSA;
        assertThat(key.signatureAlgorithms()).containsExactly("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
        for (String alg : key.signatureAlgorithms()) {
            byte[] sig = key.signSshData(DATA, alg);
            assertThat(SshBuffer.wrap(sig).getStringUtf8()).isEqualTo(alg);
            assertThat(key.verifySshSignature(DATA, sig)).isTrue();
        }
    }

    @Test
    void rsaSignatureWithLeadingZerosDroppedStillVerifies() throws Exception {
        RsaKey key = RSA;
        for (int i = 0; i < 2000; i++) {
            byte[] data = ("message " + i).getBytes(StandardCharsets.UTF_8);
            SshBuffer blob = SshBuffer.wrap(key.signSshData(data, "rsa-sha2-256"));
            String alg = blob.getStringUtf8();
            byte[] sig = blob.getString();
            if (sig[0] == 0) {
                byte[] stripped = java.util.Arrays.copyOfRange(sig, 1, sig.length);
                byte[] shortBlob = new SshBuffer().putString(alg).putString(stripped).toByteArray();
                assertThat(key.verifySshSignature(data, shortBlob)).isTrue();
                return;
            }
        }
        throw new AssertionError("no signature with a leading zero in 2000 tries (chance ~ 4e-4)");
    }

    @Test
    void ecdsaSignatureHoldsTwoMpints() throws Exception {
        for (int bits : new int[] {256, 384, 521}) {
            EcdsaKey key = EcdsaKey.generate(bits);
            SshBuffer blob = SshBuffer.wrap(key.signSshData(DATA, key.getName()));
            assertThat(blob.getStringUtf8()).isEqualTo("ecdsa-sha2-nistp" + bits);
            SshBuffer inner = SshBuffer.wrap(blob.getString());
            assertThat(inner.getMpint().signum()).isPositive();
            assertThat(inner.getMpint().signum()).isPositive();
            assertThat(inner.available()).isZero();
            assertThat(key.verifySshSignature(DATA, key.signSshData(DATA, key.getName()))).isTrue();
        }
    }

    @Test
    void signatureOverOtherDataDoesNotVerify() throws Exception {
        for (PKey key : List.of(Ed25519Key.generate(), EcdsaKey.generate(256), RSA)) {
            byte[] sig = key.signSshData(DATA, key.signatureAlgorithms().get(0));
            assertThat(key.verifySshSignature("other".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
        }
    }

    @Test
    void signatureOfAnotherKeyTypeDoesNotVerify() throws Exception {
        byte[] sig = Ed25519Key.generate().signSshData(DATA, "ssh-ed25519");
        assertThat(EcdsaKey.generate(256).verifySshSignature(DATA, sig)).isFalse();
        assertThat(RSA.verifySshSignature(DATA, sig)).isFalse();
    }

    @Test
    void truncatedSignatureBlobIsAnSshException() {
        Ed25519Key key = Ed25519Key.generate();
        assertThatThrownBy(() -> key.verifySshSignature(DATA, new byte[] {0, 0, 0, 11, 's'}))
                .isInstanceOf(SshException.class);
    }

    @Test
    void publicOnlyKeyRefusesToSign() throws Exception {
        PKey pub = PKey.fromBlob(Ed25519Key.generate().asBytes());
        assertThat(pub.canSign()).isFalse();
        assertThatThrownBy(() -> pub.signSshData(DATA, "ssh-ed25519"))
                .isInstanceOf(SshException.class).hasMessageContaining("private");
    }

    @Test
    void unknownAlgorithmIsRefused() {
        assertThatThrownBy(() -> RSA.signSshData(DATA, "ssh-dss"))
                .isInstanceOf(SshException.class).hasMessageContaining("ssh-dss");
    }

    @Test
    void rsaBelow2048BitsIsNotGenerated() {
        assertThatThrownBy(() -> RsaKey.generate(1024)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bitsMatchTheKeySize() {
        assertThat(Ed25519Key.generate().getBits()).isEqualTo(256);
        assertThat(EcdsaKey.generate(521).getBits()).isEqualTo(521);
        assertThat(RSA.getBits()).isEqualTo(2048);
    }
}
