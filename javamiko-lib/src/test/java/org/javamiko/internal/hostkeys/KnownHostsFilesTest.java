package org.javamiko.internal.hostkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.javamiko.SshException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsFilesTest {
    @TempDir
    Path dir;

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void writeReplacesContentAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "old\n");
        KnownHostsFiles.writeAtomically(file, "new\n".getBytes());
        assertThat(Files.readString(file)).isEqualTo("new\n");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void existingFileKeepsItsPermissions() throws Exception {
        assumeTrue(posix());
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        KnownHostsFiles.writeAtomically(file, "new\n".getBytes());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    }

    @Test
    void newFileIsOwnerOnly() throws Exception {
        assumeTrue(posix());
        Path file = dir.resolve("known_hosts");
        KnownHostsFiles.writeAtomically(file, "new\n".getBytes());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void symbolicLinkIsFollowedAndKept() throws Exception {
        assumeTrue(posix());
        Path real = Files.createDirectory(dir.resolve("real")).resolve("known_hosts");
        Files.writeString(real, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        KnownHostsFiles.writeAtomically(link, "new\n".getBytes());
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new\n");
    }

    @Test
    void readingAMissingFileIsNoSuchFile() {
        assertThatThrownBy(() -> KnownHostsFiles.readLines(dir.resolve("absent")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void fileLargerThanTheBoundIsRefused() throws Exception {
        Path file = dir.resolve("big");
        Files.write(file, new byte[1000]);
        assertThatThrownBy(() -> KnownHostsFiles.readBounded(file, 999))
                .isInstanceOf(SshException.class).hasMessageContaining("too large");
        assertThat(KnownHostsFiles.readBounded(file, 1000)).hasSize(1000);
    }
}
