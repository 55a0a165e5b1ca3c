package org.javamiko.internal.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.javamiko.SshException;

/**
 * SSH wire encoding (RFC 4251 §5): byte, boolean, uint32, uint64, string, mpint and name-list,
 * over one growable byte array with separate read and write positions.
 *
 * <p>Every length read from the wire is checked against what the buffer holds before anything is
 * allocated, so a malformed message ends in an {@link SshException}, never an out-of-memory error
 * or an {@code ArrayIndexOutOfBoundsException}.
 */
public final class SshBuffer {
    /** The one big-endian int codec: the packet ciphers read lengths through it on the hot path. */
    private static final VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private byte[] data;
    private int readPos;
    private int writePos;

    /** An empty buffer for writing. */
    public SshBuffer() {
        this(256);
    }

    /** @param capacity the initial capacity in bytes */
    public SshBuffer(int capacity) {
        this.data = new byte[Math.max(capacity, 16)];
    }

    /**
     * Wraps existing bytes for reading (not copied).
     *
     * @param bytes the backing array
     * @param off where reading starts
     * @param len how many bytes may be read
     */
    public SshBuffer(byte[] bytes, int off, int len) {
        Objects.checkFromIndexSize(off, len, bytes.length);
        this.data = bytes;
        this.readPos = off;
        this.writePos = off + len;
    }

    /** @param bytes wrapped for reading, whole */
    public static SshBuffer wrap(byte[] bytes) {
        return new SshBuffer(bytes, 0, bytes.length);
    }

    // ---------------------------------------------------------------- writing

