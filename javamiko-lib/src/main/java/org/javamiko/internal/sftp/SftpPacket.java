package org.javamiko.internal.sftp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.javamiko.internal.wire.SshBuffer;

/**
 * One outgoing SFTP request, built in place in a single array: uint32 length, byte type, uint32
 * request id, then the fields. The length and the id are filled in by {@link SftpConnection} when
 * the packet is sent, so a WRITE's data can be read straight into the array behind its header and
 * go to the stream with no further copy.
 */
public final class SftpPacket {
    /** Offset of the request id in every request. */
    static final int ID_OFFSET = 5;
    /** Bytes before the first field: length, type, id. */
    static final int HEADER = 9;

    private byte[] data;
    private int pos;
    private final int type;

    /**
     * @param type the packet type, one of {@code SftpConstants.FXP_*}
     * @param capacity bytes expected after the header (grows when exceeded)
     */
    public SftpPacket(int type, int capacity) {
        this.type = type;
        this.data = new byte[HEADER + Math.max(capacity, 16)];
        data[4] = (byte) type;
        pos = HEADER;
    }

    /** @param type the packet type; room for small requests */
    public SftpPacket(int type) {
        this(type, 64);
    }

    /** @return the packet type */
    public int type() {
        return type;
    }

    private void ensure(int extra) {
        if (pos + extra > data.length) {
            data = Arrays.copyOf(data, Math.max(pos + extra, data.length * 2));
        }
    }

    /** @return this packet, after appending a uint32 */
    public SftpPacket putInt(int v) {
        ensure(4);
        SshBuffer.writeInt(data, pos, v);
        pos += 4;
        return this;
    }

    /** @return this packet, after appending a uint64 */
    public SftpPacket putLong(long v) {
        putInt((int) (v >>> 32));
        return putInt((int) v);
    }

    /** @return this packet, after appending a string (uint32 length, then the bytes) */
    public SftpPacket putString(byte[] b) {
        return putString(b, 0, b.length);
    }

    /** @return this packet, after appending a string (uint32 length, then the bytes) */
    public SftpPacket putString(byte[] b, int off, int len) {
        putInt(len);
        ensure(len);
        System.arraycopy(b, off, data, pos, len);
        pos += len;
        return this;
    }

    /** @return this packet, after appending a UTF-8 string */
    public SftpPacket putString(String s) {
        return putString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** @return this packet, after appending attributes */
    public SftpPacket putAttrs(FileAttrs attrs) {
        attrs.encode(this);
        return this;
    }

    /**
     * Makes room for {@code len} more bytes that the caller writes into {@link #array()} at
     * {@link #position()}, then commits with {@link #advance(int)}.
     */
    public void reserve(int len) {
        ensure(len);
    }

    /** @return the backing array (valid until the next put) */
    public byte[] array() {
        return data;
    }

    /** @return where the next field goes in {@link #array()} */
    public int position() {
        return pos;
    }

    /** Commits {@code n} bytes the caller wrote at {@link #position()} after {@link #reserve(int)}. */
    public void advance(int n) {
        if (n < 0 || pos + n > data.length) {
            throw new IllegalArgumentException("advance " + n + " past the reserved room");
        }
        pos += n;
    }

    /** Sets the write position back, e.g. to reuse a WRITE packet's header for the next chunk. */
    public void position(int newPos) {
        if (newPos < HEADER || newPos > data.length) {
            throw new IllegalArgumentException("position " + newPos + " outside the packet");
        }
        pos = newPos;
    }

    /** Fills in the length and the request id; returns the total bytes to send. */
    int seal(int requestId) {
        SshBuffer.writeInt(data, 0, pos - 4);
        SshBuffer.writeInt(data, ID_OFFSET, requestId);
        return pos;
    }
}
