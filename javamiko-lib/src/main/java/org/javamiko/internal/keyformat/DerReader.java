package org.javamiko.internal.keyformat;

import java.math.BigInteger;
import java.util.Arrays;

import org.javamiko.SshException;

/**
 * A minimal DER reader for the ASN.1 inside key files (PKCS#1, SEC1, PKCS#8, PBES2). Every length
 * is checked against the bytes present before use, so a truncated file is an {@link SshException}.
 */
public final class DerReader {
    /** ASN.1 INTEGER. */
    public static final int INTEGER = 0x02;
    /** ASN.1 BIT STRING. */
    public static final int BIT_STRING = 0x03;
    /** ASN.1 OCTET STRING. */
    public static final int OCTET_STRING = 0x04;
    /** ASN.1 NULL. */
    public static final int NULL = 0x05;
    /** ASN.1 OBJECT IDENTIFIER. */
    public static final int OID = 0x06;
    /** ASN.1 SEQUENCE. */
    public static final int SEQUENCE = 0x30;

    private final byte[] data;
    private int pos;
    private final int end;

    /** @param data DER bytes to read, whole */
    public DerReader(byte[] data) {
        this(data, 0, data.length);
    }

    private DerReader(byte[] data, int pos, int end) {
        this.data = data;
        this.pos = pos;
        this.end = end;
    }

    /** @return true when bytes remain */
    public boolean hasMore() {
        return pos < end;
    }

    /** @return the tag of the next element without consuming it; -1 at the end */
    public int peekTag() {
        return pos < end ? data[pos] & 0xff : -1;
    }

    /** @return a reader over the contents of the next SEQUENCE */
    public DerReader sequence() throws SshException {
        return contents(SEQUENCE);
    }

    /**
     * @param tag the expected tag (e.g. {@code 0xa0} for context-specific [0], constructed)
     * @return a reader over the contents of the next element, which must have that tag
     */
    public DerReader contents(int tag) throws SshException {
        int len = header(tag);
        DerReader inner = new DerReader(data, pos, pos + len);
        pos += len;
        return inner;
    }

    /** @return the next INTEGER */
    public BigInteger integer() throws SshException {
        byte[] b = bytes(INTEGER);
        if (b.length == 0) {
            throw new SshException("Malformed DER: empty INTEGER");
        }
        return new BigInteger(b);
    }

    /** @return the next INTEGER, which must fit an int */
    public int smallInteger() throws SshException {
        BigInteger v = integer();
        if (v.bitLength() > 31) {
            throw new SshException("Malformed DER: integer " + v + " out of range");
        }
        return v.intValue();
    }

    /** @return the contents of the next OCTET STRING */
    public byte[] octetString() throws SshException {
        return bytes(OCTET_STRING);
    }

    /** @return the contents of the next BIT STRING, without its unused-bits byte */
    public byte[] bitString() throws SshException {
        byte[] b = bytes(BIT_STRING);
        if (b.length == 0 || b[0] != 0) {
            throw new SshException("Malformed DER: BIT STRING with unused bits");
        }
        return Arrays.copyOfRange(b, 1, b.length);
    }

    /** @return the next OBJECT IDENTIFIER in dotted form */
    public String oid() throws SshException {
        byte[] b = bytes(OID);
        if (b.length == 0) {
            throw new SshException("Malformed DER: empty OBJECT IDENTIFIER");
        }
        StringBuilder sb = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (byte x : b) {
            if (value > (Long.MAX_VALUE >>> 7)) {
                throw new SshException("Malformed DER: OBJECT IDENTIFIER arc too large");
            }
            value = (value << 7) | (x & 0x7f);
            if ((x & 0x80) == 0) {
                if (first) {
                    int top = value < 80 ? (int) (value / 40) : 2;
                    sb.append(top).append('.').append(value - 40L * top);
                    first = false;
                } else {
                    sb.append('.').append(value);
                }
                value = 0;
            }
        }
        return sb.toString();
    }

    /**
     * @param tag the expected tag
     * @return the contents of the next element
     */
    public byte[] bytes(int tag) throws SshException {
        int len = header(tag);
        byte[] out = Arrays.copyOfRange(data, pos, pos + len);
        pos += len;
        return out;
    }

    /** Skips the next element, whatever it is. */
    public void skip() throws SshException {
        int len = header(peekTag());
        pos += len;
    }

    private int header(int tag) throws SshException {
        if (pos >= end) {
            throw new SshException("Malformed DER: expected tag 0x" + Integer.toHexString(tag) + " but the data ended");
        }
        int actual = data[pos] & 0xff;
        if (actual != tag) {
            throw new SshException("Malformed DER: expected tag 0x" + Integer.toHexString(tag) + ", found 0x"
                    + Integer.toHexString(actual));
        }
        pos++;
        if (pos >= end) {
            throw new SshException("Malformed DER: truncated length");
        }
        int first = data[pos++] & 0xff;
        int len;
        if (first < 0x80) {
            len = first;
        } else {
            int count = first & 0x7f;
            if (count == 0 || count > 3 || end - pos < count) {
                throw new SshException("Malformed DER: unsupported length encoding");
            }
            len = 0;
            for (int i = 0; i < count; i++) {
                len = (len << 8) | (data[pos++] & 0xff);
            }
        }
        if (len > end - pos) {
            throw new SshException("Malformed DER: element of " + len + " bytes but only " + (end - pos)
                    + " remain (truncated file?)");
        }
        return len;
    }
}
