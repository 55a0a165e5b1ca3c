package org.javamiko.testing;

import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Test vectors taken from other projects' test suites, committed under
 * {@code src/test/resources/testdata/} (see the README there for where each set came from and its
 * licence). They are read from the test class path, so a plain clone of the repository has them.
 */
public final class SharedTestData {
    private static final String ROOT = "testdata/";

    private SharedTestData() {
    }

    /**
     * @param name a folder under {@code src/test/resources/testdata}, e.g. {@code paramiko-keys}
     * @return that folder, as copied to the test class path
     * @throws UncheckedIOException naming the folder, when it is not on the test class path
     */
    public static Path dir(String name) {
        URL url = SharedTestData.class.getClassLoader().getResource(ROOT + name);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new UncheckedIOException(new NoSuchFileException(ROOT + name, null,
                    "not a folder on the test class path (expected under src/test/resources)"));
        }
        try {
            Path dir = Path.of(url.toURI());
            if (!Files.isDirectory(dir)) {
                throw new UncheckedIOException(new NoSuchFileException(dir.toString(), null, "not a folder"));
            }
            return dir;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("class path URL " + url, e);
        }
    }
}
