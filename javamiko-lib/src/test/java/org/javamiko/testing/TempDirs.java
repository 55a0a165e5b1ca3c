package org.javamiko.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories for the fixtures: made under java.io.tmpdir, removed whole. */
final class TempDirs {

    private TempDirs() {
    }

    /** Creates a fresh directory (mode 0700) whose name starts with {@code prefix}. */
    static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    /** Creates a fresh directory that is deleted when the JVM exits. */
    static Path createDeletedOnExit(String prefix) {
        Path dir = create(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        return dir;
    }

    /** Deletes a directory and everything below it, ignoring what is already gone. */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover file in /tmp is not worth failing a test run for.
        }
    }
}
