package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SCP against OpenSSH's own {@code scp -t} / {@code scp -f}, run by a real sshd. */
class ScpOpenSshTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    static Path keysDir;

    @TempDir
    Path local;

    @TempDir
    Path remote;

    static SshClient client;
    static ScpClient scp;

    @BeforeAll
    static void connect() throws IOException {
        client = Connect.connected(sshd, keysDir, KeySet.clientKeys().ed25519());
        scp = new ScpClient(client);
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void aFileGoesIntoAnExistingDirectoryAndComesBackUnderANewName() throws IOException {
        Path file = Files.writeString(local.resolve("hello.txt"), "hello scp\n");

        scp.put(file, remote.toString());
        assertThat(remote.resolve("hello.txt")).hasContent("hello scp");

        Path back = local.resolve("back.txt");
        scp.get(remote.resolve("hello.txt").toString(), back);
        assertThat(back).hasContent("hello scp");
    }

    @Test
    void anEmptyFileAndAFiveMegabyteFileArriveByteForByte() throws IOException {
        byte[] big = new byte[5 * 1024 * 1024 + 17];
        new Random(42).nextBytes(big);
        Path empty = Files.write(local.resolve("empty"), new byte[0]);
        Path large = Files.write(local.resolve("large.bin"), big);

        scp.put(List.of(empty, large), remote.toString(), ScpOptions.defaults());
        assertThat(remote.resolve("empty")).isEmptyFile();
        assertThat(Files.readAllBytes(remote.resolve("large.bin"))).isEqualTo(big);

        Path down = Files.createDirectory(local.resolve("down"));
        scp.get(remote.resolve("large.bin").toString(), down);
        scp.get(remote.resolve("empty").toString(), down);
        assertThat(Files.readAllBytes(down.resolve("large.bin"))).isEqualTo(big);
        assertThat(down.resolve("empty")).isEmptyFile();
    }

    @Test
    void aTreeUploadedRecursivelyWithPreserveKeepsContentsModesAndTimes() throws IOException {
        Path tree = sampleTree(local.resolve("site"));

        scp.put(tree, remote.resolve("www").toString(),
                ScpOptions.builder().recursive(true).preserveTimes(true).build());

        assertSameTree(tree, remote.resolve("www"), true);
    }

    @Test
    void aTreeDownloadedRecursivelyWithPreserveLandsInsideAnExistingDirectory() throws IOException {
        Path tree = sampleTree(remote.resolve("site"));
        Path into = Files.createDirectory(local.resolve("into"));

        scp.get(tree.toString(), into, ScpOptions.builder().recursive(true).preserveTimes(true).build());

        assertSameTree(tree, into.resolve("site"), true);
    }

    @Test
    void aTreeDownloadedToANewNameTakesThatName() throws IOException {
        Path tree = sampleTree(remote.resolve("site"));

        scp.get(tree + "/", local.resolve("copy"), ScpOptions.builder().recursive(true).build());

        assertSameTree(tree, local.resolve("copy"), false);
    }

    @Test
    void progressIsReportedPerFileEndingWithTheFullSize() throws IOException {
        Files.write(local.resolve("a.bin"), new byte[300_000]);
        List<String> calls = new CopyOnWriteArrayList<>();
        ScpOptions options = ScpOptions.builder()
                .progress((file, done, total) -> calls.add(Path.of(file).getFileName() + " " + done + "/" + total))
                .build();

        scp.put(local.resolve("a.bin"), remote.toString(), options);
        assertThat(calls).first().isEqualTo("a.bin 0/300000");
        assertThat(calls).last().isEqualTo("a.bin 300000/300000");

        calls.clear();
        scp.get(remote.resolve("a.bin").toString(), local.resolve("b.bin"), options);
        assertThat(calls).first().isEqualTo("b.bin 0/300000");
        assertThat(calls).last().isEqualTo("b.bin 300000/300000");
    }

    @Test
    void aMissingRemoteFileFailsWithTheServersMessage() {
        String missing = remote.resolve("no-such-file").toString();

        assertThatThrownBy(() -> scp.get(missing, local.resolve("x")))
                .isInstanceOfSatisfying(ScpException.class, e ->
                        assertThat(e.remoteMessage()).contains(missing).contains("No such file or directory"))
                .hasMessageContaining("No such file or directory");
        assertThat(local.resolve("x")).doesNotExist();
    }

    @Test
    void aRemoteDirectoryWithoutRecursionFailsWithTheServersMessage() throws IOException {
        Files.createDirectory(remote.resolve("dir"));

        assertThatThrownBy(() -> scp.get(remote.resolve("dir").toString(), local.resolve("x")))
                .isInstanceOfSatisfying(ScpException.class, e ->
                        assertThat(e.remoteMessage()).contains("not a regular file"));
    }

    @Test
    void uploadingIntoAMissingDirectoryFailsWithTheServersMessage() throws IOException {
        Path file = Files.writeString(local.resolve("f"), "x");

        assertThatThrownBy(() -> scp.put(file, remote.resolve("missing/dir/f").toString()))
                .isInstanceOfSatisfying(ScpException.class, e ->
                        assertThat(e.remoteMessage()).contains("No such file or directory"));
    }

    @Test
    void aMissingRemoteScpProgramIsReportedWithItsExitStatusAndStderr() throws IOException {
        Path file = Files.writeString(local.resolve("f"), "x");
        ScpOptions noScp = ScpOptions.builder().scpCommand("/nonexistent/scp").build();

        assertThatThrownBy(() -> scp.put(file, remote.toString(), noScp))
                .isInstanceOfSatisfying(ScpException.class, e -> {
                    assertThat(e.exitStatus()).isEqualTo(127);
                    assertThat(e.remoteMessage()).contains("/nonexistent/scp");
                });
        assertThatThrownBy(() -> scp.get(remote.resolve("f").toString(), local.resolve("g"), noScp))
                .isInstanceOfSatisfying(ScpException.class, e -> assertThat(e.exitStatus()).isEqualTo(127));
    }

    @Test
    void aLocalDirectoryWithoutRecursionIsRefusedBeforeAnythingIsSent() throws IOException {
        Path dir = Files.createDirectory(local.resolve("d"));

        assertThatThrownBy(() -> scp.put(dir, remote.toString()))
                .isInstanceOf(ScpException.class).hasMessageContaining("recursive");
        assertThat(remote.resolve("d")).doesNotExist();
    }

    @Test
    void namesWithSpacesQuotesAndALeadingDashAreTakenLiterally() throws IOException {
        Path dir = Files.createDirectory(remote.resolve("it's $HOME `x`"));
        byte[] data = "odd".getBytes(StandardCharsets.UTF_8);

        scp.putfo(new ByteArrayInputStream(data), dir.resolve("-dash file").toString(), data.length, 0640);
        assertThat(dir.resolve("-dash file")).hasContent("odd");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = scp.getfo(dir.resolve("-dash file").toString(), out);
        assertThat(n).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("odd");
    }

    @Test
    void aRelativePathIsRelativeToTheHomeDirectoryAndTildeWorks() throws IOException {
        String name = "javamiko-scp-" + System.nanoTime();
        Path inHome = Path.of(System.getProperty("user.home"), name);
        try {
            byte[] data = "home".getBytes(StandardCharsets.UTF_8);
            scp.putfo(new ByteArrayInputStream(data), name, data.length, 0600);
            assertThat(inHome).hasContent("home");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            scp.getfo("~/" + name, out);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("home");
        } finally {
            Files.deleteIfExists(inHome);
        }
    }

    @Test
    void theTransportConstructorWorksToo() throws IOException {
        ScpClient overTransport = new ScpClient(client.getTransport());
        byte[] data = "t".getBytes(StandardCharsets.UTF_8);
        overTransport.putfo(new ByteArrayInputStream(data), remote.resolve("t").toString(), 1, 0644);
        assertThat(remote.resolve("t")).hasContent("t");
    }

    /** site/{index.html 0644, secret 0600, bin/run.sh 0750, empty/ 0700}, times in 2001. */
    static Path sampleTree(Path root) throws IOException {
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(root.resolve("index.html"), "<h1>hi</h1>\n");
        Files.writeString(root.resolve("secret"), "s3cret\n");
        Files.writeString(root.resolve("bin/run.sh"), "#!/bin/sh\necho run\n");
        Files.setPosixFilePermissions(root.resolve("index.html"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(root.resolve("secret"), PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(root.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.setPosixFilePermissions(root.resolve("empty"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(root.resolve("bin"), PosixFilePermissions.fromString("rwxr-xr-x"));
        long t = 1_000_000_000L;
        for (String p : List.of("index.html", "secret", "bin/run.sh", "empty", "bin", "")) {
            Files.setLastModifiedTime(root.resolve(p), FileTime.fromMillis((t += 3600) * 1000));
        }
        return root;
    }

    static void assertSameTree(Path expected, Path actual, boolean timesAndModes) throws IOException {
        List<String> want = listing(expected, timesAndModes);
        List<String> got = listing(actual, timesAndModes);
        assertThat(got).containsExactlyElementsOf(want);
    }

    private static List<String> listing(Path root, boolean timesAndModes) throws IOException {
        List<String> lines = new ArrayList<>();
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted().toList()) {
                String rel = root.relativize(p).toString();
                String line = rel + (Files.isDirectory(p) ? "/" : " " + Files.readString(p).hashCode());
                if (timesAndModes) {
                    line += " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p))
                            + " " + Files.getLastModifiedTime(p).toMillis() / 1000;
                }
                lines.add(line);
            }
        }
        return lines;
    }
}
