package org.javamiko.internal.sftp;

import static org.javamiko.internal.sftp.SftpConstants.FXP_DATA;

import java.util.Map;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * Cuts the server's byte stream into SFTP replies as the bytes arrive, however they are chunked,
 * and completes the request each reply answers. A DATA reply to a READ that named a buffer is
 * copied from the arriving bytes straight into that buffer; any other reply is collected (up to
 * {@link SftpConnection#MAX_REPLY}) and parsed.
 *
 * <p>Not thread-safe: the connection feeds it from one thread at a time and abandons it under
 * the same lock.
 */
final class ReplyParser {
    /** uint32 length, byte type, uint32 request id. */
    private static final int HEADER = 9;
    /** A DATA reply's uint32 byte count, after the header. */
    private static final int DATA_COUNT = 4;

    private enum State { HEADER, DATA_COUNT, DATA, BODY, ABANDONED }

    private final Map<Integer, PendingReply> inFlight;
    private final byte[] head = new byte[HEADER + DATA_COUNT];
    private State state = State.HEADER;
    private int headFilled;
    private PendingReply current;
    private int type;
    private byte[] body;
    private int bodyFilled;
    private int dataLength;
    private int dataFilled;

    /** @param inFlight requests awaiting their reply, by id; each reply takes its request out */
    ReplyParser(Map<Integer, PendingReply> inFlight) {
        this.inFlight = inFlight;
    }

    /**
     * Consumes {@code len} bytes of the stream.
     *
     * @throws SshException when the stream breaks the protocol; the reply being read then stays
     *         {@linkplain #abandon() in progress} for the caller to fail
     */
    void feed(byte[] bytes, int off, int len) throws SshException {
        while (len > 0) {
            int n = switch (state) {
                case HEADER -> fillHead(bytes, off, len, HEADER);
                case DATA_COUNT -> fillHead(bytes, off, len, HEADER + DATA_COUNT);
                case DATA -> fillData(bytes, off, len);
                case BODY -> fillBody(bytes, off, len);
                case ABANDONED -> len;
            };
            off += n;
            len -= n;
        }
    }

    /** @return true when the stream ended here would end it between replies */
    boolean atReplyBoundary() {
        return state == State.HEADER && headFilled == 0;
    }

    /**
     * Stops parsing for good (the session failed); later bytes are ignored.
     *
     * @return the request whose reply was being read, which the caller must fail; or null
     */
    PendingReply abandon() {
        state = State.ABANDONED;
        PendingReply p = current;
        current = null;
        return p;
    }

    private int fillHead(byte[] bytes, int off, int len, int upTo) throws SshException {
        int n = Math.min(len, upTo - headFilled);
        System.arraycopy(bytes, off, head, headFilled, n);
        headFilled += n;
        if (headFilled == upTo) {
            if (state == State.HEADER) {
                startReply();
            } else {
                startData();
            }
        }
        return n;
    }

    private void startReply() throws SshException {
        long length = SshBuffer.readInt(head, 0) & 0xffffffffL;
        type = head[4] & 0xff;
        int id = SshBuffer.readInt(head, 5);
        if (length < 5) {
            throw new SshException("Malformed SFTP reply: length " + length);
        }
        long rest = length - 5;
        current = inFlight.remove(id);
        if (current == null) {
            throw new SshException("The SFTP server answered request id " + id + ", which is not in flight");
        }
        if (type == FXP_DATA && current.target != null) {
            if (rest < DATA_COUNT) {
                throw new SshException("Malformed SFTP DATA reply: " + rest + " bytes");
            }
            dataLength = (int) Math.min(rest - DATA_COUNT, Integer.MAX_VALUE);
            state = State.DATA_COUNT;
            return;
        }
        if (rest > SftpConnection.MAX_REPLY) {
            throw new SshException("SFTP reply of " + length + " bytes exceeds the limit of " + SftpConnection.MAX_REPLY);
        }
        body = new byte[(int) rest];
        bodyFilled = 0;
        state = State.BODY;
        if (rest == 0) {
            finishBody();
        }
    }

    private void startData() throws SshException {
        int count = SshBuffer.readInt(head, HEADER);
        if (count != dataLength || count < 0 || count > current.targetLength) {
            throw new SshException("Malformed SFTP DATA reply: " + (count & 0xffffffffL)
                    + " bytes for a read of at most " + current.targetLength);
        }
        dataFilled = 0;
        state = State.DATA;
        if (count == 0) {
            finish(SftpReply.directData(0));
        }
    }

    private int fillData(byte[] bytes, int off, int len) {
        int n = Math.min(len, dataLength - dataFilled);
        System.arraycopy(bytes, off, current.target, current.targetOffset + dataFilled, n);
        dataFilled += n;
        if (dataFilled == dataLength) {
            finish(SftpReply.directData(dataLength));
        }
        return n;
    }

    private int fillBody(byte[] bytes, int off, int len) {
        int n = Math.min(len, body.length - bodyFilled);
        System.arraycopy(bytes, off, body, bodyFilled, n);
        bodyFilled += n;
        if (bodyFilled == body.length) {
            finishBody();
        }
        return n;
    }

    private void finishBody() {
        byte[] complete = body;
        body = null;
        finish(SftpReply.of(type, SshBuffer.wrap(complete)));
    }

    private void finish(SftpReply reply) {
        PendingReply p = current;
        current = null;
        headFilled = 0;
        state = State.HEADER;
        p.complete(reply);
    }
}
