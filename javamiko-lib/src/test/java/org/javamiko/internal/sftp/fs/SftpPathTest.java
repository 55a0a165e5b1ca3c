package org.javamiko.internal.sftp.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;

import org.javamiko.SshClient;
import org.javamiko.sftp.SftpClient;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.MinaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** POSIX path semantics of {@link SftpPath}, on a file system over MINA's SFTP server. */
class SftpPathTest {
    @RegisterExtension
    static final MinaServer mina = MinaServer.builder().build();

    @TempDir
    static Path dir;

    static SshClient ssh;
    static SftpClient sftp;
    static FileSystem fs;

    @BeforeAll
    static void open() throws Exception {
        ssh = Connect.connected(mina, dir, KeySet.clientKeys().ed25519());
        sftp = ssh.openSftp();
        fs = sftp.fileSystem();
    }

    @AfterAll
    static void close() throws Exception {
        fs.close();
        sftp.close();
        ssh.close();
    }

    private static Path p(String s) {
        return fs.getPath(s);
    }

    @Test
    void parsingDropsRepeatedAndTrailingSlashes() {
        assertThat(p("/a//b/").toString()).isEqualTo("/a/b");
        assertThat(fs.getPath("a", "b/", "", "c").toString()).isEqualTo("a/b/c");
        assertThat(p("/").toString()).isEqualTo("/");
    }

    @Test
    void aNulCharacterIsAnInvalidPath() {
        assertThatThrownBy(() -> p("a\0b")).isInstanceOf(InvalidPathException.class);
    }

    @Test
    void absoluteAndRelativeHaveTheirRootAndNames() {
        Path abs = p("/usr/lib/x");
        assertThat(abs.isAbsolute()).isTrue();
        assertThat(abs.getRoot()).isEqualTo(p("/"));
        assertThat(abs.getNameCount()).isEqualTo(3);
        assertThat(abs.getName(1)).isEqualTo(p("lib"));
        assertThat(abs.getFileName()).isEqualTo(p("x"));
        assertThat(abs.getParent()).isEqualTo(p("/usr/lib"));
        assertThat(p("/usr").getParent()).isEqualTo(p("/"));
        assertThat(p("/").getParent()).isNull();
        assertThat(p("/").getFileName()).isNull();
        Path rel = p("a/b");
        assertThat(rel.isAbsolute()).isFalse();
        assertThat(rel.getRoot()).isNull();
        assertThat(p("a").getParent()).isNull();
        assertThat(rel.subpath(1, 2)).isEqualTo(p("b"));
    }

    @Test
    void badIndexesAreIllegalArguments() {
        assertThatThrownBy(() -> p("/a").getName(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p("/a/b").subpath(1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resolveJoinsAndAnAbsoluteArgumentWins() {
        assertThat(p("/a").resolve("b/c")).isEqualTo(p("/a/b/c"));
        assertThat(p("a").resolve(p("/x"))).isEqualTo(p("/x"));
        assertThat(p("/a").resolve("")).isEqualTo(p("/a"));
        assertThat(p("/a/b").resolveSibling("c")).isEqualTo(p("/a/c"));
    }

    @Test
    void relativizeIsTheInverseOfResolve() {
        Path base = p("/a/b");
        Path other = p("/a/c/d");
        Path rel = base.relativize(other);
        assertThat(rel).isEqualTo(p("../c/d"));
        assertThat(base.resolve(rel).normalize()).isEqualTo(other);
        assertThat(p("x/y").relativize(p("x/y/z"))).isEqualTo(p("z"));
        assertThatThrownBy(() -> p("/a").relativize(p("b"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalizeFoldsDotsButKeepsLeadingDotDotOfRelativePaths() {
        assertThat(p("/a/./b/../c").normalize()).isEqualTo(p("/a/c"));
        assertThat(p("/../a").normalize()).isEqualTo(p("/a"));
        assertThat(p("../../a/..").normalize()).isEqualTo(p("../.."));
        assertThat(p("a/..").normalize().toString()).isEmpty();
    }

    @Test
    void startsWithAndEndsWithCompareWholeNames() {
        assertThat(p("/a/bc").startsWith(p("/a"))).isTrue();
        assertThat(p("/a/bc").startsWith("/a/b")).isFalse();
        assertThat(p("/a/bc").startsWith("a")).isFalse();
        assertThat(p("/a/bc").endsWith("bc")).isTrue();
        assertThat(p("/a/bc").endsWith("c")).isFalse();
        assertThat(p("/a/bc").endsWith("/a/bc")).isTrue();
    }

    @Test
    void equalityIsByTextAndFileSystem() {
        assertThat(p("/a//b")).isEqualTo(p("/a/b")).hasSameHashCodeAs(p("/a/b"));
        assertThat(p("/a")).isNotEqualTo(p("/A")).isNotEqualTo(Path.of("/a"));
        assertThat(p("/a").compareTo(p("/b"))).isNegative();
    }

    @Test
    void relativePathsResolveAgainstTheStartDirectory() throws Exception {
        String start = sftp.normalize(".");
        assertThat(p("x").toAbsolutePath()).isEqualTo(p(start).resolve("x"));
    }

    @Test
    void toUriIsAbsoluteAndEncoded() {
        URI uri = p("/dir/a b").toUri();
        assertThat(uri.getScheme()).isEqualTo("sftp");
        assertThat(uri.getPath()).isEqualTo("/dir/a b");
        assertThat(uri.getRawPath()).isEqualTo("/dir/a%20b");
    }

    @Test
    void aForeignPathIsAProviderMismatch() {
        assertThatThrownBy(() -> p("/a").resolve(Path.of("b"))).isInstanceOf(ProviderMismatchException.class);
    }

    @Test
    void iteratingGivesTheNames() {
        java.util.List<Path> names = new java.util.ArrayList<>();
        p("/a/b/c").forEach(names::add);
        assertThat(names).containsExactly(p("a"), p("b"), p("c"));
    }
}
