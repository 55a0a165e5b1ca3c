package org.javamiko.internal.keyformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** bcrypt-pbkdf and the Blowfish constants it starts from. */
class BcryptPbkdfTest {

    @Test
    void blowfishConstantsAreTheDigitsOfPi() {
        int[] w = BlowfishInit.WORDS;
        assertThat(w[0]).isEqualTo(0x243F6A88);
        assertThat(w[17]).isEqualTo(0x8979FB1B);
        assertThat(w[18]).isEqualTo(0xD1310BA6); // S-box 0, entry 0
        assertThat(w[18 + 1023]).isEqualTo(0x3AC372E6); // S-box 3, entry 255
    }

    @Test
    void knownVectorPasswordSaltFourRounds() {
        // The vector the pyca/bcrypt project checks its kdf() against.
        byte[] key = BcryptPbkdf.derive(bytes("password"), bytes("salt"), 4, 32);
        assertThat(HexFormat.of().formatHex(key))
                .isEqualTo("5bbf0cc293587f1c3635555c27796598d47e579071bf427e9d8fbe842aba34d9");
    }

    @Test
    void outputIsInterleavedSoAPrefixDiffersFromAShorterRequest() {
        byte[] k48 = BcryptPbkdf.derive(bytes("pw"), bytes("saltsaltsaltsalt"), 1, 48);
        byte[] k32 = BcryptPbkdf.derive(bytes("pw"), bytes("saltsaltsaltsalt"), 1, 32);
        assertThat(k48).hasSize(48);
        assertThat(java.util.Arrays.copyOf(k48, 32)).isNotEqualTo(k32);
    }

    @Test
    void zeroRoundsAreRefused() {
        assertThatThrownBy(() -> BcryptPbkdf.derive(bytes("pw"), bytes("salt"), 0, 32))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
