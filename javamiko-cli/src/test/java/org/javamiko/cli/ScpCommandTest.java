package org.javamiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;

import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code javamiko scp} against a private sshd (its {@code scp -t} / {@code scp -f}). */
class ScpCommandTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    Path dir;
    Path config;
    Path remote;

    @BeforeEach
    void setUp() throws Exception {
        config = Cli.config(sshd, dir);
        remote = Files.createDirectories(dir.resolve("remote"));
    }

    @Test
    void uploadAndDownloadAFile() throws Exception {
        byte[] data = new byte[700_000];
        new Random(9).nextBytes(data);
        Path file = Files.write(dir.resolve("f.bin"), data);
        Cli.Result put = Cli.run("scp", "-F", config.toString(), file.toString(), "target:" + remote);
        assertThat(put.status()).as(put.toString()).isZero();
        assertThat(put.out()).isEmpty();
        assertThat(Files.readAllBytes(remote.resolve("f.bin"))).isEqualTo(data);

        Path back = Files.createDirectories(dir.resolve("back"));
        Cli.Result get = Cli.run("scp", "-F", config.toString(), "target:" + remote.resolve("f.bin"), back.toString());
        assertThat(get.status()).as(get.toString()).isZero();
        assertThat(Files.readAllBytes(back.resolve("f.bin"))).isEqualTo(data);
    }

    @Test
    void recursiveWithTimesKept() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree/sub"));
        Files.writeString(dir.resolve("tree/a.txt"), "a");
        Files.writeString(tree.resolve("b.txt"), "b");
        FileTime old = FileTime.fromMillis(1_500_000_000_000L);
        Files.setLastModifiedTime(dir.resolve("tree/a.txt"), old);
        Cli.Result put = Cli.run("scp", "-F", config.toString(), "-r", "--preserve", dir.resolve("tree").toString(),
                "target:" + remote);
        assertThat(put.status()).as(put.toString()).isZero();
        assertThat(remote.resolve("tree/sub/b.txt")).hasContent("b");
        assertThat(Files.getLastModifiedTime(remote.resolve("tree/a.txt"))).isEqualTo(old);

        Path copy = dir.resolve("copy");
        Cli.Result get = Cli.run("scp", "-F", config.toString(), "-r", "target:" + remote.resolve("tree"), copy.toString());
        assertThat(get.status()).as(get.toString()).isZero();
        assertThat(copy.resolve("sub/b.txt")).hasContent("b");
    }

    @Test
    void errorsAreOneLine() {
        Cli.Result missing = Cli.run("scp", "-F", config.toString(), "target:" + remote.resolve("nope"), dir.toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err().strip()).startsWith("javamiko: ").contains("nope").doesNotContain("\n");
        Cli.Result bothLocal = Cli.run("scp", "-F", config.toString(), "a", "b");
        assertThat(bothLocal.status()).isEqualTo(2);
    }
}
