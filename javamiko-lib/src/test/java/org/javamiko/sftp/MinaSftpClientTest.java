package org.javamiko.sftp;

import java.io.IOException;
import java.nio.file.Path;

/** The contract against Apache MINA SSHD's SFTP subsystem. */
class MinaSftpClientTest extends SftpClientContract {
    @Override
    SftpServerFixture startServer(Path root) throws IOException {
        return new MinaSftpServer(root);
    }
}
