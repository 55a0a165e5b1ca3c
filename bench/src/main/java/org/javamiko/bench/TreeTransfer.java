package org.javamiko.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.javamiko.bench.clients.SftpWorker;

/**
 * A whole tree up or down through a {@link WorkerPool}, the way an application with bounded
 * concurrency would do it with any of the JVM clients: directories level by level (parents
 * before children), then the files, at most K at a time.
 */
final class TreeTransfer {
    /** Deeper than any tree we make: the walk stops there instead of following a loop. */
    private static final int MAX_DEPTH = 16;

    private TreeTransfer() {
    }

    /** Uploads {@code tree} to {@code remoteRoot}, which must not exist; its parent must. */
    static void upload(WorkerPool pool, TreeLayout tree, String remoteRoot) throws Exception {
        pool.forEach(List.of(remoteRoot), SftpWorker::mkdir);
        for (List<String> level : tree.dirsByDepth()) {
            pool.forEach(level, (w, dir) -> w.mkdir(remoteRoot + "/" + dir));
        }
        pool.forEach(tree.files(), (w, f) -> w.put(tree.root().resolve(f.path()), remoteRoot + "/" + f.path()));
    }

    /**
     * Downloads the tree under {@code remoteRoot} into {@code localRoot}, which must not exist:
     * lists the remote directories level by level (each level's listings in parallel), making
     * the local directories as they are found, then fetches the files.
     */
    static void download(WorkerPool pool, String remoteRoot, Path localRoot) throws Exception {
        Files.createDirectory(localRoot);
        List<String> files = Collections.synchronizedList(new ArrayList<>());
        List<String> level = List.of("");
        for (int depth = 0; !level.isEmpty(); depth++) {
            if (depth > MAX_DEPTH) {
                throw new IllegalStateException(remoteRoot + " is more than " + MAX_DEPTH + " directories deep");
            }
            List<String> below = Collections.synchronizedList(new ArrayList<>());
            pool.forEach(level, (w, dir) -> {
                for (SftpWorker.Entry e : w.list(dir.isEmpty() ? remoteRoot : remoteRoot + "/" + dir)) {
                    if (e.name().equals(".") || e.name().equals("..")) {
                        continue;
                    }
                    String path = dir.isEmpty() ? e.name() : dir + "/" + e.name();
                    if (e.directory()) {
                        Files.createDirectory(localRoot.resolve(path));
                        below.add(path);
                    } else {
                        files.add(path);
                    }
                }
            });
            level = below;
        }
        pool.forEach(files, (w, f) -> w.get(remoteRoot + "/" + f, localRoot.resolve(f)));
    }
}
