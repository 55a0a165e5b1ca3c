package org.javamiko.internal.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;

import org.javamiko.internal.cipher.CipherFactory;
import org.javamiko.internal.cipher.Ciphers;
import org.javamiko.internal.cipher.PacketCipher;
import org.javamiko.internal.wire.SshBuffer;
import org.junit.jupiter.api.Test;

/** The read buffer: small for every connection, grown for large packets and bulk transfers. */
class PacketReaderTest {
    private static final String GCM = "aes128-gcm@openssh.com";

    private static PacketCipher gcm(boolean encrypt) throws IOException {
        CipherFactory f = Ciphers.byName(GCM).orElseThrow();
        return f.create(encrypt, new byte[16], new byte[12], null, null);
    }

    /** Packets of channel data carrying {@code data}, {@code perPacket} bytes each, as the server would send them. */
    private static byte[] wire(byte[] data, int perPacket) throws IOException {
        ByteArrayOutputStream socket = new ByteArrayOutputStream();
        PacketWriter writer = new PacketWriter(socket, gcm(true), new SecureRandom());
        writer.writeChannelData(7, -1, data, 0, data.length, perPacket);
        return socket.toByteArray();
    }

    /** A socket that hands out at most {@code slice} bytes per read, as a slow peer's would. */
    private static InputStream sliced(byte[] bytes, int slice) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, slice));
            }
        };
    }

    private static byte[] readAll(PacketReader reader, int length) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        while (received.size() < length) {
            SshBuffer packet = reader.next();
            assertThat(packet.getByte()).isEqualTo(94);
            assertThat(packet.getInt()).isEqualTo(7);
            received.write(packet.getString());
        }
        return received.toByteArray();
    }

    private static byte[] random(int length) {
        byte[] data = new byte[length];
        new Random(length).nextBytes(data);
        return data;
    }

    @Test
    void aConnectionStartsWithASmallBuffer() throws IOException {
        PacketReader reader = new PacketReader(new ByteArrayInputStream(new byte[0]), gcm(false), new byte[0]);

        assertThat(reader.capacity()).isEqualTo(PacketReader.INITIAL_BUFFER);
    }

    @Test
    void trickledSmallPacketsKeepTheBufferAtItsFirstSize() throws IOException {
        byte[] data = random(300_000);
        PacketReader reader = new PacketReader(sliced(wire(data, 4096), 1000), gcm(false), new byte[0]);

        assertThat(readAll(reader, data.length)).isEqualTo(data);
        assertThat(reader.capacity()).isEqualTo(PacketReader.INITIAL_BUFFER);
    }

    @Test
    void trickledPacketsLargerThanTheBufferGrowItToTwoPacketsNotToTheMaximum() throws IOException {
        byte[] data = random(300_000);
        PacketReader reader = new PacketReader(sliced(wire(data, 32768), 1000), gcm(false), new byte[0]);

        assertThat(readAll(reader, data.length)).isEqualTo(data);
        assertThat(reader.capacity()).isGreaterThan(32768).isLessThanOrEqualTo(2 * (32768 + 64));
    }

    @Test
    void aPacketLargerThanTheBufferGrowsIt() throws IOException {
        byte[] data = random(200_000);
        PacketReader reader = new PacketReader(sliced(wire(data, 200_000), 1000), gcm(false), new byte[0]);

        assertThat(readAll(reader, data.length)).isEqualTo(data);
        assertThat(reader.capacity()).isGreaterThan(200_000);
    }

    @Test
    void readsThatFillTheBufferGrowItToTheMaximum() throws IOException {
        byte[] data = random(2_000_000);
        PacketReader reader = new PacketReader(new ByteArrayInputStream(wire(data, 32768)), gcm(false), new byte[0]);

        assertThat(readAll(reader, data.length)).isEqualTo(data);
        assertThat(reader.capacity()).isEqualTo(PacketReader.MAX_BUFFER);
    }

    @Test
    void bytesReadPastTheIdentificationLineComeFirst() throws IOException {
        byte[] data = random(50_000);
        byte[] stream = wire(data, 32768);
        int early = 100;
        byte[] rest = Arrays.copyOfRange(stream, early, stream.length);
        PacketReader reader = new PacketReader(new ByteArrayInputStream(rest), gcm(false),
                Arrays.copyOf(stream, early));

        assertThat(readAll(reader, data.length)).isEqualTo(data);
    }
}
