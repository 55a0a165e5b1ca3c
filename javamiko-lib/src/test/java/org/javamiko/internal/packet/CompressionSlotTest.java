package org.javamiko.internal.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

import org.javamiko.SshException;
import org.junit.jupiter.api.Test;

/** One direction's zlib slot: round trips, the delay until authentication, and the packet limit on inflating. */
class CompressionSlotTest {

    private static CompressionSlot[] pair(String method, boolean authenticated) {
        CompressionSlot out = CompressionSlot.outgoing();
        CompressionSlot in = CompressionSlot.incoming();
        out.newKeys(method, authenticated);
        in.newKeys(method, authenticated);
        return new CompressionSlot[] {out, in};
    }

    private static String roundTrip(CompressionSlot out, CompressionSlot in, String text) throws SshException {
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        byte[] z = Arrays.copyOf(out.compress(plain, 0, plain.length), out.length());
        return new String(in.decompress(z, 0, z.length), 0, in.length(), StandardCharsets.UTF_8);
    }

    @Test
    void zlibPayloadsSurviveOneStreamOfManyPackets() throws SshException {
        CompressionSlot[] slots = pair(CompressionSlot.ZLIB, false);
        assertThat(slots[0].isActive()).isTrue();
        for (int i = 0; i < 100; i++) {
            assertThat(roundTrip(slots[0], slots[1], "packet " + i + " ".repeat(i * 100))).isEqualTo("packet " + i + " ".repeat(i * 100));
        }
    }

    @Test
    void delayedZlibWaitsForAuthentication() {
        CompressionSlot[] slots = pair(CompressionSlot.ZLIB_DELAYED, false);
        assertThat(slots[0].isActive()).isFalse();
        slots[0].authenticated();
        assertThat(slots[0].isActive()).isTrue();
    }

    @Test
    void eachNewKeysStartsAFreshStreamOnBothSides() throws SshException {
        CompressionSlot[] slots = pair(CompressionSlot.ZLIB_DELAYED, true);
        roundTrip(slots[0], slots[1], "before the rekey");
        slots[0].newKeys(CompressionSlot.ZLIB_DELAYED, true);
        slots[1].newKeys(CompressionSlot.ZLIB_DELAYED, true);
        assertThat(roundTrip(slots[0], slots[1], "after the rekey")).isEqualTo("after the rekey");
    }

    @Test
    void aPayloadInflatingPastThePacketLimitIsRefused() {
        CompressionSlot in = CompressionSlot.incoming();
        in.newKeys(CompressionSlot.ZLIB, false);
        Deflater bomb = new Deflater();
        bomb.setInput(new byte[4 * 1024 * 1024]);
        byte[] z = new byte[64 * 1024];
        int n = bomb.deflate(z, 0, z.length, Deflater.SYNC_FLUSH);
        assertThatThrownBy(() -> in.decompress(z, 0, n)).isInstanceOf(SshException.class)
                .hasMessageContaining("decompression bomb");
    }

    @Test
    void dataThatIsNotZlibIsRefused() {
        CompressionSlot in = CompressionSlot.incoming();
        in.newKeys(CompressionSlot.ZLIB, false);
        assertThatThrownBy(() -> in.decompress(new byte[] {1, 2, 3, 4, 5, 6}, 0, 6)).isInstanceOf(SshException.class)
                .hasMessageContaining("not valid zlib");
    }
}
