package org.javamiko.internal.sftp;

import static org.javamiko.internal.sftp.SftpConstants.ATTR_ACMODTIME;
import static org.javamiko.internal.sftp.SftpConstants.ATTR_EXTENDED;
import static org.javamiko.internal.sftp.SftpConstants.ATTR_PERMISSIONS;
import static org.javamiko.internal.sftp.SftpConstants.ATTR_SIZE;
import static org.javamiko.internal.sftp.SftpConstants.ATTR_UIDGID;

import java.util.LinkedHashMap;
import java.util.Map;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * SFTP v3 file attributes (draft §5) as on the wire: only the fields whose flag is set are present.
 *
 * @param flags which fields are present, {@code SftpConstants.ATTR_*}
 * @param size the size in bytes
 * @param uid the owner's user id (uint32)
 * @param gid the group id (uint32)
 * @param permissions st_mode, file-type bits included
 * @param atime access time, seconds since the epoch (uint32)
 * @param mtime modification time, seconds since the epoch (uint32)
 * @param extended extended (type, data) pairs, in the server's order
 */
public record FileAttrs(int flags, long size, int uid, int gid, int permissions, long atime, long mtime,
                        Map<String, byte[]> extended) {
    /** More extended pairs than any real server sends; a bound against hostile counts. */
    private static final int MAX_EXTENDED = 1024;

    /** No attributes: what SETSTAT sends to change nothing, or OPEN to use the server's defaults. */
    public static final FileAttrs EMPTY = new FileAttrs(0, 0, 0, 0, 0, 0, 0, Map.of());

    /** Copies the map so the record stays immutable. */
    public FileAttrs {
        extended = Map.copyOf(extended);
    }

    /** @return only the size set */
    public static FileAttrs ofSize(long size) {
        return new FileAttrs(ATTR_SIZE, size, 0, 0, 0, 0, 0, Map.of());
    }

    /** @return only the permissions set */
    public static FileAttrs ofPermissions(int mode) {
        return new FileAttrs(ATTR_PERMISSIONS, 0, 0, 0, mode, 0, 0, Map.of());
    }

    /** @return whether every bit of {@code flag} is set */
    public boolean has(int flag) {
        return (flags & flag) == flag;
    }

    /** Appends these attributes to a request. */
    void encode(SftpPacket p) {
        p.putInt(flags);
        if (has(ATTR_SIZE)) {
            p.putLong(size);
        }
        if (has(ATTR_UIDGID)) {
            p.putInt(uid).putInt(gid);
        }
        if (has(ATTR_PERMISSIONS)) {
            p.putInt(permissions);
        }
        if (has(ATTR_ACMODTIME)) {
            p.putInt((int) atime).putInt((int) mtime);
        }
        if (has(ATTR_EXTENDED)) {
            p.putInt(extended.size());
            for (Map.Entry<String, byte[]> e : extended.entrySet()) {
                p.putString(e.getKey()).putString(e.getValue());
            }
        }
    }

    /** Reads attributes from a reply, every length checked before use. */
    public static FileAttrs decode(SshBuffer b) throws SshException {
        int flags = b.getInt();
        long size = (flags & ATTR_SIZE) != 0 ? b.getLong() : 0;
        int uid = 0;
        int gid = 0;
        if ((flags & ATTR_UIDGID) != 0) {
            uid = b.getInt();
            gid = b.getInt();
        }
        int perms = (flags & ATTR_PERMISSIONS) != 0 ? b.getInt() : 0;
        long atime = 0;
        long mtime = 0;
        if ((flags & ATTR_ACMODTIME) != 0) {
            atime = b.getUInt32();
            mtime = b.getUInt32();
        }
        Map<String, byte[]> ext = Map.of();
        if ((flags & ATTR_EXTENDED) != 0) {
            long count = b.getUInt32();
            // each pair takes at least 8 bytes, so a count larger than that cannot be honest
            if (count > MAX_EXTENDED || count * 8 > b.available()) {
                throw new SshException("Malformed SFTP attributes: " + count + " extended attributes announced");
            }
            ext = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                ext.put(b.getStringUtf8(), b.getString());
            }
        }
        return new FileAttrs(flags, size, uid, gid, perms, atime, mtime, ext);
    }
}
