package org.javamiko.internal.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.javamiko.internal.cipher.CipherFactory;
import org.javamiko.internal.cipher.Ciphers;
import org.javamiko.internal.cipher.Macs;
import org.javamiko.internal.cipher.PacketCipher;
import org.javamiko.internal.wire.SshBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Batched channel data: several packets in one socket write, each a valid packet on its own. */
class PacketWriterTest {
    /** Counts the writes the socket sees. */
    private static final class CountingStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int writes;

        @Override
        public void write(int b) {
            writes++;
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes++;
            bytes.write(b, off, len);
        }
    }

    private static PacketCipher keyed(String name, boolean encrypt) throws IOException {
        CipherFactory f = Ciphers.byName(name).orElseThrow();
        byte[] key = new byte[name.startsWith("chacha") ? 64 : 16];
        byte[] iv = new byte[name.contains("gcm") ? 12 : name.contains("ctr") ? 16 : 0];
        Random r = new Random(3);
        r.nextBytes(key);
        r.nextBytes(iv);
        byte[] macKey = new byte[32];
        r.nextBytes(macKey);
        boolean needsMac = name.contains("ctr");
        return f.create(encrypt, key, iv, needsMac ? Macs.byName("hmac-sha2-256-etm@openssh.com").orElseThrow() : null,
                needsMac ? macKey : null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aes128-gcm@openssh.com", "aes128-ctr", "chacha20-poly1305@openssh.com"})
    void aBatchIsCutIntoPacketsOfAtMostTheMaximumAndWrittenAtOnce(String cipher) throws IOException {
        byte[] data = new byte[100_000];
        new Random(1).nextBytes(data);
        CountingStream socket = new CountingStream();
        PacketWriter writer = new PacketWriter(socket, keyed(cipher, true), new SecureRandom());
        writer.writeChannelData(42, -1, data, 0, data.length, 32768);

        assertThat(socket.writes).isEqualTo(1);
        PacketReader reader = new PacketReader(new ByteArrayInputStream(socket.bytes.toByteArray()),
                keyed(cipher, false), new byte[0]);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        List<Integer> sizes = new ArrayList<>();
        while (received.size() < data.length) {
            SshBuffer packet = reader.next();
            assertThat(packet.getByte()).isEqualTo(94);
            assertThat(packet.getInt()).isEqualTo(42);
            byte[] chunk = packet.getString();
            sizes.add(chunk.length);
            received.write(chunk);
        }
        assertThat(sizes).containsExactly(32768, 32768, 32768, 100_000 - 3 * 32768);
        assertThat(received.toByteArray()).isEqualTo(data);
        assertThat(reader.lastSequence()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 32768})
    void extendedDataWithinOnePacketKeepsItsTypeCode(int length) throws IOException {
        byte[] data = new byte[length];
        CountingStream socket = new CountingStream();
        PacketWriter writer = new PacketWriter(socket, Ciphers.none(), new SecureRandom());
        writer.writeChannelData(5, 1, data, 0, length, 32768);
        PacketReader reader = new PacketReader(new ByteArrayInputStream(socket.bytes.toByteArray()), Ciphers.none(),
                new byte[0]);
        SshBuffer packet = reader.next();
        assertThat(packet.getByte()).isEqualTo(95);
        assertThat(packet.getInt()).isEqualTo(5);
        assertThat(packet.getInt()).isEqualTo(1);
        assertThat(packet.getString()).hasSize(length);
        assertThat(socket.writes).isEqualTo(1);
    }

    @Test
    void aConnectionStartsWithASmallBufferAndDataGrowsIt() throws IOException {
        CountingStream socket = new CountingStream();
        PacketWriter writer = new PacketWriter(socket, keyed("aes128-gcm@openssh.com", true), new SecureRandom());
        writer.write(new byte[] {5, 0, 0, 0, 0}, 0, 5);
        int afterSmallPacket = writer.capacity();
        writer.writeChannelData(42, -1, new byte[100_000], 0, 100_000, 32768);

        assertThat(afterSmallPacket).isEqualTo(PacketWriter.INITIAL_BUFFER);
        assertThat(writer.capacity()).isGreaterThan(100_000);
    }
}
