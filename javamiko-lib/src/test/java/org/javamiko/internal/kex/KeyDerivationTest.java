package org.javamiko.internal.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class KeyDerivationTest {
    private static final HexFormat HEX = HexFormat.of();

    // NIST CAVP SP 800-135 SSH KDF vector ([SHA-1], shared secret 1024 bits, IV 64 bits,
    // encryption key 192 bits, COUNT 0). K is given as an mpint; the 24-byte keys need a second
    // SHA-1 block, so this exercises the RFC 4253 §7.2 extension too.
    private static final byte[] K = HEX.parseHex("0000008055bae931c07fd824bf10add1902b6fbc7c665347383498a686929ff5a25f8e40"
            + "cb6645ea814fb1a5e0a11f852f86255641e5ed986e83a78bc8269480eac0b0dfd770cab92e7a28dd87ff452466d6ae86"
            + "7cead63b366b1c286e6c4811a9f14c27aea14c5171d49b78c06e3735d36e6a3be321dd5fc82308f34ee1cb17fba94a59");
    private static final byte[] H = HEX.parseHex("a4ebd45934f56792b5112dcd75a1075fdc889245");

    private final KeyDerivation kdf = new KeyDerivation("SHA-1", K, H, H);

    @Test
    void derivesTheNistIvs() {
        assertThat(HEX.formatHex(kdf.derive(KeyDerivation.IV_CLIENT_TO_SERVER, 8))).isEqualTo("e2f627c0b43f1ac1");
        assertThat(HEX.formatHex(kdf.derive(KeyDerivation.IV_SERVER_TO_CLIENT, 8))).isEqualTo("58471445f342b181");
    }

    @Test
    void extendsKeysLongerThanOneHashAsInTheNistVector() {
        assertThat(HEX.formatHex(kdf.derive(KeyDerivation.KEY_CLIENT_TO_SERVER, 24)))
                .isEqualTo("1ca9d310f86d51f6cb8e7007cb2b220d55c5281ce680b533");
        assertThat(HEX.formatHex(kdf.derive(KeyDerivation.KEY_SERVER_TO_CLIENT, 24)))
                .isEqualTo("2c60df8603d34cc1dbb03c11f725a44b44008851c73d6844");
    }

    @Test
    void derivesTheNistIntegrityKeys() {
        assertThat(HEX.formatHex(kdf.derive(KeyDerivation.MAC_CLIENT_TO_SERVER, 20)))
                .isEqualTo("472eb8a26166ae6aa8e06868e45c3b26e6eeed06");
        assertThat(HEX.formatHex(kdf.derive(KeyDerivation.MAC_SERVER_TO_CLIENT, 20)))
                .isEqualTo("e3e2fdb9d7bc21165a3dbe47e1eceb7764390bab");
    }

    @Test
    void extendsOverSeveralBlocksAsRfc4253Defines() throws Exception {
        byte[] k = {0, 0, 0, 2, 0x12, 0x34};
        byte[] h = new byte[32];
        byte[] sessionId = new byte[32];
        h[0] = 1;
        sessionId[0] = 2;
        // K1 = HASH(K || H || "C" || session_id), K2 = HASH(K || H || K1), K3 = HASH(K || H || K1 || K2)
        byte[] k1 = sha256(k, h, new byte[] {'C'}, sessionId);
        byte[] k2 = sha256(k, h, k1);
        byte[] k3 = sha256(k, h, k1, k2);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(k1);
        expected.write(k2);
        expected.write(k3, 0, 16);

        byte[] derived = new KeyDerivation("SHA-256", k, h, sessionId).derive('C', 80);

        assertThat(derived).isEqualTo(expected.toByteArray());
    }

    @Test
    void usesTheSessionIdNotTheCurrentHash() {
        byte[] k = {0, 0, 0, 1, 5};
        byte[] h = {1, 2, 3};
        assertThat(new KeyDerivation("SHA-256", k, h, new byte[] {9}).derive('A', 16))
                .isNotEqualTo(new KeyDerivation("SHA-256", k, h, h).derive('A', 16));
    }

    @Test
    void takesItsInputsFromAKexResult() {
        KexResult result = new KexResult(new byte[1], new byte[1], H, K, "SHA-1");
        assertThat(KeyDerivation.of(result, H).derive('A', 8)).isEqualTo(kdf.derive('A', 8));
    }

    @Test
    void refusesALetterOutsideAToF() {
        assertThatThrownBy(() -> kdf.derive('G', 16)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] sha256(byte[]... parts) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }
}
