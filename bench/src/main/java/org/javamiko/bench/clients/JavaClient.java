package org.javamiko.bench.clients;

import java.io.IOException;
import java.nio.file.Path;
import org.javamiko.bench.Target;

/**
 * A JVM SSH client under test, driven the way its own documentation shows, with TCP_NODELAY
 * on for every one of them.
 */
public interface JavaClient extends AutoCloseable {

    /** @return the name in the results table, with the version */
    String name();

    /** Connects, exchanges keys and authenticates with the target's key. */
    Session connect(Target target) throws Exception;

    /** Releases what the client shares between connections (thread pools). */
    @Override
    default void close() throws Exception {
    }

    /** One authenticated connection. */
    interface Session extends AutoCloseable {

        /** Runs {@code command}, reads its output to the end, and waits for the channel to close. */
        void exec(String command) throws Exception;

        /** Runs {@code command} and reads all of its stdout. @return the bytes read */
        long stream(String command) throws Exception;

        /** Downloads {@code remote} into {@code local} over SFTP. */
        void get(String remote, Path local) throws Exception;

        /** Uploads {@code local} to {@code remote} over SFTP. */
        void put(Path local, String remote) throws Exception;

        /**
         * Opens the SFTP access of one worker thread of the tree benchmark: a view of one shared
         * SFTP session where the library documents it as thread-safe, else an SFTP session of the
         * worker's own on this connection.
         */
        SftpWorker sftpWorker() throws Exception;

        /** Disconnects. */
        @Override
        void close() throws IOException;
    }
}
