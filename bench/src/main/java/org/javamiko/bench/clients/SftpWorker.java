package org.javamiko.bench.clients;

import java.nio.file.Path;
import java.util.List;

/**
 * The SFTP operations one worker thread of the tree benchmark needs. A worker is used by one
 * thread at a time; whether workers of one connection share an SFTP session depends on whether
 * the library allows that (see {@link JavaClient.Session#sftpWorker()}).
 */
public interface SftpWorker extends AutoCloseable {

    /** One entry of a remote directory listing. */
    record Entry(String name, boolean directory) {
    }

    /** Creates the remote directory {@code path}; its parent exists. */
    void mkdir(String path) throws Exception;

    /** Uploads {@code local} to {@code remote}. */
    void put(Path local, String remote) throws Exception;

    /** Downloads {@code remote} into {@code local}. */
    void get(String remote, Path local) throws Exception;

    /** @return the entries of the remote directory {@code path}, without "." and ".." */
    List<Entry> list(String path) throws Exception;

    /** Releases what the worker opened for itself; a shared session stays open. */
    @Override
    void close() throws Exception;
}
