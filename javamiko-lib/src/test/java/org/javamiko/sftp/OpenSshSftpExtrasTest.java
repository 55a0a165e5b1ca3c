package org.javamiko.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only OpenSSH's sftp-server shows: its extensions, its read-only mode, devices that refuse
 * writes, and a process that can be killed.
 */
class OpenSshSftpExtrasTest {
    @TempDir
    Path dir;
    OpenSshSftpServer server;
    SftpClient sftp;

    @BeforeEach
    void connect() throws IOException {
        server = new OpenSshSftpServer(dir);
        sftp = server.connect();
    }

    @AfterEach
    void disconnect() {
        sftp.close();
        server.close();
    }

    Path local(String name) {
        return server.root().resolve(name);
    }

    @Test
    void versionHandshakeListsOpenSshExtensions() {
        assertThat(sftp.extensions()).containsKeys("posix-rename@openssh.com", "statvfs@openssh.com",
                "limits@openssh.com", "copy-data");
        assertThat(new String(sftp.extensions().get("posix-rename@openssh.com"))).isEqualTo("1");
    }

    @Test
    void readOnlyServerRefusalsAreAccessDenied() throws IOException {
        Files.writeString(local("f"), "x");
        try (OpenSshSftpServer ro = new OpenSshSftpServer(dir, "-R"); SftpClient c = ro.connect()) {
            assertThatThrownBy(() -> c.open("f", "w")).isInstanceOf(AccessDeniedException.class).hasMessageContaining("f");
            assertThatThrownBy(() -> c.mkdir("d", 0755)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> c.remove("f")).isInstanceOf(AccessDeniedException.class);
            assertThat(c.stat("f").getSize()).isEqualTo(1);
        }
    }

    @Test
    void refusedPipelinedWriteSurfacesAtClose() throws IOException {
        SftpFile f = sftp.open("/dev/full", "w");
        f.write(new byte[100_000], 0, 100_000);
        assertThatThrownBy(f::close).isInstanceOf(SftpException.class)
                .satisfies(e -> assertThat(((SftpException) e).code()).isEqualTo(SftpException.FAILURE));
    }

    @Test
    void refusedPipelinedWriteSurfacesAtFlush() throws IOException {
        try (SftpFile f = sftp.open("/dev/full", "w")) {
            f.write(new byte[10], 0, 10);
            assertThatThrownBy(f::flush).isInstanceOf(SftpException.class).hasMessageContaining("/dev/full");
        } catch (SftpException expectedAgainAtClose) {
            assertThat(expectedAgainAtClose.getMessage()).contains("/dev/full");
        }
    }

    @Test
    void confirmCatchesASizeMismatch() throws IOException {
        Files.createSymbolicLink(local("sink"), Path.of("/dev/null"));
        byte[] data = new byte[5000];
        assertThat(sftp.putfo(new ByteArrayInputStream(data), "sink", data.length, null, false).getSize()).isEqualTo(5000);
        assertThatThrownBy(() -> sftp.putfo(new ByteArrayInputStream(data), "sink", data.length, null, true))
                .isInstanceOf(SftpException.class).hasMessageContaining("Size mismatch").hasMessageContaining("5000");
    }

    @Test
    @Timeout(60)
    void killedServerEndsAPrefetchWithAnExceptionNotAHang() throws IOException {
        Files.write(local("f"), new byte[8 << 20]);
        try (SftpFile f = sftp.open("f", "r")) {
            f.prefetch();
            byte[] buf = new byte[65536];
            assertThat(f.read(buf, 0, buf.length)).isPositive();
            server.lastProcess().destroyForcibly();
            assertThatThrownBy(() -> {
                while (f.read(buf, 0, buf.length) >= 0) {
                    // read until the dead server's error arrives
                }
            }).isInstanceOf(IOException.class);
        } catch (IOException closingAfterDeath) {
            assertThat(closingAfterDeath).isInstanceOf(IOException.class);
        }
    }

    @Test
    void prefetchOfAFileThatGrowsReadsAConsistentPrefix() throws Exception {
        byte[] full = SftpClientContract.randomBytes(3 << 20, 8);
        Files.write(local("f"), Arrays.copyOf(full, 1 << 20));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (SftpFile f = sftp.open("f", "r")) {
            f.prefetch();
            byte[] buf = new byte[100_000];
            int n = f.read(buf, 0, buf.length);
            got.write(buf, 0, n);
            // appended, not rewritten: a rewrite truncates first, and a read landing then rightly sees EOF
            Files.write(local("f"), Arrays.copyOfRange(full, 1 << 20, full.length), java.nio.file.StandardOpenOption.APPEND);
            while ((n = f.read(buf, 0, buf.length)) > 0) {
                got.write(buf, 0, n);
            }
        }
        byte[] read = got.toByteArray();
        assertThat(read.length).isBetween(1 << 20, 3 << 20);
        assertThat(read).isEqualTo(Arrays.copyOf(full, read.length));
    }

