package org.javamiko.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What MINA SSHD's subsystem shows: extensions it lacks fail clearly, on the client side. */
class MinaSftpExtrasTest {
    @TempDir
    Path dir;

    @Test
    void missingExtensionIsAClearSftpException() throws Exception {
        try (MinaSftpServer server = new MinaSftpServer(dir); SftpClient sftp = server.connect()) {
            assertThat(sftp.hasExtension("statvfs@openssh.com")).isFalse();
            assertThatThrownBy(() -> sftp.statvfs("."))
                    .isInstanceOf(SftpException.class)
                    .hasMessageContaining("statvfs@openssh.com")
                    .satisfies(e -> assertThat(((SftpException) e).code()).isEqualTo(SftpException.OP_UNSUPPORTED));
            // the session is unharmed
            assertThat(sftp.listdir(".")).isEmpty();
        }
    }
}
