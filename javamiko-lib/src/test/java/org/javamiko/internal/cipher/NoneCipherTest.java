package org.javamiko.internal.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.javamiko.SshException;
import org.junit.jupiter.api.Test;

class NoneCipherTest {

    @Test
    void leavesPacketsAsTheyAreAndReadsTheLengthFromTheFirstBlock() throws SshException {
        PacketCipher none = Ciphers.none();
        TestPacket packet = TestPacket.of(none, 20, new Random(9));
        none.encrypt(0, packet.buf, packet.off, packet.len);
        assertThat(packet.isPlaintext()).isTrue();
        assertThat(none.lengthFieldBytes()).isEqualTo(8);
        assertThat(none.decryptLength(0, packet.buf, packet.off)).isEqualTo(packet.len - 4);
        none.decrypt(0, packet.buf, packet.off, packet.len);
        assertThat(packet.isPlaintext()).isTrue();
    }

    @Test
    void hasEightByteBlocksAndNoTag() {
        assertThat(Ciphers.none().blockSize()).isEqualTo(8);
        assertThat(Ciphers.none().tagLength()).isZero();
        assertThat(Ciphers.none().lengthExcludedFromPadding()).isFalse();
    }
}
