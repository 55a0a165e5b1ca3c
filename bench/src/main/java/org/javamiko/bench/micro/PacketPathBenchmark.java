package org.javamiko.bench.micro;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.javamiko.internal.cipher.CipherFactory;
import org.javamiko.internal.cipher.Ciphers;
import org.javamiko.internal.cipher.Macs;
import org.javamiko.internal.cipher.PacketCipher;
import org.javamiko.internal.packet.PacketReader;
import org.javamiko.internal.packet.PacketWriter;
import org.javamiko.internal.wire.SshBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Our packet path for one 32 KiB SSH_MSG_CHANNEL_DATA: {@link PacketWriter} (framing, padding,
 * encrypt+MAC) and {@link PacketReader} (decrypt+verify, unframing), per cipher. Compare with
 * {@link JcaPrimitiveBenchmark} on the same 32 KiB: the ratio is the cost of our framing and
 * of our cipher glue over the bare JCA primitive.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PacketPathBenchmark {
    /** The channel data per packet: OpenSSH's and our maximum packet payload for channels. */
    static final int DATA = 32 * 1024;

    /** The cipher: gcm, ctr+etm or chacha. */
    @Param({"gcm", "ctr+etm", "chacha"})
    public String cipher;

    private final byte[] data = new byte[DATA];
    private PacketWriter writer;
    private PacketWriter feedWriter;
    private PacketReader reader;
    private final Capture feed = new Capture();
    private final SwappableInput input = new SwappableInput();

    /** Keys both directions with random keys. */
    @Setup(Level.Trial)
    public void keys() throws IOException {
        SecureRandom random = new SecureRandom();
        random.nextBytes(data);
        CipherFactory f = factory(cipher);
        byte[] key = bytes(random, f.keyLength());
        byte[] iv = bytes(random, f.ivLength());
        byte[] macKey = bytes(random, Macs.HMAC_SHA2_256_ETM.keyLength());
        writer = new PacketWriter(OutputStream.nullOutputStream(), create(f, true, key, iv, macKey), random);
        feedWriter = new PacketWriter(feed, create(f, true, key, iv, macKey), random);
        reader = new PacketReader(input, create(f, false, key, iv, macKey), new byte[0]);
    }

    /** Encrypts the next packet for {@link #readPacket} (not timed). */
    @Setup(Level.Invocation)
    public void nextPacketToRead() throws IOException {
        feed.reset();
        feedWriter.writeChannelData(7, -1, data, 0, DATA, DATA);
        input.set(feed.bytes(), feed.length());
    }

    /** Frames, pads, encrypts and MACs one 32 KiB channel data packet. */
    @Benchmark
    public PacketWriter writePacket() throws IOException {
        writer.writeChannelData(7, -1, data, 0, DATA, DATA);
        return writer;
    }

    /** Reads, verifies and decrypts one 32 KiB channel data packet. */
    @Benchmark
    public SshBuffer readPacket() throws IOException {
        return reader.next();
    }

    static CipherFactory factory(String shortName) {
        return switch (shortName) {
            case "gcm" -> Ciphers.AES128_GCM;
            case "ctr+etm" -> Ciphers.AES128_CTR;
            case "chacha" -> Ciphers.CHACHA20_POLY1305;
            default -> throw new IllegalArgumentException(shortName);
        };
    }

    private static PacketCipher create(CipherFactory f, boolean encrypt, byte[] key, byte[] iv, byte[] macKey)
            throws IOException {
        return f == Ciphers.AES128_CTR ? f.create(encrypt, key, iv, Macs.HMAC_SHA2_256_ETM, macKey)
                : f.create(encrypt, key, iv, null, null);
    }

    static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Collects what the feed writer sends, reusing one buffer. */
    private static final class Capture extends OutputStream {
        private byte[] buf = new byte[DATA + 1024];
        private int len;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
            }
            System.arraycopy(b, off, buf, len, n);
            len += n;
        }

        void reset() {
            len = 0;
        }

        byte[] bytes() {
            return buf;
        }

        int length() {
            return len;
        }
    }

    /** The reader's socket stand-in: serves the one packet last encrypted. */
    private static final class SwappableInput extends java.io.InputStream {
        private ByteArrayInputStream current = new ByteArrayInputStream(new byte[0]);

        void set(byte[] b, int len) {
            current = new ByteArrayInputStream(b, 0, len);
        }

        @Override
        public int read() {
            return current.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = current.read(b, off, len);
            return n == 0 && len > 0 ? -1 : n;
        }
    }
}