    @Test
    void prefetchOfAFileThatShrinksEndsEarlyWithoutStaleBytes() throws Exception {
        byte[] full = SftpClientContract.randomBytes(4 << 20, 9);
        Files.write(local("f"), full);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (SftpFile f = sftp.open("f", "r")) {
            f.prefetch();
            byte[] buf = new byte[10_000];
            int n = f.read(buf, 0, buf.length);
            got.write(buf, 0, n);
            try (var ch = java.nio.channels.FileChannel.open(local("f"), java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(100_000);
            }
            while ((n = f.read(buf, 0, buf.length)) > 0) {
                got.write(buf, 0, n);
            }
        }
        byte[] read = got.toByteArray();
        assertThat(read.length).isBetween(100_000, 4 << 20);
        assertThat(read).isEqualTo(Arrays.copyOf(full, read.length));
    }

    @Test
    void getOfAFileThatGrowsBeforeItsReadsGetsTheNewEnd() throws Exception {
        // the size hint comes from fstat after open; the data read follows EOF, not the hint
        byte[] data = SftpClientContract.randomBytes(2 << 20, 10);
        Files.write(local("f"), data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(sftp.getfo("f", out, null)).isEqualTo(data.length);
        assertThat(out.toByteArray()).isEqualTo(data);
    }

    // ------------------------------------------------------------------ extensions

    @Test
    void statvfsDescribesTheFileSystem() throws IOException {
        SftpStatVfs vfs = sftp.statvfs(".");
        assertThat(vfs.blocks()).isPositive();
        assertThat(vfs.fragmentSize()).isPositive();
        assertThat(vfs.maxNameLength()).isEqualTo(255);
        try (SftpFile f = sftp.open("f", "w")) {
            assertThat(f.statvfs().fsid()).isEqualTo(vfs.fsid());
        }
    }

    @Test
    void hardlinkSharesTheInode() throws IOException {
        Files.writeString(local("a"), "shared");
        sftp.hardlink("a", "b");
        assertThat(Files.isSameFile(local("a"), local("b"))).isTrue();
        assertThat(Files.getAttribute(local("a"), "unix:nlink")).isEqualTo(2);
    }

    @Test
    void fsyncSucceedsAfterWrites() throws IOException {
        try (SftpFile f = sftp.open("f", "w")) {
            f.write(new byte[1000], 0, 1000);
            f.fsync();
        }
        assertThat(Files.size(local("f"))).isEqualTo(1000);
    }

    @Test
    void limitsAreTheServersAndSizeTheRequests() throws IOException {
        SftpLimits limits = sftp.limits();
        assertThat(limits.maxReadLength()).isPositive();
        assertThat(sftp.readChunk()).isEqualTo((int) Math.min(limits.maxReadLength(), SftpClient.MAX_CHUNK));
        assertThat(sftp.writeChunk()).isEqualTo((int) Math.min(limits.maxWriteLength(), SftpClient.MAX_CHUNK));
    }

    @Test
    void expandPathAndHomeDirectoryAgreeWithTheUsersHome() throws IOException {
        String home = System.getProperty("user.home");
        assertThat(sftp.expandPath("~" + System.getProperty("user.name"))).isEqualTo(home);
        assertThat(sftp.expandPath("sub")).isEqualTo(server.remote("sub"));
        assertThat(sftp.homeDirectory(System.getProperty("user.name"))).isEqualTo(home);
    }

    @Test
    void copyDataCopiesOnTheServer() throws IOException {
        byte[] data = SftpClientContract.randomBytes(300_000, 11);
        Files.write(local("src"), data);
        try (SftpFile from = sftp.open("src", "r"); SftpFile to = sftp.open("dst", "w")) {
            sftp.copyData(from, 1000, 0, to, 0);
        }
        assertThat(Files.readAllBytes(local("dst"))).isEqualTo(Arrays.copyOfRange(data, 1000, data.length));
    }

    @Test
    void lsetstatChangesTheLinkNotItsTarget() throws IOException {
        Files.writeString(local("target"), "x");
        Files.setLastModifiedTime(local("target"), FileTime.fromMillis(2_000_000_000_000L));
        Files.createSymbolicLink(local("link"), Path.of("target"));
        sftp.lsetstat("link", new SftpAttributes().withTimes(1_000_000_000L, 1_100_000_000L));
        assertThat(sftp.lstat("link").getMtime()).isEqualTo(1_100_000_000L);
        assertThat(sftp.stat("link").getMtime()).isEqualTo(2_000_000_000L);
    }
}
