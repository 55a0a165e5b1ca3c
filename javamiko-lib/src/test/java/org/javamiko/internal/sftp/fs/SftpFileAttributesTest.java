package org.javamiko.internal.sftp.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;

import org.javamiko.sftp.SftpAttributes;
import org.junit.jupiter.api.Test;

/** st_mode bits and SFTP attributes as java.nio.file attributes. */
class SftpFileAttributesTest {
    @Test
    void permissionBitsMapBothWays() {
        assertThat(SftpFileAttributes.permissions(0100754)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr--"));
        assertThat(SftpFileAttributes.mode(PosixFilePermissions.fromString("rw-r-----"))).isEqualTo(0640);
        for (int mode = 0; mode <= 0777; mode++) {
            assertThat(SftpFileAttributes.mode(SftpFileAttributes.permissions(mode))).isEqualTo(mode);
        }
    }

    @Test
    void theFileTypeComesFromStMode() {
        SftpFileAttributes dir = new SftpFileAttributes(new SftpAttributes().withPermissions(040755));
        SftpFileAttributes link = new SftpFileAttributes(new SftpAttributes().withPermissions(0120777));
        SftpFileAttributes fifo = new SftpFileAttributes(new SftpAttributes().withPermissions(010644));
        assertThat(dir.isDirectory()).isTrue();
        assertThat(dir.isRegularFile()).isFalse();
        assertThat(link.isSymbolicLink()).isTrue();
        assertThat(fifo.isOther()).isTrue();
    }

    @Test
    void timesAreSecondsAndCreationIsModification() {
        SftpFileAttributes a = new SftpFileAttributes(new SftpAttributes().withTimes(100, 200));
        assertThat(a.lastAccessTime()).isEqualTo(FileTime.fromMillis(100_000));
        assertThat(a.lastModifiedTime()).isEqualTo(FileTime.fromMillis(200_000));
        assertThat(a.creationTime()).isEqualTo(a.lastModifiedTime());
    }

    @Test
    void ownersAreNumericIds() {
        SftpFileAttributes a = new SftpFileAttributes(new SftpAttributes().withUidGid(1000, 50));
        assertThat(a.owner().getName()).isEqualTo("1000");
        assertThat(a.group().getName()).isEqualTo("50");
    }
}