    private void ensure(int extra) {
        int needed = writePos + extra;
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.max(needed, data.length * 2));
        }
    }

    /** @return this buffer, after appending one byte */
    public SshBuffer putByte(int b) {
        ensure(1);
        data[writePos++] = (byte) b;
        return this;
    }

    /** @return this buffer, after appending a boolean (0 or 1) */
    public SshBuffer putBoolean(boolean b) {
        return putByte(b ? 1 : 0);
    }

    /** @return this buffer, after appending a big-endian uint32 */
    public SshBuffer putInt(int v) {
        ensure(4);
        writeInt(data, writePos, v);
        writePos += 4;
        return this;
    }

    /** @return this buffer, after appending a big-endian uint64 */
    public SshBuffer putLong(long v) {
        putInt((int) (v >>> 32));
        return putInt((int) v);
    }

    /** @return this buffer, after appending raw bytes (no length) */
    public SshBuffer putRaw(byte[] bytes) {
        return putRaw(bytes, 0, bytes.length);
    }

    /** @return this buffer, after appending raw bytes (no length) */
    public SshBuffer putRaw(byte[] bytes, int off, int len) {
        ensure(len);
        System.arraycopy(bytes, off, data, writePos, len);
        writePos += len;
        return this;
    }

    /** @return this buffer, after appending a string (uint32 length, then the bytes) */
    public SshBuffer putString(byte[] bytes) {
        return putString(bytes, 0, bytes.length);
    }

    /** @return this buffer, after appending a string (uint32 length, then the bytes) */
    public SshBuffer putString(byte[] bytes, int off, int len) {
        putInt(len);
        return putRaw(bytes, off, len);
    }

    /** @return this buffer, after appending a UTF-8 string */
    public SshBuffer putString(String s) {
        return putString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** @return this buffer, after appending an mpint (two's complement, minimal length) */
    public SshBuffer putMpint(BigInteger v) {
        if (v.signum() == 0) {
            return putInt(0);
        }
        return putString(v.toByteArray());
    }

    /**
     * Appends an mpint from unsigned big-endian magnitude bytes (as X25519 or ECDH produce them):
     * leading zeros stripped, a zero byte added when the top bit is set.
     *
     * @return this buffer
     */
    public SshBuffer putMpintUnsigned(byte[] magnitude) {
        int start = 0;
        while (start < magnitude.length && magnitude[start] == 0) {
            start++;
        }
        int len = magnitude.length - start;
        boolean pad = len > 0 && (magnitude[start] & 0x80) != 0;
        putInt(len + (pad ? 1 : 0));
        if (pad) {
            putByte(0);
        }
        return putRaw(magnitude, start, len);
    }

    /** @return this buffer, after appending a comma-separated name-list */
    public SshBuffer putNameList(List<String> names) {
        return putString(String.join(",", names));
    }

    // ---------------------------------------------------------------- reading

    private void need(int n, String what) throws SshException {
        if (n < 0 || writePos - readPos < n) {
            throw new SshException("Malformed SSH message: " + what + " needs " + (n & 0xffffffffL)
                    + " bytes but only " + (writePos - readPos) + " remain");
        }
    }

    /** @return the next byte, unsigned (0-255) */
    public int getByte() throws SshException {
        need(1, "byte");
        return data[readPos++] & 0xff;
    }

    /** @return the next boolean (any non-zero byte is true) */
    public boolean getBoolean() throws SshException {
        return getByte() != 0;
    }

    /** @return the next uint32, as Java's int (compare unsigned where it matters) */
    public int getInt() throws SshException {
        need(4, "uint32");
        int v = readInt(data, readPos);
        readPos += 4;
        return v;
    }

    /** @return the next uint32 as a non-negative long */
    public long getUInt32() throws SshException {
        return getInt() & 0xffffffffL;
    }

    /** @return the next uint64 */
    public long getLong() throws SshException {
        long hi = getUInt32();
        return (hi << 32) | getUInt32();
    }

    /** @return the next string's bytes, its length checked against what remains first */
    public byte[] getString() throws SshException {
        int len = getInt();
        need(len, "string");
        byte[] out = Arrays.copyOfRange(data, readPos, readPos + len);
        readPos += len;
        return out;
    }

    /**
     * Reads a string's length and skips over it, leaving its bytes in place.
     *
     * @return the offset in {@link #array()} where the string's bytes start; its length is the
     *         difference to the new {@link #readPosition()}
     */
    public int getStringInPlace() throws SshException {
        int len = getInt();
        need(len, "string");
        int start = readPos;
        readPos += len;
        return start;
    }

    /** @return the next string decoded as UTF-8 */
    public String getStringUtf8() throws SshException {
        return new String(getString(), StandardCharsets.UTF_8);
    }

    /** @return the next mpint */
    public BigInteger getMpint() throws SshException {
        byte[] b = getString();
        return b.length == 0 ? BigInteger.ZERO : new BigInteger(b);
    }

    /** @return the next name-list; empty for an empty string */
    public List<String> getNameList() throws SshException {
        String s = getStringUtf8();
        if (s.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String n : s.split(",", -1)) {
            names.add(n);
        }
        return List.copyOf(names);
    }

    /** @return the next {@code n} raw bytes */
    public byte[] getRaw(int n) throws SshException {
        need(n, "raw bytes");
        byte[] out = Arrays.copyOfRange(data, readPos, readPos + n);
        readPos += n;
        return out;
    }

    /** Skips {@code n} bytes. */
    public void skip(int n) throws SshException {
        need(n, "skip");
        readPos += n;
    }

    // ---------------------------------------------------------------- state

    /** @return how many bytes remain to be read */
    public int available() {
        return writePos - readPos;
    }

    /** @return the backing array (valid until the next write) */
    public byte[] array() {
        return data;
    }

    /** @return where the next read starts in {@link #array()} */
    public int readPosition() {
        return readPos;
    }

    /** @param pos where the next read starts */
    public void readPosition(int pos) {
        if (pos < 0 || pos > writePos) {
            throw new IllegalArgumentException("read position " + pos + " outside 0.." + writePos);
        }
        readPos = pos;
    }

    /** @return where the next write goes in {@link #array()} */
    public int writePosition() {
        return writePos;
    }

    /** @return a copy of the unread bytes */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(data, readPos, writePos);
    }

    /** Empties the buffer, keeping its capacity. */
    public void clear() {
        readPos = 0;
        writePos = 0;
    }

    /** @return the big-endian int at {@code off} */
    public static int readInt(byte[] b, int off) {
        return (int) BIG_ENDIAN_INT.get(b, off);
    }

    /** Writes {@code v} big-endian at {@code off}. */
    public static void writeInt(byte[] b, int off, int v) {
        BIG_ENDIAN_INT.set(b, off, v);
    }
}
