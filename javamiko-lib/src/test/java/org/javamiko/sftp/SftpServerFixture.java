package org.javamiko.sftp;

import java.io.IOException;
import java.nio.file.Path;

/** A real SFTP server serving a temporary directory, and a way to reach it with our client. */
interface SftpServerFixture extends AutoCloseable {
    /** @return the local directory the server serves and starts in */
    Path root();

    /** @return the server's absolute path for {@code name} inside {@link #root()} */
    String remote(String name);

    /** @return a new session with this server */
    SftpClient connect() throws IOException;

    /** Ends the server and every session (abruptly, as a crash would). */
    void kill();

    @Override
    void close();
}
