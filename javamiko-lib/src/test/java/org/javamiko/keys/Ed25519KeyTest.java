package org.javamiko.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.javamiko.SshException;
import org.junit.jupiter.api.Test;

/** Ed25519 key pairs: the check that a seed belongs to its public key (RFC 8032 §7.1 vectors). */
class Ed25519KeyTest {
    // RFC 8032 §7.1, TEST 1 and TEST 2
    private static final byte[] SEED_1 = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final byte[] PUBLIC_1 = hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    private static final byte[] PUBLIC_2 = hex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");

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

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
