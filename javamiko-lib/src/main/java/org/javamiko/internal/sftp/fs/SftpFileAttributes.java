package org.javamiko.internal.sftp.fs;

import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.javamiko.sftp.SftpAttributes;

/**
 * An SFTP stat result as {@link PosixFileAttributes}. SFTP v3 has no creation time, so it reads
 * as the modification time, as the {@link java.nio.file.attribute.BasicFileAttributes} contract allows.
 */
final class SftpFileAttributes implements PosixFileAttributes {
    private static final PosixFilePermission[] BITS_HIGH_TO_LOW = PosixFilePermission.values();

    private final SftpAttributes attrs;

    SftpFileAttributes(SftpAttributes attrs) {
        this.attrs = attrs;
    }

    /** @return the set for the low nine bits of {@code mode} */
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        // the enum runs OWNER_READ … OTHERS_EXECUTE, i.e. from bit 8 down to bit 0
        for (int i = 0; i < BITS_HIGH_TO_LOW.length; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                set.add(BITS_HIGH_TO_LOW[i]);
            }
        }
        return set;
    }

    /** @return the low nine mode bits for {@code perms} */
    static int mode(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }

    @Override
    public FileTime lastModifiedTime() {
        return FileTime.from(attrs.getMtime(), TimeUnit.SECONDS);
    }

    @Override
    public FileTime lastAccessTime() {
        return FileTime.from(attrs.getAtime(), TimeUnit.SECONDS);
    }

    @Override
    public FileTime creationTime() {
        return lastModifiedTime();
    }

    @Override
    public boolean isRegularFile() {
        return attrs.isRegularFile();
    }

    @Override
    public boolean isDirectory() {
        return attrs.isDirectory();
    }

    @Override
    public boolean isSymbolicLink() {
        return attrs.isSymlink();
    }

    @Override
    public boolean isOther() {
        return attrs.hasPermissions() && !isRegularFile() && !isDirectory() && !isSymbolicLink();
    }

    @Override
    public long size() {
        return attrs.getSize();
    }

    /** @return null: SFTP v3 reports no inode or device number */
    @Override
    public Object fileKey() {
        return null;
    }

    @Override
    public UserPrincipal owner() {
        return new NumericPrincipals.User(attrs.getUid());
    }

    @Override
    public GroupPrincipal group() {
        return new NumericPrincipals.Group(attrs.getGid());
    }

    @Override
    public Set<PosixFilePermission> permissions() {
        return permissions(attrs.getPermissions());
    }

    SftpAttributes raw() {
        return attrs;
    }
}
