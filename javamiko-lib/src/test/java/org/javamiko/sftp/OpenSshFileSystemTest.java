package org.javamiko.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.NoSuchFileException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.javamiko.internal.sftp.fs.SftpFileSystemProvider;
import org.javamiko.AuthenticationException;
import org.javamiko.SshClient;
import org.javamiko.SshException;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The java.nio.file view over OpenSSH's sshd ({@code internal-sftp}) through our transport,
 * opened the way a Java user would: {@code FileSystems.newFileSystem(URI.create("sftp://…"), env)}.
 */
class OpenSshFileSystemTest extends SftpFileSystemContract {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    URI uri() {
        return URI.create("sftp://" + sshd.user() + "@" + sshd.host() + ":" + sshd.port() + "/");
    }

    Map<String, Object> env() {
        return Map.of("keyFilename", KeySet.clientKeys().ed25519(),
                "knownHosts", sshd.writeKnownHosts(tmp.resolve("known_hosts")).toString());
    }

    @Override
    FileSystem openFileSystem() throws IOException {
        return FileSystems.newFileSystem(uri(), env());
    }

    @Test
    void theProviderIsFoundByItsScheme() {
        assertThat(fs.provider()).isInstanceOf(SftpFileSystemProvider.class);
        assertThat(fs.provider().getScheme()).isEqualTo("sftp");
    }

    @Test
    void pathsFromUrisFindTheOpenFileSystemAndRoundTrip() throws IOException {
        Files.writeString(local("f"), "x");
        URI fileUri = remote("f").toUri();
        assertThat(fileUri.toString()).isEqualTo("sftp://" + sshd.user() + "@" + sshd.host() + ":" + sshd.port()
                + dir + "/f");
        Path back = Path.of(fileUri);
        assertThat(back).isEqualTo(remote("f"));
        assertThat(Files.readString(back)).isEqualTo("x");
        assertThat(FileSystems.getFileSystem(uri())).isSameAs(fs);
        URI withoutUser = URI.create("sftp://" + sshd.host() + ":" + sshd.port() + dir + "/f");
        assertThat(Path.of(withoutUser)).isEqualTo(remote("f"));
    }

    @Test
    void aSecondFileSystemForTheSameUserAndHostIsRefused() {
        assertThatThrownBy(() -> FileSystems.newFileSystem(uri(), env()))
                .isInstanceOf(FileSystemAlreadyExistsException.class);
    }

    @Test
    void closingTheFileSystemEndsItsConnection() throws IOException {
        Path p = remote("f");
        fs.close();
        assertThatThrownBy(() -> Files.exists(p)).isInstanceOf(ClosedFileSystemException.class);
        assertThatThrownBy(() -> FileSystems.getFileSystem(uri())).isInstanceOf(FileSystemNotFoundException.class);
        try (FileSystem again = FileSystems.newFileSystem(uri(), env())) {
            assertThat(Files.isDirectory(again.getPath(dir.toString()))).isTrue();
        }
    }

    @Test
    void anUnknownHostIsRefused() throws IOException {
        fs.close();
        Path empty = Files.createFile(tmp.resolve("empty_known_hosts"));
        Map<String, Object> env = Map.of("keyFilename", KeySet.clientKeys().ed25519(), "knownHosts", empty);
        assertThatThrownBy(() -> FileSystems.newFileSystem(uri(), env)).isInstanceOf(SshException.class)
                .hasMessageContaining("known_hosts");
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure() throws IOException {
        fs.close();
        Map<String, Object> env = Map.of("password", "wrong", "knownHosts", sshd.writeKnownHosts(tmp.resolve("kh")));
        assertThatThrownBy(() -> FileSystems.newFileSystem(uri(), env)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void copyAndMoveBetweenTwoSessionsStreamThroughTheClient() throws IOException {
        byte[] data = randomBytes(2 << 20, 9);
        Files.write(local("a"), data);
        try (SshClient ssh = Connect.connected(sshd, tmp, KeySet.clientKeys().ed25519());
             SftpClient other = ssh.openSftp(); FileSystem second = other.fileSystem()) {
            Path there = second.getPath(dir.toString(), "b");
            Files.copy(remote("a"), there);
            assertThat(Files.readAllBytes(local("b"))).isEqualTo(data);
            Files.move(there, remote("c"));
            assertThat(Files.readAllBytes(local("c"))).isEqualTo(data);
            assertThat(local("b")).doesNotExist();
        }
    }

    @Test
    void aReadOnlyServersRefusalsAreAccessDenied() throws IOException {
        Files.writeString(local("f"), "x");
        try (OpenSshSftpServer readOnly = new OpenSshSftpServer(dir, "-R"); SftpClient c = readOnly.connect();
             FileSystem ro = c.fileSystem()) {
            Path f = ro.getPath(dir.toString(), "f");
            assertThatThrownBy(() -> Files.writeString(f, "y")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> Files.delete(f)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> Files.createDirectory(ro.getPath(dir.toString(), "d")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(Files.readString(f)).isEqualTo("x");
        }
    }

    @Test
    void theFileStoreReportsTheSpaceTheLocalOneDoes() throws IOException {
        FileStore store = Files.getFileStore(remote(""));
        assertThat(store.type()).isEqualTo("sftp");
        assertThat(store.getAttribute("totalSpace")).isEqualTo(store.getTotalSpace());
        assertThat(fs.getFileStores()).hasSize(1);
        assertThatThrownBy(() -> Files.getFileStore(remote("missing"))).isInstanceOf(NoSuchFileException.class);
        assertThat(store.getTotalSpace()).isEqualTo(localFileStore(dir).getTotalSpace());
    }

    /** The JDK finds a local file store in the mount table; a chroot or sandbox may not list it. */
    private static FileStore localFileStore(Path path) {
        try {
            return Files.getFileStore(path);
        } catch (IOException e) {
            Assumptions.abort("the JDK cannot tell the local file store of " + path + ": " + e.getMessage());
            throw new AssertionError(e);
        }
    }
}
