package org.javamiko.sftp;

/**
 * Told how a transfer advances, after each chunk; the last call has {@code transferred == total}.
 * Called on the transferring thread, so it should return quickly.
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param transferred bytes moved so far
     * @param total the bytes expected (the size when the transfer began; on completion the bytes moved)
     */
    void progress(long transferred, long total);
}
