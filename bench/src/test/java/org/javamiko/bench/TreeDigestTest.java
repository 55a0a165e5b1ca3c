package org.javamiko.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeDigestTest {
    @TempDir
    Path dir;

    private Path tree;

    @BeforeEach
    void makeTree() throws Exception {
        tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("a/b"));
        Files.createDirectories(tree.resolve("c"));
        Files.writeString(tree.resolve("a/one"), "first file", StandardCharsets.US_ASCII);
        Files.writeString(tree.resolve("a/b/two"), "second", StandardCharsets.US_ASCII);
        Files.writeString(tree.resolve("c/three"), "3", StandardCharsets.US_ASCII);
    }

    @Test
    void countsFilesAndBytes() throws Exception {
        TreeDigest d = TreeDigest.of(tree);

        assertThat(d.files()).isEqualTo(3);
        assertThat(d.bytes()).isEqualTo("first file".length() + "second".length() + 1);
    }

    @Test
    void aChangedByteChangesTheDigest() throws Exception {
        TreeDigest before = TreeDigest.of(tree);
        Files.writeString(tree.resolve("a/b/two"), "secont", StandardCharsets.US_ASCII);

        assertThat(TreeDigest.of(tree).sha256()).isNotEqualTo(before.sha256());
    }

    @Test
    void aMovedFileChangesTheDigest() throws Exception {
        TreeDigest before = TreeDigest.of(tree);
        Files.move(tree.resolve("c/three"), tree.resolve("a/three"));

        TreeDigest after = TreeDigest.of(tree);
        assertThat(after.bytes()).isEqualTo(before.bytes());
        assertThat(after.sha256()).isNotEqualTo(before.sha256());
    }

    @Test
    void bytesMovedAcrossAFileBoundaryChangeTheDigest() throws Exception {
        Path other = dir.resolve("other");
        Files.createDirectories(other.resolve("a/b"));
        Files.createDirectories(other.resolve("c"));
        Files.writeString(other.resolve("a/one"), "first fil", StandardCharsets.US_ASCII);
        Files.writeString(other.resolve("a/b/two"), "esecond", StandardCharsets.US_ASCII);
        Files.writeString(other.resolve("c/three"), "3", StandardCharsets.US_ASCII);

        assertThat(TreeDigest.of(other).sha256()).isNotEqualTo(TreeDigest.of(tree).sha256());
    }

    @Test
    void aCopyHasTheSameDigest() throws Exception {
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy.resolve("a/b"));
        Files.createDirectories(copy.resolve("c"));
        for (String f : new String[] {"a/one", "a/b/two", "c/three"}) {
            Files.copy(tree.resolve(f), copy.resolve(f));
        }

        assertThat(TreeDigest.of(copy)).isEqualTo(TreeDigest.of(tree));
    }

    @Test
    void checkNamesWhatDiffers() throws Exception {
        TreeDigest expected = TreeDigest.of(tree);
        Files.delete(tree.resolve("c/three"));
        TreeDigest actual = TreeDigest.of(tree);

        assertThatThrownBy(() -> expected.check("upload", actual)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("upload: got 2 files").hasMessageContaining("expected 3 files");
    }
}
