package org.javamiko.sftp;

import java.io.IOException;
import java.nio.file.Path;

/** The contract against OpenSSH's sftp-server. */
class OpenSshSftpClientTest extends SftpClientContract {
    @Override
    SftpServerFixture startServer(Path root) throws IOException {
        return new OpenSshSftpServer(root);
    }
}
