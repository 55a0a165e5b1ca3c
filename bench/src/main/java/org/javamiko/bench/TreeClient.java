package org.javamiko.bench;

import java.nio.file.Path;

/** One client of the tree benchmark, ready to transfer trees to and from one server. */
interface TreeClient extends AutoCloseable {

    /** @return the name in the results table, with the version */
    String name();

    /**
     * Uploads {@code tree} to {@code remoteRoot}, which does not exist yet (its parent does).
     *
     * @return the wall and client CPU time, with the tree's bytes
     */
    Sample upload(TreeLayout tree, String remoteRoot) throws Exception;

    /**
     * Downloads the tree under {@code remoteRoot} into {@code localRoot}, which does not exist yet.
     *
     * @param bytes the tree's size, for the sample
     * @return the wall and client CPU time, with {@code bytes}
     */
    Sample download(String remoteRoot, Path localRoot, long bytes) throws Exception;

    /** Disconnects. */
    @Override
    void close();
}
