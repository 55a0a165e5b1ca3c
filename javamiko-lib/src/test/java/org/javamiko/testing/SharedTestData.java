package org.javamiko.testing;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The team's shared test vectors ({@code shared/testdata/…}), which live beside the repository:
 * found by walking up from the working directory, as CI clones the repository next to {@code shared/}.
 */
public final class SharedTestData {
    private SharedTestData() {
    }

    /**
     * @param name a folder under {@code shared/testdata}, e.g. {@code paramiko-keys}
     * @return that folder
     * @throws UncheckedIOException naming where it was looked for, when it is not there
     */
    public static Path dir(String name) {
        Path relative = Path.of("shared", "testdata", name);
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve(relative);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new UncheckedIOException(new NoSuchFileException(relative.toString(), null,
                "not found above " + Path.of("").toAbsolutePath() + " (shared/ must sit beside the repository)"));
    }
}
