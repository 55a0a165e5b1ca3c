package org.javamiko.sftp;

import java.util.Map;

import org.javamiko.internal.sftp.FileAttrs;
import org.javamiko.internal.sftp.SftpConstants;

/**
 * A file's attributes as the server reports them (SFTP v3: size, owner, permissions, times), and,
 * in a directory listing, its name. Fields the server left out read as 0; {@code has…} tells.
 * Immutable: the {@code with…} methods return a copy, e.g. for {@link SftpClient#setstat}.
 */
public class SftpAttributes {
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;

    private final FileAttrs attrs;
    private final String filename;
    private final String longname;

    SftpAttributes(FileAttrs attrs, String filename, String longname) {
        this.attrs = attrs;
        this.filename = filename;
        this.longname = longname;
    }

    /** No attributes set: a start for the {@code with…} methods. */
    public SftpAttributes() {
        this(FileAttrs.EMPTY, null, null);
    }

    FileAttrs wire() {
        return attrs;
    }

    /** @return the size in bytes, 0 when not reported */
    public long getSize() {
        return attrs.size();
    }

    /** @return the owner's numeric user id */
    public int getUid() {
        return attrs.uid();
    }

    /** @return the numeric group id */
    public int getGid() {
        return attrs.gid();
    }

    /** @return st_mode: the file-type bits and the permission bits, as paramiko's st_mode */
    public int getPermissions() {
        return attrs.permissions();
    }

    /** @return the access time, seconds since the epoch */
    public long getAtime() {
        return attrs.atime();
    }

    /** @return the modification time, seconds since the epoch */
    public long getMtime() {
        return attrs.mtime();
    }

    /** @return the name in a directory listing; null for stat results */
    public String getFilename() {
        return filename;
    }

    /** @return the server's {@code ls -l} style line in a listing; null for stat results */
    public String getLongname() {
        return longname;
    }

    /** @return extended attributes the server sent (name to data) */
    public Map<String, byte[]> getExtended() {
        return attrs.extended();
    }

    /** @return whether the size was reported */
    public boolean hasSize() {
        return attrs.has(SftpConstants.ATTR_SIZE);
    }

    /** @return whether owner and group were reported */
    public boolean hasUidGid() {
        return attrs.has(SftpConstants.ATTR_UIDGID);
    }

    /** @return whether the permissions (st_mode) were reported */
    public boolean hasPermissions() {
        return attrs.has(SftpConstants.ATTR_PERMISSIONS);
    }

    /** @return whether access and modification times were reported */
    public boolean hasTimes() {
        return attrs.has(SftpConstants.ATTR_ACMODTIME);
    }

    /** @return whether st_mode says directory */
    public boolean isDirectory() {
        return hasPermissions() && (getPermissions() & S_IFMT) == S_IFDIR;
    }

    /** @return whether st_mode says regular file */
    public boolean isRegularFile() {
        return hasPermissions() && (getPermissions() & S_IFMT) == S_IFREG;
    }

    /** @return whether st_mode says symbolic link (only lstat and listings can say so) */
    public boolean isSymlink() {
        return hasPermissions() && (getPermissions() & S_IFMT) == S_IFLNK;
    }

    /**
     * @param size the size in bytes
     * @return a copy with the size set
     */
    public SftpAttributes withSize(long size) {
        return with(SftpConstants.ATTR_SIZE, size, attrs.uid(), attrs.gid(), attrs.permissions(), attrs.atime(), attrs.mtime());
    }

    /**
     * @param uid the owner's numeric id
     * @param gid the group's numeric id
     * @return a copy with owner and group set
     */
    public SftpAttributes withUidGid(int uid, int gid) {
        return with(SftpConstants.ATTR_UIDGID, attrs.size(), uid, gid, attrs.permissions(), attrs.atime(), attrs.mtime());
    }

    /**
     * @param mode the permission bits, e.g. {@code 0644}
     * @return a copy with the permission bits set (file-type bits are ignored by servers)
     */
    public SftpAttributes withPermissions(int mode) {
        return with(SftpConstants.ATTR_PERMISSIONS, attrs.size(), attrs.uid(), attrs.gid(), mode, attrs.atime(), attrs.mtime());
    }

    /**
     * @param atime the access time, in seconds since the epoch
     * @param mtime the modification time, in seconds since the epoch
     * @return a copy with the access and modification times set
     */
    public SftpAttributes withTimes(long atime, long mtime) {
        return with(SftpConstants.ATTR_ACMODTIME, attrs.size(), attrs.uid(), attrs.gid(), attrs.permissions(), atime, mtime);
    }

    private SftpAttributes with(int flag, long size, int uid, int gid, int perms, long atime, long mtime) {
        int flags = (attrs.flags() & ~SftpConstants.ATTR_EXTENDED) | flag;
        return new SftpAttributes(new FileAttrs(flags, size, uid, gid, perms, atime, mtime, Map.of()), filename, longname);
    }

    @Override
    public String toString() {
        return (filename != null ? filename + " " : "") + "[size=" + getSize() + " uid=" + getUid() + " gid=" + getGid()
                + " mode=" + Integer.toOctalString(getPermissions()) + " atime=" + getAtime() + " mtime=" + getMtime() + "]";
    }
}
