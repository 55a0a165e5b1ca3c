package org.javamiko.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.junit.jupiter.api.Test;

/** Ed25519 key pairs, signatures and public points, on RFC 8032 §7.1's vectors. */
class Ed25519KeyTest {
    // RFC 8032 §7.1, TEST 1 and TEST 2
    private static final byte[] SEED_1 = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final byte[] PUBLIC_1 = hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    private static final byte[] PUBLIC_2 = hex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
    /** TEST 1's signature of the empty message. */
    private static final byte[] SIGNATURE_1 = hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

    @Test
    void thePublicKeyOfASeedIsDerivedAsRfc8032Says() {
        assertThat(Ed25519Key.publicKeyOf(SEED_1)).isEqualTo(PUBLIC_1);
    }

    @Test
    void aSeedWithItsOwnPublicKeyMakesAKeyThatSigns() throws SshException {
        assertThat(new Ed25519Key(PUBLIC_1, SEED_1).canSign()).isTrue();
    }

    @Test
    void aSeedWithAnotherPublicKeyIsRefused() {
        assertThatThrownBy(() -> new Ed25519Key(PUBLIC_2, SEED_1)).isInstanceOf(SshException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void signsTheEmptyMessageAsRfc8032Says() throws Exception {
        byte[] blob = new Ed25519Key(PUBLIC_1, SEED_1).signSshData(new byte[0], Ed25519Key.TYPE);
        assertThat(blob).isEqualTo(sshSignature(SIGNATURE_1));
    }

    @Test
    void verifiesRfc8032sSignatureAndRefusesItOverAnotherMessage() throws Exception {
        Ed25519Key key = new Ed25519Key(PUBLIC_1);
        assertThat(key.verifySshSignature(new byte[0], sshSignature(SIGNATURE_1))).isTrue();
        assertThat(key.verifySshSignature(new byte[] {0}, sshSignature(SIGNATURE_1))).isFalse();
    }

    @Test
    void aPublicKeyThatIsNoPointOfTheCurveIsRefused() {
        // y = 2 has no x on the curve: (y^2 - 1) / (d y^2 + 1) is not a square mod p
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2;
        assertThatThrownBy(() -> new Ed25519Key(notAPoint)).isInstanceOf(SshException.class)
                .hasMessageContaining("not a point");
    }

    private static byte[] sshSignature(byte[] raw) {
        return new SshBuffer().putString(Ed25519Key.TYPE).putString(raw).toByteArray();
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
