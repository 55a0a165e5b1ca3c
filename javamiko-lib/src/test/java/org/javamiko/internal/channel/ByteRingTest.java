package org.javamiko.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRingTest {

    @Test
    void bytesComeOutInTheOrderTheyWentIn() {
        ByteRing ring = new ByteRing(4);
        ring.write(new byte[] {1, 2, 3}, 0, 3);
        byte[] out = new byte[3];

        assertThat(ring.read(out, 0, 3)).isEqualTo(3);
        assertThat(out).containsExactly(1, 2, 3);
        assertThat(ring.isEmpty()).isTrue();
    }

    @Test
    void aWriteAcrossTheEndWrapsAround() {
        ByteRing ring = new ByteRing(4);
        ring.write(new byte[] {1, 2, 3}, 0, 3);
        ring.read(new byte[2], 0, 2);
        ring.write(new byte[] {4, 5, 6}, 0, 3); // tail wraps: 3 at index 2, then 4 5 6
        byte[] out = new byte[4];

        assertThat(ring.read(out, 0, 4)).isEqualTo(4);
        assertThat(out).containsExactly(3, 4, 5, 6);
    }

    @Test
    void growingKeepsWrappedBytesInOrder() {
        ByteRing ring = new ByteRing(4);
        ring.write(new byte[] {1, 2, 3, 4}, 0, 4);
        ring.read(new byte[3], 0, 3);
        ring.write(new byte[] {5, 6, 7, 8, 9, 10}, 0, 6);
        byte[] out = new byte[7];

        assertThat(ring.read(out, 0, 7)).isEqualTo(7);
        assertThat(out).containsExactly(4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void aReadTakesNoMoreThanIsHeld() {
        ByteRing ring = new ByteRing(8);
        ring.write(new byte[] {7}, 0, 1);

        assertThat(ring.read(new byte[10], 0, 10)).isEqualTo(1);
        assertThat(ring.size()).isZero();
    }

    @Test
    void capacityPastOneGibibyteStopsAtTheLargestArrayInsteadOfOverflowing() {
        // an int doubled from 1 GiB went negative, then to 0, and the old loop never ended
        assertThat(ByteRing.capacityFor(8192, (1L << 30) + 1)).isEqualTo(ByteRing.MAX_CAPACITY);
    }

    @Test
    void capacityDoublesUntilTheNeededBytesFit() {
        assertThat(ByteRing.capacityFor(8192, 20_000)).isEqualTo(32_768);
    }

    @Test
    void moreThanAnyArrayHoldsIsRefusedClearly() {
        assertThatThrownBy(() -> ByteRing.capacityFor(8192, ByteRing.MAX_CAPACITY + 1L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot hold");
    }
}
