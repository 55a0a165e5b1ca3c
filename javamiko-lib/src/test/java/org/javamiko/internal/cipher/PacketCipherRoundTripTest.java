package org.javamiko.internal.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.javamiko.SshException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PacketCipherRoundTripTest {
    private static final int[] PAYLOAD_SIZES = {0, 1, 11, 100, 1000, 32 * 1024, 35_000};

    static Iterable<CipherSuite> suites() {
        return CipherSuite.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void packetsOfEverySizeSurviveEncryptThenDecrypt(CipherSuite suite) throws SshException {
        PacketCipher out = suite.encrypter();
        PacketCipher in = suite.decrypter();
        Random random = new Random(1);
        int seq = 0;
        for (int size : PAYLOAD_SIZES) {
            assertRoundTrip(out, in, seq++, TestPacket.of(out, size, random));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void sequenceNumbersWrapAroundAt2To32(CipherSuite suite) throws SshException {
        PacketCipher out = suite.encrypter();
        PacketCipher in = suite.decrypter();
        Random random = new Random(2);
        int seq = 0xFFFF_FFFD;
        for (int i = 0; i < 6; i++) {
            assertRoundTrip(out, in, seq++, TestPacket.of(out, 50 + i, random));
        }
        assertThat(seq).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void tamperingWithAnyByteIsDetected(CipherSuite suite) throws SshException {
        Random random = new Random(3);
        PacketCipher sizing = suite.encrypter();
        int bytesOnWire = TestPacket.of(sizing, 40, random).len + sizing.tagLength();
        for (int i = 0; i < bytesOnWire; i++) {
            PacketCipher out = suite.encrypter();
            PacketCipher in = suite.decrypter();
            TestPacket packet = TestPacket.of(out, 40, random);
            out.encrypt(9, packet.buf, packet.off, packet.len);
            packet.buf[packet.off + i] ^= (byte) (1 << (i % 8));

            in.decryptLength(9, packet.buf, packet.off);
            assertThatThrownBy(() -> in.decrypt(9, packet.buf, packet.off, packet.len))
                    .as("flipped byte %d", i)
                    .isInstanceOf(SshException.class)
                    .hasMessageStartingWith("MAC error");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void ciphertextDiffersFromPlaintext(CipherSuite suite) throws SshException {
        PacketCipher out = suite.encrypter();
        TestPacket packet = TestPacket.of(out, 64, new Random(4));
        out.encrypt(0, packet.buf, packet.off, packet.len);
        assertThat(packet.payloadEqualsPlaintext()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void misalignedLengthIsRejectedBeforeDecryption(CipherSuite suite) throws SshException {
        PacketCipher out = suite.encrypter();
        PacketCipher in = suite.decrypter();
        TestPacket packet = TestPacket.of(out, 64, new Random(5));
        out.encrypt(0, packet.buf, packet.off, packet.len);
        in.decryptLength(0, packet.buf, packet.off);
        assertThatThrownBy(() -> in.decrypt(0, packet.buf, packet.off, packet.len - 1))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("multiple of " + in.blockSize());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void packetUnderAnotherSequenceNumberIsRejected(CipherSuite suite) throws SshException {
        org.junit.jupiter.api.Assumptions.assumeFalse(suite.cipher().wireName().contains("gcm"),
                "AES-GCM binds its own invocation counter, not the sequence number");
        PacketCipher out = suite.encrypter();
        PacketCipher in = suite.decrypter();
        TestPacket packet = TestPacket.of(out, 64, new Random(6));
        out.encrypt(5, packet.buf, packet.off, packet.len);
        in.decryptLength(6, packet.buf, packet.off);
        assertThatThrownBy(() -> in.decrypt(6, packet.buf, packet.off, packet.len))
                .isInstanceOf(SshException.class)
                .hasMessageStartingWith("MAC error");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void droppedPacketBreaksTheNextOne(CipherSuite suite) throws SshException {
        PacketCipher out = suite.encrypter();
        PacketCipher in = suite.decrypter();
        Random random = new Random(7);
        TestPacket dropped = TestPacket.of(out, 64, random);
        out.encrypt(0, dropped.buf, dropped.off, dropped.len);
        TestPacket next = TestPacket.of(out, 64, random);
        out.encrypt(1, next.buf, next.off, next.len);
        in.decryptLength(0, next.buf, next.off);
        assertThatThrownBy(() -> in.decrypt(0, next.buf, next.off, next.len))
                .isInstanceOf(SshException.class)
                .hasMessageStartingWith("MAC error");
    }

    static void assertRoundTrip(PacketCipher out, PacketCipher in, int seq, TestPacket packet) throws SshException {
        out.encrypt(seq, packet.buf, packet.off, packet.len);
        int packetLength = in.decryptLength(seq, packet.buf, packet.off);
        assertThat(packetLength).as("packet_length of packet %s", Integer.toUnsignedString(seq))
                .isEqualTo(packet.len - 4);
        in.decrypt(seq, packet.buf, packet.off, 4 + packetLength);
        assertThat(packet.isPlaintext()).as("plaintext of packet %s", Integer.toUnsignedString(seq)).isTrue();
    }
}
