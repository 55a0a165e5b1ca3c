package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A clone of the repository stands on its own: no file of the product (sources, tests, docs,
 * scripts, poms) sends the reader to a folder outside the clone or to documents the clone does
 * not hold. Everything a user needs is under {@code docs/}, the READMEs and the Javadoc.
 */
class SelfContainedRepositoryTest {
    /** Spelled in pieces, so that this file does not match itself. */
    private static final List<String> OUTSIDE = List.of(
            ".." + "/shared", "shared" + "/testdata", "shared" + "/API", "shared" + "/TESTING",
            "API" + ".md", "ARCHITECTURE" + ".md", "TESTING" + ".md");

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "__pycache__", "results-raw");

    @Test
    void noFileReferencesAnythingOutsideTheClone() throws IOException {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        assertThat(root.resolve("pom.xml")).as("the repository root").exists();
        List<String> hits = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !skipped(root.relativize(p)))
                    .forEach(p -> {
                        String text = read(p);
                        for (String needle : OUTSIDE) {
                            if (text != null && text.contains(needle)) {
                                hits.add(root.relativize(p) + ": " + needle);
                            }
                        }
                    });
        }
        assertThat(hits).as("references to documents or folders outside the repository").isEmpty();
    }

    private static boolean skipped(Path relative) {
        for (Path name : relative) {
            if (SKIPPED_DIRS.contains(name.toString())) {
                return true;
            }
        }
        return false;
    }

    /** The file as text, or null for a binary file. */
    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (MalformedInputException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
