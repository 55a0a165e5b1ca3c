package org.javamiko.internal.sftp;

import static org.javamiko.internal.sftp.SftpConstants.FXP_ATTRS;
import static org.javamiko.internal.sftp.SftpConstants.FXP_DATA;
import static org.javamiko.internal.sftp.SftpConstants.FXP_EXTENDED_REPLY;
import static org.javamiko.internal.sftp.SftpConstants.FXP_HANDLE;
import static org.javamiko.internal.sftp.SftpConstants.FXP_NAME;
import static org.javamiko.internal.sftp.SftpConstants.FXP_STATUS;
import static org.javamiko.internal.sftp.SftpConstants.FX_EOF;
import static org.javamiko.internal.sftp.SftpConstants.FX_OK;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * One reply from the server. Its body is parsed on demand by the method that fits the request; a
 * reply of an unexpected type, or a STATUS other than OK, becomes the exception the caller should
 * see (see {@link StatusErrors}).
 */
public final class SftpReply {
    /** More names in one NAME reply than any server sends; a bound against hostile counts. */
    private static final int MAX_NAMES = 100_000;

    private final int type;
    private final SshBuffer body;
    private final int directLength;

    private SftpReply(int type, SshBuffer body, int directLength) {
        this.type = type;
        this.body = body;
        this.directLength = directLength;
    }

    /** A reply whose body (after the request id) was read into memory. */
    static SftpReply of(int type, SshBuffer body) {
        return new SftpReply(type, body, -1);
    }

    /** A DATA reply whose bytes went straight into the buffer the request named. */
    static SftpReply directData(int length) {
        return new SftpReply(FXP_DATA, null, length);
    }

    /** @return the packet type */
    public int type() {
        return type;
    }

    /** @return whether this is a STATUS with code EOF */
    public boolean isEof() throws SshException {
        return type == FXP_STATUS && statusCode() == FX_EOF;
    }

    private int statusCode() throws SshException {
        int at = body.readPosition();
        int code = body.getInt();
        body.readPosition(at);
        return code;
    }

    /** Throws the mapped exception unless this is STATUS OK. */
    public void expectOk(StatusErrors.Context ctx) throws IOException {
        if (type != FXP_STATUS) {
            throw unexpected(ctx, "STATUS");
        }
        int code = body.getInt();
        if (code != FX_OK) {
            throw ctx.toException(code, statusMessage());
        }
    }

    /** @return the handle of a HANDLE reply */
    public byte[] handle(StatusErrors.Context ctx) throws IOException {
        expect(FXP_HANDLE, ctx);
        byte[] h = body.getString();
        if (h.length > 256) {
            // draft §3: handles are at most 256 bytes; a longer one is a broken server
            throw new SshException(ctx.describe() + ": server sent a " + h.length + "-byte handle (limit 256)");
        }
        return h;
    }

    /** @return the attributes of an ATTRS reply */
    public FileAttrs attrs(StatusErrors.Context ctx) throws IOException {
        expect(FXP_ATTRS, ctx);
        return FileAttrs.decode(body);
    }

    /** @return the entries of a NAME reply */
    public List<NameEntry> names(StatusErrors.Context ctx) throws IOException {
        expect(FXP_NAME, ctx);
        long count = body.getUInt32();
        // every entry needs at least 12 bytes (two empty strings and the flags)
        if (count > MAX_NAMES || count * 12 > body.available()) {
            throw new SshException(ctx.describe() + ": malformed NAME reply announcing " + count + " entries");
        }
        List<NameEntry> out = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            out.add(new NameEntry(body.getStringUtf8(), body.getStringUtf8(), FileAttrs.decode(body)));
        }
        return out;
    }

    /** @return the single name of a NAME reply, as REALPATH and READLINK send it */
    public String singleName(StatusErrors.Context ctx) throws IOException {
        List<NameEntry> names = names(ctx);
        if (names.size() != 1) {
            throw new SshException(ctx.describe() + ": expected one name, the server sent " + names.size());
        }
        return names.get(0).filename();
    }

    /** @return the body of an EXTENDED_REPLY, positioned after the request id */
    public SshBuffer extendedReply(StatusErrors.Context ctx) throws IOException {
        expect(FXP_EXTENDED_REPLY, ctx);
        return body;
    }

    /**
     * @return how many bytes a DATA reply carried (already in the request's buffer when it named
     *         one), or -1 for STATUS EOF
     */
    public int dataLength(StatusErrors.Context ctx) throws IOException {
        if (type == FXP_STATUS && statusCode() == FX_EOF) {
            return -1;
        }
        expect(FXP_DATA, ctx);
        return directLength >= 0 ? directLength : body.available() - 4;
    }

    private void expect(int wanted, StatusErrors.Context ctx) throws IOException {
        if (type == FXP_STATUS) {
            int code = body.getInt();
            throw ctx.toException(code, statusMessage());
        }
        if (type != wanted) {
            throw unexpected(ctx, typeName(wanted));
        }
    }

    private String statusMessage() throws SshException {
        // v3 servers may omit the message and language tag (draft-02 added them late)
        return body.available() >= 4 ? body.getStringUtf8() : "";
    }

    private SshException unexpected(StatusErrors.Context ctx, String wanted) {
        return new SshException(ctx.describe() + ": expected " + wanted + " but the server sent " + typeName(type));
    }

    private static String typeName(int t) {
        return switch (t) {
            case FXP_STATUS -> "STATUS";
            case FXP_HANDLE -> "HANDLE";
            case FXP_DATA -> "DATA";
            case FXP_NAME -> "NAME";
            case FXP_ATTRS -> "ATTRS";
            case FXP_EXTENDED_REPLY -> "EXTENDED_REPLY";
            default -> "packet type " + t;
        };
    }

    /**
     * One entry of a NAME reply.
     *
     * @param filename the name (relative in READDIR, absolute in REALPATH)
     * @param longname the server's ls -l line, free-form
     * @param attrs the attributes (may be empty, e.g. for REALPATH)
     */
    public record NameEntry(String filename, String longname, FileAttrs attrs) {
    }
}
