package org.javamiko.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.javamiko.SshClient;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** No partial file passed off as complete: get's size check, and the opt-in atomic put, against a real sshd. */
class SftpTransferIntegrityTest {
    /** More chunks than a download keeps in flight, so the read past the end comes after the first chunk. */
    private static final int GROWING_FILE_SIZE = 8 * 1024 * 1024;

    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    Path dir;

    private SshClient connect() throws IOException {
        return Connect.connected(sshd, dir, KeySet.clientKeys().ed25519());
    }

    private Path remoteFile(String name, byte[] content) throws IOException {
        Path remote = Files.createDirectories(dir.resolve("remote")).resolve(name);
        return Files.write(remote, content);
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    /** A progress listener that appends to {@code file} on the first report: it grows while it is read. */
    private static ProgressListener growOnce(Path file) {
        AtomicBoolean grown = new AtomicBoolean();
        return (transferred, total) -> {
            if (transferred > 0 && grown.compareAndSet(false, true)) {
                try {
                    Files.write(file, random(100_000), StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @Test
    void aFileThatGrowsWhileDownloadedIsASizeMismatchAndLeavesNoFile() throws Exception {
        Path remote = remoteFile("growing.log", random(GROWING_FILE_SIZE));
        Path local = dir.resolve("local.log");
        try (SshClient client = connect(); SftpClient sftp = client.openSftp()) {
            assertThatThrownBy(() -> sftp.get(remote.toString(), local, growOnce(remote)))
                    .isInstanceOf(SftpException.class).hasMessageContaining("Size mismatch in get");
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".local.log"))
                    .doesNotContain("local.log");
        }
    }

    @Test
    void withTheSizeCheckOffAGrowingFileDownloadsWhatTheServerSent() throws Exception {
        Path remote = remoteFile("growing.log", random(GROWING_FILE_SIZE));
        Path local = dir.resolve("local.log");
        try (SshClient client = connect(); SftpClient sftp = client.openSftp()) {
            sftp.setVerifyGetSize(false);
            sftp.get(remote.toString(), local, growOnce(remote));
        }
        assertThat(local).hasSameBinaryContentAs(remote);
    }

    @Test
    void anAtomicPutReplacesTheFileAndKeepsItsPermissions() throws Exception {
        Path remote = remoteFile("app.conf", "old".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(remote, PosixFilePermissions.fromString("rw-r-----"));
        Path local = Files.write(dir.resolve("new.conf"), random(300_000));
        try (SshClient client = connect(); SftpClient sftp = client.openSftp()) {
            sftp.setAtomicPut(true);
            SftpAttributes attrs = sftp.put(local, remote.toString(), null, true);
            assertThat(attrs.getSize()).isEqualTo(300_000);
        }
        assertThat(remote).hasSameBinaryContentAs(local);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(remote))).isEqualTo("rw-r-----");
        try (Stream<Path> names = Files.list(remote.getParent())) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly("app.conf");
        }
    }

    @Test
    void aFailedAtomicPutLeavesTheOldFileWholeAndNoTemporaryFile() throws Exception {
        byte[] old = random(50_000);
        Path remote = remoteFile("app.jar", old);
        // Ends after 200,000 bytes of the 1,000,000 promised.
        InputStream shortInput = new SequenceInputStream(new ByteArrayInputStream(random(200_000)), InputStream.nullInputStream());
        try (SshClient client = connect(); SftpClient sftp = client.openSftp()) {
            sftp.setAtomicPut(true);
            assertThatThrownBy(() -> sftp.putfo(shortInput, remote.toString(), 1_000_000, null, false))
                    .isInstanceOf(EOFException.class);
        }
        assertThat(Files.readAllBytes(remote)).isEqualTo(old);
        try (Stream<Path> names = Files.list(remote.getParent())) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly("app.jar");
        }
    }

    @Test
    void anAtomicPutCreatesAFileThatDidNotExist() throws Exception {
        Path remoteDir = Files.createDirectories(dir.resolve("remote"));
        Path local = Files.write(dir.resolve("fresh.txt"), "fresh".getBytes(StandardCharsets.UTF_8));
        try (SshClient client = connect(); SftpClient sftp = client.openSftp()) {
            sftp.setAtomicPut(true);
            sftp.put(local, remoteDir.resolve("fresh.txt").toString(), null, true);
        }
        assertThat(remoteDir.resolve("fresh.txt")).hasContent("fresh");
    }
}
