package org.javamiko.internal.sftp.fs;

import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.javamiko.sftp.SftpAttributes;
import org.javamiko.sftp.SftpClient;

/**
 * The "basic", "posix" and "owner" views of one path: SETSTAT requests. SFTP v3 sets access and
 * modification time together and owner and group together, so changing one reads the other first.
 * Without following links, changes go through {@code lsetstat@openssh.com} when the server offers
 * it, else through SETSTAT (which follows the link).
 */
final class SftpAttributeView implements PosixFileAttributeView {
    private final SftpPath path;
    private final String name;
    private final boolean followLinks;

    SftpAttributeView(SftpPath path, String name, boolean followLinks) {
        this.path = path;
        this.name = name;
        this.followLinks = followLinks;
    }

    @Override
    public String name() {
        return name;
    }

    private SftpClient client() {
        return path.getFileSystem().client();
    }

    private String remote() {
        return path.toAbsolutePath().toString();
    }

    @Override
    public SftpFileAttributes readAttributes() throws IOException {
        SftpClient c = client();
        return new SftpFileAttributes(followLinks ? c.stat(remote()) : c.lstat(remote()));
    }

    private void set(SftpAttributes change) throws IOException {
        SftpClient c = client();
        if (!followLinks && c.hasExtension("lsetstat@openssh.com")) {
            c.lsetstat(remote(), change);
        } else {
            c.setstat(remote(), change);
        }
    }

    /** Sets the times given; SFTP v3 has no creation time, so {@code createTime} is ignored. */
    @Override
    public void setTimes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime createTime) throws IOException {
        if (lastModifiedTime == null && lastAccessTime == null) {
            return;
        }
        SftpAttributes current = lastModifiedTime == null || lastAccessTime == null ? readAttributes().raw() : null;
        long mtime = lastModifiedTime != null ? lastModifiedTime.to(TimeUnit.SECONDS) : current.getMtime();
        long atime = lastAccessTime != null ? lastAccessTime.to(TimeUnit.SECONDS) : current.getAtime();
        set(new SftpAttributes().withTimes(atime, mtime));
    }

    @Override
    public void setPermissions(Set<PosixFilePermission> perms) throws IOException {
        set(new SftpAttributes().withPermissions(SftpFileAttributes.mode(perms)));
    }

    /** @param owner a principal from this file system's lookup service, or one named by a numeric uid */
    @Override
    public void setOwner(UserPrincipal owner) throws IOException {
        int uid = NumericPrincipals.idOf(owner);
        set(new SftpAttributes().withUidGid(uid, readAttributes().raw().getGid()));
    }

    /** @param group a principal from this file system's lookup service, or one named by a numeric gid */
    @Override
    public void setGroup(GroupPrincipal group) throws IOException {
        int gid = NumericPrincipals.idOf(group);
        set(new SftpAttributes().withUidGid(readAttributes().raw().getUid(), gid));
    }

    @Override
    public UserPrincipal getOwner() throws IOException {
        return readAttributes().owner();
    }
}
