package org.javamiko.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;

import org.javamiko.SshClient;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.MinaServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The java.nio.file view over MINA SSHD's SFTP subsystem, through {@link SftpClient#fileSystem()} on our transport. */
class MinaFileSystemTest extends SftpFileSystemContract {
    @RegisterExtension
    static final MinaServer mina = MinaServer.builder().build();

    SshClient ssh;
    SftpClient sftp;

    @Override
    FileSystem openFileSystem() throws IOException {
        ssh = Connect.connected(mina, tmp, KeySet.clientKeys().ed25519());
        sftp = ssh.openSftp();
        return sftp.fileSystem();
    }

    @AfterEach
    void disconnect() {
        sftp.close();
        ssh.close();
    }

    @Test
    void closingTheFileSystemLeavesTheClientOpen() throws IOException {
        Files.writeString(local("f"), "x");
        fs.close();
        assertThat(fs.isOpen()).isFalse();
        assertThat(sftp.stat(dir.resolve("f").toString()).getSize()).isEqualTo(1);
        try (FileSystem again = sftp.fileSystem()) {
            assertThat(Files.exists(again.getPath(dir.toString(), "f"))).isTrue();
        }
    }

    @Test
    void aBorrowedFileSystemHasNoAddressInItsUris() {
        assertThat(remote("f").toUri().toString()).isEqualTo("sftp:" + dir + "/f");
    }

    @Test
    void withoutStatvfsThereAreNoFileStores() {
        assertThat(sftp.hasExtension("statvfs@openssh.com")).isFalse();
        assertThat(fs.getFileStores()).isEmpty();
        assertThatThrownBy(() -> Files.getFileStore(remote(""))).isInstanceOf(UnsupportedOperationException.class);
    }
}
