package org.javamiko.internal.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Poly1305Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final String IETF_CONTRIBUTION = "Any submission to the IETF intended by the Contributor for"
            + " publication as all or part of an IETF Internet-Draft or RFC and any statement made within the context"
            + " of an IETF activity is considered an \"IETF Contribution\". Such statements include oral statements"
            + " in IETF sessions, as well as written and electronic communications made at any time or place, which"
            + " are addressed to";
    private static final String JABBERWOCKY = "2754776173206272696c6c69672c20616e642074686520736c6974687920746f"
            + "7665730a446964206779726520616e642067696d626c6520696e2074686520776162653a0a416c6c206d696d737920"
            + "776572652074686520626f726f676f7665732c0a416e6420746865206d6f6d65207261746873206f75746772616265"
            + "2e";
    /** Lengths around the block size, the four-block step and where the steps begin (128). */
    private static final int[] BOUNDARY_LENGTHS = {0, 1, 15, 16, 17, 47, 48, 63, 64, 65, 79, 80, 127, 128, 129,
        1000, 32800};

    @Test
    void matchesRfc8439Section252Vector() {
        byte[] key = HEX.parseHex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b");
        byte[] msg = "Cryptographic Forum Research Group".getBytes(StandardCharsets.US_ASCII);
        assertThat(HEX.formatHex(tag(new Poly1305(), key, msg, 0, msg.length))).isEqualTo("a8061dc1305136c6c22b8baf0c0127a9");
    }

    /** RFC 8439 Appendix A.3: #5 to #11 drive the accumulator to and across 2^130 - 5. */
    static Stream<Arguments> rfc8439AppendixA3() {
        String zeros16 = "00".repeat(16);
        String ietf = HEX.formatHex(IETF_CONTRIBUTION.getBytes(StandardCharsets.US_ASCII));
        String r1 = "01" + "00".repeat(31);
        String r2 = "02" + "00".repeat(31);
        String r10 = "0100000000000000040000000000000000000000000000000000000000000000";
        String m10 = "e33594d7505e43b90000000000000000" + "3394d7505e4379cd0100000000000000" + zeros16;
        return Stream.of(
                Arguments.of("#1", "00".repeat(32), "00".repeat(64), zeros16),
                Arguments.of("#2", zeros16 + "36e5f6b5c5e06070f0efca96227a863e", ietf, "36e5f6b5c5e06070f0efca96227a863e"),
                Arguments.of("#3", "36e5f6b5c5e06070f0efca96227a863e" + zeros16, ietf, "f3477e7cd95417af89a6b8794c310cf0"),
                Arguments.of("#4", "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0", JABBERWOCKY,
                        "4541669a7eaaee61e708dc7cbcc5eb62"),
                Arguments.of("#5", r2, "ff".repeat(16), "03" + "00".repeat(15)),
                Arguments.of("#6", "02" + "00".repeat(15) + "ff".repeat(16), "02" + "00".repeat(15), "03" + "00".repeat(15)),
                Arguments.of("#7", r1, "ff".repeat(16) + "f0" + "ff".repeat(15) + "11" + "00".repeat(15),
                        "05" + "00".repeat(15)),
                Arguments.of("#8", r1, "ff".repeat(16) + "fb" + "fe".repeat(15) + "01".repeat(16), zeros16),
                Arguments.of("#9", r2, "fd" + "ff".repeat(15), "fa" + "ff".repeat(15)),
                Arguments.of("#10", r10, m10 + "01" + "00".repeat(15), "14000000000000005500000000000000"),
                Arguments.of("#11", r10, m10, "13" + "00".repeat(15)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc8439AppendixA3")
    void matchesRfc8439AppendixA3Vector(String number, String key, String text, String expectedTag) {
        byte[] msg = HEX.parseHex(text);
        assertThat(HEX.formatHex(tag(new Poly1305(), HEX.parseHex(key), msg, 0, msg.length))).isEqualTo(expectedTag);
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
    void matchesBouncyCastleForRandomKeysLengthsAndOffsetsUpTo2000() {
        Random random = new Random(1305);
        Poly1305 ours = new Poly1305();
        for (int i = 0; i < 3000; i++) {
            int len = random.nextInt(2001);
            int off = random.nextInt(16);
            byte[] key = CipherSuite.bytes(random, 32);
            byte[] msg = CipherSuite.bytes(random, off + len);
            assertThat(tag(ours, key, msg, off, len)).as("case %d, length %d", i, len)
                    .isEqualTo(bouncyCastleTag(key, msg, off, len));
        }
    }

    @Test
    void matchesBouncyCastleWhenEveryLimbIsAtItsMaximum() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 0xff);
        Poly1305 ours = new Poly1305();
        for (int len : BOUNDARY_LENGTHS) {
            byte[] msg = new byte[len];
            Arrays.fill(msg, (byte) 0xff);
            assertThat(tag(ours, key, msg, 0, len)).as("length %d", len).isEqualTo(bouncyCastleTag(key, msg, 0, len));
        }
    }

    @Test
    void matchesBouncyCastleForAllOnesMessagesUnderRandomKeys() {
        Random random = new Random(130);
        Poly1305 ours = new Poly1305();
        for (int i = 0; i < 500; i++) {
            int len = random.nextInt(600);
            byte[] key = CipherSuite.bytes(random, 32);
            byte[] msg = new byte[len];
            Arrays.fill(msg, (byte) 0xff);
            assertThat(tag(ours, key, msg, 0, len)).as("case %d, length %d", i, len)
                    .isEqualTo(bouncyCastleTag(key, msg, 0, len));
        }
    }

    @Test
    void matchesBouncyCastleForRandomMessagesUnderTheLargestClampedR() {
        Random random = new Random(5);
        Poly1305 ours = new Poly1305();
        for (int i = 0; i < 500; i++) {
            int len = random.nextInt(600);
            byte[] key = CipherSuite.bytes(random, 32);
            Arrays.fill(key, 0, 16, (byte) 0xff);
            byte[] msg = CipherSuite.bytes(random, len);
            assertThat(tag(ours, key, msg, 0, len)).as("case %d, length %d", i, len)
                    .isEqualTo(bouncyCastleTag(key, msg, 0, len));
        }
    }

    @Test
    void readsKeyAtItsOffsetAndWritesOnlyTheSixteenTagBytes() {
        Random random = new Random(16);
        byte[] key = CipherSuite.bytes(random, 32);
        byte[] msg = CipherSuite.bytes(random, 200);
        byte[] keyAtOffset = new byte[32 + 7];
        System.arraycopy(key, 0, keyAtOffset, 7, 32);
        byte[] out = new byte[16 + 10];
        Arrays.fill(out, (byte) 0x5a);

        new Poly1305().mac(keyAtOffset, 7, msg, 0, msg.length, out, 5);

        byte[] expected = new byte[out.length];
        Arrays.fill(expected, (byte) 0x5a);
        System.arraycopy(bouncyCastleTag(key, msg, 0, msg.length), 0, expected, 5, 16);
        assertThat(out).isEqualTo(expected);
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
