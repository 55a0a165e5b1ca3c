package org.javamiko.internal.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our ciphers against Apache MINA SSHD's independent implementations: what one side encrypts
 * the other must decrypt, over several packets so stream and counter state is carried along.
 */
class MinaInteropTest {
    private static final int[] PAYLOAD_SIZES = {0, 17, 300, 4096, 32 * 1024};
    private static final int FIRST_SEQ = 3;

    static Iterable<CipherSuite> suites() {
        return CipherSuite.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void minaDecryptsWhatWeEncrypt(CipherSuite suite) throws Exception {
        PacketCipher ours = suite.encrypter();
        MinaPacketCodec mina = new MinaPacketCodec(suite, false, FIRST_SEQ);
        Random random = new Random(10);
        int seq = FIRST_SEQ;
        for (int size : PAYLOAD_SIZES) {
            TestPacket packet = TestPacket.of(ours, size, random);
            ours.encrypt(seq, packet.buf, packet.off, packet.len);
            mina.decrypt(seq, packet.buf, packet.off, packet.len);
            assertThat(packet.isPlaintext()).as("packet %d", seq).isTrue();
            seq++;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void weDecryptWhatMinaEncrypts(CipherSuite suite) throws Exception {
        PacketCipher ours = suite.decrypter();
        MinaPacketCodec mina = new MinaPacketCodec(suite, true, FIRST_SEQ);
        Random random = new Random(11);
        int seq = FIRST_SEQ;
        for (int size : PAYLOAD_SIZES) {
            TestPacket packet = TestPacket.of(ours, size, random);
            mina.encrypt(seq, packet.buf, packet.off, packet.len);
            int packetLength = ours.decryptLength(seq, packet.buf, packet.off);
            assertThat(packetLength).isEqualTo(packet.len - 4);
            ours.decrypt(seq, packet.buf, packet.off, 4 + packetLength);
            assertThat(packet.isPlaintext()).as("packet %d", seq).isTrue();
            seq++;
        }
    }

    @Test
    void gcmInvocationCounterWrapsWithinItsEightBytesAsMinaDoes() throws Exception {
        byte[] iv = new byte[12];
        Arrays.fill(iv, 4, 12, (byte) 0xff);
        iv[11] = (byte) 0xfe;
        assertMinaDecryptsAcross(suite(Ciphers.AES128_GCM, null, iv), 4);
    }

    @Test
    void ctrCounterCarriesAcrossAll128BitsAsMinaDoes() throws Exception {
        byte[] iv = new byte[16];
        Arrays.fill(iv, 1, 16, (byte) 0xff);
        iv[15] = (byte) 0x80;
        // 0x80 blocks to the carry into byte 0; 4 packets of 2 KiB cross it.
        assertMinaDecryptsAcross(suite(Ciphers.AES128_CTR, Macs.HMAC_SHA2_256_ETM, iv), 4);
    }

    private static CipherSuite suite(CipherFactory cipher, MacFactory mac, byte[] iv) {
        Random random = new Random(12);
        return new CipherSuite(cipher, mac, CipherSuite.bytes(random, cipher.keyLength()), iv,
                mac == null ? null : CipherSuite.bytes(random, mac.keyLength()));
    }

    private static void assertMinaDecryptsAcross(CipherSuite suite, int packets) throws Exception {
        PacketCipher ours = suite.encrypter();
        MinaPacketCodec mina = new MinaPacketCodec(suite, false, 0);
        Random random = new Random(13);
        for (int seq = 0; seq < packets; seq++) {
            TestPacket packet = TestPacket.of(ours, 2048, random);
            ours.encrypt(seq, packet.buf, packet.off, packet.len);
            mina.decrypt(seq, packet.buf, packet.off, packet.len);
            assertThat(packet.isPlaintext()).as("packet %d", seq).isTrue();
        }
    }
}
