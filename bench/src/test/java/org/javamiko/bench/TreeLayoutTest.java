package org.javamiko.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeLayoutTest {
    private static final int FILES = 300;

    @TempDir
    Path dir;

    @Test
    void sameSeedMakesTheSameTree() throws Exception {
        TreeLayout a = TreeLayout.generate(dir.resolve("a"), FILES, 42);
        TreeLayout b = TreeLayout.generate(dir.resolve("b"), FILES, 42);

        assertThat(b.files()).isEqualTo(a.files());
        assertThat(TreeDigest.of(b.root())).isEqualTo(TreeDigest.of(a.root()));
    }

    @Test
    void otherSeedMakesAnotherTree() throws Exception {
        TreeLayout a = TreeLayout.generate(dir.resolve("a"), FILES, 42);
        TreeLayout b = TreeLayout.generate(dir.resolve("b"), FILES, 43);

        assertThat(TreeDigest.of(b.root())).isNotEqualTo(TreeDigest.of(a.root()));
    }

    @Test
    void filesOnDiskMatchTheLayout() throws Exception {
        TreeLayout tree = TreeLayout.generate(dir.resolve("t"), FILES, 7);

        TreeDigest digest = TreeDigest.of(tree.root());
        assertThat(digest.files()).isEqualTo(FILES);
        assertThat(digest.bytes()).isEqualTo(tree.totalBytes());
        for (TreeLayout.TreeFile f : tree.files()) {
            assertThat(Files.size(tree.root().resolve(f.path()))).isEqualTo(f.size());
        }
    }

    @Test
    void sizesStayWithinOneTo64KiB() throws Exception {
        TreeLayout tree = TreeLayout.generate(dir.resolve("t"), FILES, 7);

        assertThat(tree.files()).allSatisfy(f -> assertThat(f.size()).isBetween(1024, 65536));
    }

    @Test
    void directoriesComeByDepthParentsFirst() throws Exception {
        TreeLayout tree = TreeLayout.generate(dir.resolve("t"), FILES, 7);

        List<List<String>> levels = tree.dirsByDepth();
        assertThat(levels).hasSize(2);
        assertThat(levels.get(0)).hasSize(TreeLayout.TOP_DIRS).allSatisfy(d -> assertThat(d).doesNotContain("/"));
        assertThat(levels.get(1)).hasSize(TreeLayout.TOP_DIRS * TreeLayout.SUB_DIRS)
                .allSatisfy(d -> assertThat(levels.get(0)).contains(d.substring(0, d.indexOf('/'))));
    }

    @Test
    void refusesAnEmptyTree() {
        assertThatThrownBy(() -> TreeLayout.generate(dir.resolve("t"), 0, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one file");
    }
}
