package org.javamiko.internal.packet;

import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;

import org.javamiko.SshException;
import org.javamiko.internal.cipher.PacketCipher;
import org.javamiko.internal.wire.SshBuffer;

/**
 * The sending half of the binary packet protocol (RFC 4253 §6): pads, encrypts and MACs each
 * payload in one reused buffer, and writes it to the socket in one call.
 *
 * <p>Not thread-safe: the session serialises senders with its write lock.
 */
public final class PacketWriter {
    /** The most payload we ever send in one packet; channel data is cut to the peer's maximum first. */
    public static final int MAX_PAYLOAD = 256 * 1024;
    /** SSH_MSG_CHANNEL_DATA (RFC 4254 §5.2), which {@link #writeChannelData} frames itself. */
    private static final byte CHANNEL_DATA = 94;
    /** SSH_MSG_CHANNEL_EXTENDED_DATA. */
    private static final byte CHANNEL_EXTENDED_DATA = 95;
    private static final int HEADER = 5;
    private static final int MAX_OVERHEAD = HEADER + 255 + 64;
    private static final int PADDING_POOL = 4096;
    /** Room for the usual control packets (key exchange, auth, requests); larger ones and channel data grow it. */
    static final int INITIAL_BUFFER = 8 * 1024;

    private final OutputStream out;
    private final SecureRandom random;
    private final byte[] paddingPool = new byte[PADDING_POOL];
    private int paddingPoolPos = PADDING_POOL;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private PacketCipher cipher;
    private final CompressionSlot compression = CompressionSlot.outgoing();
    private final PacketCounter counter = new PacketCounter();

    /**
     * @param out the socket's output stream
     * @param initial the cipher in force before the first NEWKEYS
     * @param random where padding comes from
     */
    public PacketWriter(OutputStream out, PacketCipher initial, SecureRandom random) {
        this.out = out;
        this.cipher = initial;
        this.random = random;
    }

    /** Sends one message whose payload is the unread part of {@code payload}. */
    public void write(SshBuffer payload) throws IOException {
        write(payload.array(), payload.readPosition(), payload.available());
    }

    /** Sends one message whose payload is {@code payload[off, off+len)}. */
    public void write(byte[] payload, int off, int len) throws IOException {
        checkPayload(len);
        if (compression.isActive()) {
            payload = compression.compress(payload, off, len);
            off = 0;
            len = compression.length();
        }
        ensureCapacity(len + MAX_OVERHEAD);
        System.arraycopy(payload, off, buf, HEADER, len);
        send(seal(0, len));
    }

    /**
     * Sends {@code data[off, off+len)} as SSH_MSG_CHANNEL_DATA or, with {@code dataType >= 0},
     * SSH_MSG_CHANNEL_EXTENDED_DATA packets of at most {@code maxPerPacket} bytes each, copying
     * the bytes straight into the packet buffer and handing all the packets to the socket in one
     * write: one system call per batch, not per packet.
     */
    public void writeChannelData(int recipient, int dataType, byte[] data, int off, int len, int maxPerPacket)
            throws IOException {
        int header = dataType >= 0 ? 13 : 9;
        checkPayload(header + Math.min(len, maxPerPacket));
        if (compression.isActive()) {
            writeCompressedChannelData(recipient, dataType, data, off, len, maxPerPacket, header);
            return;
        }
        int packets = Math.max(1, (len + maxPerPacket - 1) / maxPerPacket);
        ensureCapacity(len + packets * (header + MAX_OVERHEAD));
        int at = 0;
        do {
            int n = Math.min(len, maxPerPacket);
            int p = at + HEADER;
            buf[p++] = dataType >= 0 ? CHANNEL_EXTENDED_DATA : CHANNEL_DATA;
            SshBuffer.writeInt(buf, p, recipient);
            p += 4;
            if (dataType >= 0) {
                SshBuffer.writeInt(buf, p, dataType);
                p += 4;
            }
            SshBuffer.writeInt(buf, p, n);
            p += 4;
            System.arraycopy(data, off, buf, p, n);
            at += seal(at, header + n);
            off += n;
            len -= n;
        } while (len > 0);
        send(at);
    }

    /** Compressed, each message goes through zlib on its own: no batching into the packet buffer. */
    private void writeCompressedChannelData(int recipient, int dataType, byte[] data, int off, int len,
                                            int maxPerPacket, int header) throws IOException {
        byte[] message = new byte[header + Math.min(len, maxPerPacket)];
        do {
            int n = Math.min(len, maxPerPacket);
            message[0] = dataType >= 0 ? CHANNEL_EXTENDED_DATA : CHANNEL_DATA;
            SshBuffer.writeInt(message, 1, recipient);
            if (dataType >= 0) {
                SshBuffer.writeInt(message, 5, dataType);
            }
            SshBuffer.writeInt(message, header - 4, n);
            System.arraycopy(data, off, message, header, n);
            write(message, 0, header + n);
            off += n;
            len -= n;
        } while (len > 0);
    }

    private void checkPayload(int len) throws IOException {
        if (len > MAX_PAYLOAD) {
            throw new IOException("Refusing to send a " + len + "-byte payload (limit " + MAX_PAYLOAD + ")");
        }
    }

    /** @return the size of the write buffer now (for tests) */
    int capacity() {
        return buf.length;
    }

    private void ensureCapacity(int needed) {
        if (buf.length < needed) {
            buf = new byte[Math.max(needed, buf.length * 2)];
        }
    }

    /**
     * Frames, pads, encrypts and MACs the packet whose payload is at {@code start + 5}.
     *
     * @return the packet's bytes on the wire, tag included
     */
    private int seal(int start, int payloadLen) throws SshException {
        int block = cipher.blockSize();
        int aligned = cipher.lengthExcludedFromPadding() ? 1 + payloadLen : HEADER + payloadLen;
        int padding = block - (aligned % block);
        if (padding < 4) {
            padding += block;
        }
        while (HEADER + payloadLen + padding < 16) {
            padding += block;
        }
        int packetLength = 1 + payloadLen + padding;
        SshBuffer.writeInt(buf, start, packetLength);
        buf[start + 4] = (byte) padding;
        fillPadding(start + HEADER + payloadLen, padding);
        int len = 4 + packetLength;
        cipher.encrypt(counter.sequence(), buf, start, len);
        int total = len + cipher.tagLength();
        counter.count(total);
        return total;
    }

    private void send(int bytes) throws IOException {
        out.write(buf, 0, bytes);
    }

    private void fillPadding(int at, int n) {
        if (paddingPoolPos + n > PADDING_POOL) {
            random.nextBytes(paddingPool);
            paddingPoolPos = 0;
        }
        System.arraycopy(paddingPool, paddingPoolPos, buf, at, n);
        paddingPoolPos += n;
    }

    /** Flushes the underlying stream. */
    public void flush() throws IOException {
        out.flush();
    }

    /** Takes the new keys into use for every packet after this call (after our NEWKEYS). */
    /** @return this direction's compression, switched at NEWKEYS and after authentication */
    public CompressionSlot compression() {
        return compression;
    }

    public void setCipher(PacketCipher next) {
        this.cipher = next;
        counter.newKeys();
    }

    /** @return this direction's sequence number and traffic under the current keys */
    public PacketCounter counter() {
        return counter;
    }
}
