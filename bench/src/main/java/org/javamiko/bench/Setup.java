package org.javamiko.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one run measures against.
 *
 * @param targets one server per cipher
 * @param source the random file on the server, read by SFTP get
 * @param sourceSha256 its SHA-256
 * @param size its size, also the length of the raw stream
 * @param work a directory for downloads and uploads (on tmpfs when possible)
 * @param connects connect+auth samples per client and cipher
 * @param execs exec samples per client and cipher
 * @param reps timed transfers per client, cipher and direction
 */
public record Setup(List<Target> targets, Path source, String sourceSha256, long size, Path work, int connects,
        int execs, int reps) {

    /** @return the raw-stream command: {@code head -c SIZE /dev/zero} */
    public String streamCommand() {
        return "head -c " + size + " /dev/zero";
    }
}
