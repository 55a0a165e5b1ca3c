package org.javamiko.sftp;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * File system statistics, as POSIX statvfs(3) reports them ({@code statvfs@openssh.com}).
 *
 * @param blockSize f_bsize
 * @param fragmentSize f_frsize, the unit of the block counts
 * @param blocks f_blocks, total blocks
 * @param freeBlocks f_bfree
 * @param availableBlocks f_bavail, free blocks for unprivileged users
 * @param files f_files, total inodes
 * @param freeFiles f_ffree
 * @param availableFiles f_favail
 * @param fsid f_fsid
 * @param flags f_flag: 1 read-only, 2 no set-uid
 * @param maxNameLength f_namemax
 */
public record SftpStatVfs(long blockSize, long fragmentSize, long blocks, long freeBlocks, long availableBlocks,
                          long files, long freeFiles, long availableFiles, long fsid, long flags, long maxNameLength) {
    /** f_flag bit: mounted read-only. */
    public static final long ST_RDONLY = 1;
    /** f_flag bit: set-uid bits ignored. */
    public static final long ST_NOSUID = 2;

    static SftpStatVfs decode(SshBuffer b) throws SshException {
        return new SftpStatVfs(b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong(),
                b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong());
    }

    /** @return bytes free for unprivileged users */
    public long availableBytes() {
        return availableBlocks * fragmentSize;
    }

    /** @return the file system's size in bytes */
    public long totalBytes() {
        return blocks * fragmentSize;
    }
}
