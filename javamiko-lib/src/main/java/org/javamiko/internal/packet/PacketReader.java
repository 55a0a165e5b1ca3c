package org.javamiko.internal.packet;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.util.Arrays;

import org.javamiko.SshException;
import org.javamiko.internal.cipher.PacketCipher;
import org.javamiko.internal.wire.SshBuffer;

/**
 * The receiving half of the binary packet protocol (RFC 4253 §6): reads as much as the socket
 * has into one buffer, then frames, decrypts and verifies packets in place.
 *
 * <p>The payload returned by {@link #next()} is a view into that buffer, valid until the next
 * call. Used by the session's reader thread only.
 */
public final class PacketReader {
    /** RFC 4253 §6.1 asks for 35000; OpenSSH accepts up to 256 KiB, and so do we. */
    public static final int MAX_PACKET_LENGTH = 256 * 1024;
    /**
     * What every connection starts with: room for the key exchange and a command's small packets.
     * A bulk transfer doubles it within a few reads (see {@link #fill}); at ten thousand idle
     * connections every KiB here is ten MiB of heap.
     */
    static final int INITIAL_BUFFER = 16 * 1024;
    /** The largest packet with its length field and the longest MAC, and what bulk reads grow to. */
    static final int MAX_BUFFER = MAX_PACKET_LENGTH + 1024;

    private final InputStream in;
    private byte[] buf;
    private int start;
    private int end;
    private PacketCipher cipher;
    private final CompressionSlot compression = CompressionSlot.incoming();
    private final PacketCounter counter = new PacketCounter();
    private Runnable beforeSocketRead = () -> { };

    /**
     * @param in the socket's input stream
     * @param initial the cipher in force before the first NEWKEYS
     * @param alreadyRead bytes read past the identification string, the start of the stream
     */
    public PacketReader(InputStream in, PacketCipher initial, byte[] alreadyRead) {
        this.in = in;
        this.cipher = initial;
        this.buf = new byte[Math.max(INITIAL_BUFFER, alreadyRead.length)];
        System.arraycopy(alreadyRead, 0, buf, 0, alreadyRead.length);
        this.end = alreadyRead.length;
    }

    /** @param hook runs before every read from the socket (which may block), on the reading thread */
    public void setBeforeSocketRead(Runnable hook) {
        this.beforeSocketRead = hook;
    }

    /**
     * Reads the next packet.
     *
     * @return its payload (starting with the message type), a view valid until the next call
     * @throws java.io.EOFException-like {@link SshException} when the server closed the connection
     */
    public SshBuffer next() throws IOException {
        fill(cipher.lengthFieldBytes());
        int packetLength = cipher.decryptLength(counter.sequence(), buf, start);
        if (packetLength < 5 || packetLength > MAX_PACKET_LENGTH) {
            throw new SshException("Bad packet length " + (packetLength & 0xffffffffL)
                    + " from the server (corrupt stream or wrong keys)");
        }
        int len = 4 + packetLength;
        int total = len + cipher.tagLength();
        fill(total);
        byte[] plain = cipher.decryptBody(counter.sequence(), buf, start, len);
        int body = plain == buf ? start + 4 : 0;
        int padding = plain[body] & 0xff;
        int payloadLength = packetLength - 1 - padding;
        if (padding < 4 || payloadLength < 1) {
            throw new SshException("Bad padding length " + padding + " in a " + packetLength + "-byte packet");
        }
        start += total;
        counter.count(total);
        if (compression.isActive()) {
            // A copy: unlike the read buffer, the inflate buffer is overwritten by the very next
            // packet, and a payload may still be read after that (a kex message handed on).
            byte[] inflated = compression.decompress(plain, body + 1, payloadLength);
            return new SshBuffer(Arrays.copyOf(inflated, compression.length()), 0, compression.length());
        }
        return new SshBuffer(plain, body + 1, payloadLength);
    }

    private void fill(int needed) throws IOException {
        if (end - start >= needed) {
            return;
        }
        if (needed > buf.length) {
            moveTo(new byte[Math.max(needed, Math.min(2 * buf.length, MAX_BUFFER))]);
        } else if (start + needed > buf.length) {
            moveTo(buf);
        }
        while (end - start < needed) {
            beforeSocketRead.run();
            int room = buf.length - end;
            int n;
            try {
                n = in.read(buf, end, room);
            } catch (SocketException e) {
                throw new SshException("Connection closed by the server (" + e.getMessage() + ")", e);
            }
            if (n < 0) {
                throw new SshException("Connection closed by the server");
            }
            end += n;
            if (n == room && room >= buf.length / 2 && buf.length < MAX_BUFFER) {
                // the socket had at least half a buffer waiting: a bulk transfer, read more at once
                // (a slow peer's small reads that happen to reach the end never count)
                moveTo(new byte[Math.min(2 * buf.length, MAX_BUFFER)]);
            }
        }
    }

    /** Moves the unread bytes to the start of {@code target} (the buffer itself, or a larger one). */
    private void moveTo(byte[] target) {
        System.arraycopy(buf, start, target, 0, end - start);
        end -= start;
        start = 0;
        buf = target;
    }

    /** @return the size of the read buffer now (for tests) */
    int capacity() {
        return buf.length;
    }

    /** Takes the new keys into use for every packet after the NEWKEYS just read. */
    /** @return this direction's compression, switched at NEWKEYS and after authentication */
    public CompressionSlot compression() {
        return compression;
    }

    public void setCipher(PacketCipher next) {
        this.cipher = next;
        counter.newKeys();
    }

    /** @return the sequence number of the last packet read (for SSH_MSG_UNIMPLEMENTED) */
    public int lastSequence() {
        return counter.sequence() - 1;
    }

    /** @return this direction's sequence number and traffic under the current keys */
    public PacketCounter counter() {
        return counter;
    }
}
