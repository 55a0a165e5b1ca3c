package org.javamiko;

/**
 * Told how an SCP transfer advances, per file: once with 0 when a file starts, after each chunk,
 * and last with {@code transferred == total}. Called on the transferring thread, so it should
 * return quickly.
 *
 * <pre>{@code
 * ScpOptions options = ScpOptions.builder()
 *         .progress((file, done, total) -> System.out.printf("%s %d/%d%n", file, done, total))
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface ScpProgressListener {
    /**
     * @param file the file being transferred: its local path (as a string) for uploads and
     *             downloads to disk, the remote path for {@code putfo}/{@code getfo}
     * @param transferred bytes of this file moved so far
     * @param total the size of this file
     */
    void progress(String file, long transferred, long total);
}
