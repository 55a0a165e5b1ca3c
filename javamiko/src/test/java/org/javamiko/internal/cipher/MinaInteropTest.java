package org.javamiko.internal.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

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
}
