package org.javamiko.internal.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class Poly1305Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void matchesRfc8439Section252Vector() {
        byte[] key = HEX.parseHex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b");
        byte[] msg = "Cryptographic Forum Research Group".getBytes(StandardCharsets.US_ASCII);
        byte[] tag = new byte[16];
        new Poly1305().mac(key, 0, msg, 0, msg.length, tag, 0);
        assertThat(HEX.formatHex(tag)).isEqualTo("a8061dc1305136c6c22b8baf0c0127a9");
    }

    @Test
    void matchesBouncyCastleForEveryLengthUpTo300() {
        Random random = new Random(8);
        Poly1305 ours = new Poly1305();
        for (int len = 0; len <= 300; len++) {
            byte[] key = CipherSuite.bytes(random, 32);
            byte[] msg = CipherSuite.bytes(random, len + 3);
            assertThat(tag(ours, key, msg, 3, len)).as("length %d", len).isEqualTo(bouncyCastleTag(key, msg, 3, len));
        }
    }

    @Test
    void matchesBouncyCastleWhenEveryLimbIsAtItsMaximum() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 0xff);
        Poly1305 ours = new Poly1305();
        for (int len : new int[] {15, 16, 17, 64, 1000}) {
            byte[] msg = new byte[len];
            Arrays.fill(msg, (byte) 0xff);
            assertThat(tag(ours, key, msg, 0, len)).as("length %d", len).isEqualTo(bouncyCastleTag(key, msg, 0, len));
        }
    }

    private static byte[] tag(Poly1305 poly, byte[] key, byte[] msg, int off, int len) {
        byte[] tag = new byte[16];
        poly.mac(key, 0, msg, off, len, tag, 0);
        return tag;
    }

    private static byte[] bouncyCastleTag(byte[] key, byte[] msg, int off, int len) {
        org.bouncycastle.crypto.macs.Poly1305 bc = new org.bouncycastle.crypto.macs.Poly1305();
        bc.init(new KeyParameter(key));
        bc.update(msg, off, len);
        byte[] tag = new byte[16];
        bc.doFinal(tag, 0);
        return tag;
    }
}
