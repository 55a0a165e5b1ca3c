package org.javamiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code javamiko sftp} against a private sshd (its internal-sftp); the "remote" side is a local temp dir. */
class SftpCommandTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    Path dir;
    Path config;
    Path local;
    Path remote;

    @BeforeEach
    void setUp() throws Exception {
        config = Cli.config(sshd, dir);
        local = Files.createDirectories(dir.resolve("local"));
        remote = Files.createDirectories(dir.resolve("remote"));
    }

    private Cli.Result sftp(String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("sftp", args[0], "-F", config.toString()));
        all.addAll(Arrays.asList(args).subList(1, args.length));
        return Cli.run(all.toArray(String[]::new));
    }

    private String at(Path p) {
        return "target:" + p;
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void putThenGetAFile() throws Exception {
        byte[] data = random(3_000_000, 1);
        Files.write(local.resolve("a.bin"), data);
        Cli.Result put = sftp("put", local.resolve("a.bin").toString(), at(remote));
        assertThat(put.status()).as(put.toString()).isZero();
        assertThat(put.out()).as("no progress bar when stdout is not a terminal").isEmpty();
        assertThat(Files.readAllBytes(remote.resolve("a.bin"))).isEqualTo(data);

        Path back = dir.resolve("back.bin");
        Cli.Result get = sftp("get", "--checksum", at(remote.resolve("a.bin")), back.toString());
        assertThat(get.status()).as(get.toString()).isZero();
        assertThat(Files.readAllBytes(back)).isEqualTo(data);
    }

    @Test
    void recursiveBothWays() throws Exception {
        Files.createDirectories(local.resolve("tree/sub/deeper"));
        Files.writeString(local.resolve("tree/one.txt"), "one");
        Files.writeString(local.resolve("tree/sub/two.txt"), "two");
        Files.writeString(local.resolve("tree/sub/deeper/three.txt"), "three");
        Cli.Result notRecursive = sftp("put", local.resolve("tree").toString(), at(remote));
        assertThat(notRecursive.status()).isEqualTo(1);
        assertThat(notRecursive.err()).contains("is a directory (use -r)");

        Cli.Result put = sftp("put", "-r", local.resolve("tree").toString(), at(remote));
        assertThat(put.status()).as(put.toString()).isZero();
        assertThat(Files.readString(remote.resolve("tree/sub/deeper/three.txt"))).isEqualTo("three");

        Path copy = dir.resolve("copy");
        Cli.Result get = sftp("get", "-r", at(remote.resolve("tree")), copy.toString());
        assertThat(get.status()).as(get.toString()).isZero();
        assertThat(Files.readString(copy.resolve("one.txt"))).isEqualTo("one");
        assertThat(Files.readString(copy.resolve("sub/two.txt"))).isEqualTo("two");
        assertThat(Files.readString(copy.resolve("sub/deeper/three.txt"))).isEqualTo("three");
    }

    @Test
    void getResumeAppendsOnlyTheMissingTail() throws Exception {
        byte[] data = random(1_000_000, 2);
        Files.write(remote.resolve("big"), data);
        byte[] partial = new byte[300_000]; // zeros: a resumed download keeps them, a full one would not
        Path target = local.resolve("big");
        Files.write(target, partial);
        Cli.Result r = sftp("get", "--resume", at(remote.resolve("big")), target.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        byte[] got = Files.readAllBytes(target);
        assertThat(got).hasSize(data.length);
        assertThat(Arrays.copyOf(got, 300_000)).isEqualTo(partial);
        assertThat(Arrays.copyOfRange(got, 300_000, got.length)).isEqualTo(Arrays.copyOfRange(data, 300_000, data.length));
        // complete: nothing more to do
        assertThat(sftp("get", "--resume", at(remote.resolve("big")), target.toString()).status()).isZero();
        assertThat(Files.size(target)).isEqualTo(data.length);
        // a checksum shows the difference
        Cli.Result check = sftp("get", "--resume", "--checksum", at(remote.resolve("big")), target.toString());
        assertThat(check.status()).isEqualTo(1);
        assertThat(check.err()).contains("checksum mismatch");
    }

    @Test
    void putResumeAppendsOnlyTheMissingTail() throws Exception {
        byte[] data = random(1_000_000, 3);
        Path source = Files.write(local.resolve("up"), data);
        Files.write(remote.resolve("up"), new byte[400_000]);
        Cli.Result r = sftp("put", "--resume", source.toString(), at(remote.resolve("up")));
        assertThat(r.status()).as(r.toString()).isZero();
        byte[] got = Files.readAllBytes(remote.resolve("up"));
        assertThat(got).hasSize(data.length);
        assertThat(Arrays.copyOf(got, 400_000)).isEqualTo(new byte[400_000]);
        assertThat(Arrays.copyOfRange(got, 400_000, got.length)).isEqualTo(Arrays.copyOfRange(data, 400_000, data.length));
        Files.write(remote.resolve("up"), new byte[1_200_000]);
        Cli.Result larger = sftp("put", "--resume", source.toString(), at(remote.resolve("up")));
        assertThat(larger.status()).isEqualTo(1);
        assertThat(larger.err()).contains("is larger than");
    }

    @Test
    void lsRmMkdirMv() throws Exception {
        Files.writeString(remote.resolve("b.txt"), "b");
        Files.writeString(remote.resolve("a.txt"), "a");
        Files.writeString(remote.resolve(".hidden"), "h");
        Cli.Result ls = sftp("ls", at(remote));
        assertThat(ls.status()).as(ls.toString()).isZero();
        assertThat(ls.out()).isEqualTo("a.txt\nb.txt\n");
        assertThat(sftp("ls", "-a", at(remote)).out()).isEqualTo(".hidden\na.txt\nb.txt\n");
        assertThat(sftp("ls", "--long", at(remote)).out()).containsPattern("(?m)^-rw.* 1 .*a\\.txt$");

        assertThat(sftp("mkdir", "--parents", at(remote.resolve("x/y/z"))).status()).isZero();
        assertThat(remote.resolve("x/y/z")).isDirectory();
        assertThat(sftp("mkdir", "--parents", at(remote.resolve("x/y/z"))).status()).isZero();
        Cli.Result exists = sftp("mkdir", at(remote.resolve("x")));
        assertThat(exists.status()).isEqualTo(1);

        assertThat(sftp("mv", at(remote.resolve("a.txt")), remote.resolve("x/moved.txt").toString()).status()).isZero();
        assertThat(remote.resolve("a.txt")).doesNotExist();
        assertThat(remote.resolve("x/moved.txt")).hasContent("a");

        assertThat(sftp("rm", at(remote.resolve("b.txt"))).status()).isZero();
        assertThat(remote.resolve("b.txt")).doesNotExist();
        Cli.Result dirWithoutR = sftp("rm", at(remote.resolve("x")));
        assertThat(dirWithoutR.status()).isEqualTo(1);
        assertThat(sftp("rm", "-r", at(remote.resolve("x"))).status()).isZero();
        assertThat(remote.resolve("x")).doesNotExist();
    }

    @Test
    void aMissingRemoteFileIsExitStatus1WithOneLine() {
        Cli.Result r = sftp("get", at(remote.resolve("nope")), local.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("javamiko: ").contains("nope").contains("No such file").doesNotContain("\n");
        Cli.Result badSpec = sftp("get", "no-colon-here", local.toString());
        assertThat(badSpec.status()).isEqualTo(2);
    }

    @Test
    void theProgressLineHasPercentBytesRateAndEta() {
        TransferProgress p = new TransferProgress(System.out, "file.bin", true);
        String half = p.line(5 * 1024 * 1024, 10 * 1024 * 1024, 2_000_000_000L);
        assertThat(half).startsWith("file.bin").contains(" 50% [============            ]").contains("5.0MiB")
                .contains("2.5MiB/s").endsWith("00:02 ETA");
        assertThat(p.line(10, 10, 1_000_000_000L)).contains("100% [========================]");
    }

    @Test
    void anUnknownHostIs255ForSftpToo() throws Exception {
        Files.writeString(dir.resolve("known_hosts"), "");
        Cli.Result r = sftp("ls", at(remote));
        assertThat(r.status()).isEqualTo(255);
        assertThat(r.err().strip()).startsWith("javamiko: Host key verification failed").doesNotContain("\n");
    }
}
