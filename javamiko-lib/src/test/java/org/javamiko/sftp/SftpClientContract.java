package org.javamiko.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.javamiko.SshException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every SFTP server must see our client do right; run against each real server by a
 * subclass that supplies it. Relative paths resolve in the server's start directory, the temp dir.
 */
abstract class SftpClientContract {
    @TempDir
    Path dir;
    SftpServerFixture server;
    SftpClient sftp;

    abstract SftpServerFixture startServer(Path root) throws IOException;

    @BeforeEach
    void connect() throws IOException {
        server = startServer(dir);
        sftp = server.connect();
    }

    @AfterEach
    void disconnect() {
        if (sftp != null) {
            sftp.close();
        }
        server.close();
    }

    Path local(String name) {
        return server.root().resolve(name);
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    // ------------------------------------------------------------------ listings

    @Test
    void listdirOmitsDotEntries() throws IOException {
        Files.writeString(local("a"), "1");
        Files.createDirectory(local("sub"));
        assertThat(sftp.listdir(".")).containsExactlyInAnyOrder("a", "sub");
    }

    @Test
    void listdirAttrCarriesNamesAndAttributes() throws IOException {
        Files.write(local("five"), new byte[5]);
        Files.createDirectory(local("sub"));
        List<SftpAttributes> entries = sftp.listdirAttr(".");
        assertThat(entries).extracting(SftpAttributes::getFilename).containsExactlyInAnyOrder("five", "sub");
        SftpAttributes five = entries.stream().filter(a -> a.getFilename().equals("five")).findFirst().orElseThrow();
        assertThat(five.getSize()).isEqualTo(5);
        assertThat(five.isRegularFile()).isTrue();
        assertThat(five.getLongname()).isNotEmpty();
        assertThat(entries.stream().filter(a -> a.getFilename().equals("sub")).findFirst().orElseThrow().isDirectory()).isTrue();
    }

    @Test
    void listdirIterReadsALargeDirectoryInBatches() throws IOException {
        Files.createDirectory(local("big"));
        for (int i = 0; i < 1500; i++) {
            Files.createFile(local("big/f" + i));
        }
        int count = 0;
        try (SftpDirectoryStream stream = sftp.listdirIter("big")) {
            for (SftpAttributes a : stream) {
                assertThat(a.getFilename()).startsWith("f");
                count++;
            }
        }
        assertThat(count).isEqualTo(1500);
    }

    @Test
    void listdirOfMissingDirectoryIsNoSuchFile() {
        assertThatThrownBy(() -> sftp.listdir("nope")).isInstanceOf(NoSuchFileException.class);
    }

    // ------------------------------------------------------------------ open modes

    @Test
    void openReadOfMissingFileIsNoSuchFile() {
        assertThatThrownBy(() -> sftp.open("missing", "r"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void openWriteCreatesAndTruncates() throws IOException {
        Files.writeString(local("f"), "old content that is long");
        try (SftpFile f = sftp.open("f", "w")) {
            f.write("new".getBytes(StandardCharsets.UTF_8), 0, 3);
        }
        assertThat(Files.readString(local("f"))).isEqualTo("new");
        try (SftpFile f = sftp.open("created", "wb")) {
            f.write(new byte[] {1, 2}, 0, 2);
        }
        assertThat(Files.readAllBytes(local("created"))).containsExactly(1, 2);
    }

    @Test
    void openAppendWritesAtTheEnd() throws IOException {
        Files.writeString(local("f"), "abc");
        try (SftpFile f = sftp.open("f", "a")) {
            assertThat(f.tell()).isEqualTo(3);
            f.write("def".getBytes(StandardCharsets.UTF_8), 0, 3);
        }
        assertThat(Files.readString(local("f"))).isEqualTo("abcdef");
    }

    @Test
    void openReadPlusReadsAndOverwritesInPlace() throws IOException {
        Files.writeString(local("f"), "abcdef");
        try (SftpFile f = sftp.open("f", "r+")) {
            byte[] buf = new byte[3];
            assertThat(f.read(buf, 0, 3)).isEqualTo(3);
            assertThat(new String(buf, StandardCharsets.UTF_8)).isEqualTo("abc");
            f.write("XY".getBytes(StandardCharsets.UTF_8), 0, 2);
            f.seek(0);
            byte[] all = new byte[6];
            assertThat(f.read(all, 0, 6)).isEqualTo(6);
            assertThat(new String(all, StandardCharsets.UTF_8)).isEqualTo("abcXYf");
        }
    }

    @Test
    void openWritePlusTruncatesAndReadsBack() throws IOException {
        Files.writeString(local("f"), "previous");
        try (SftpFile f = sftp.open("f", "w+")) {
            f.write("12345".getBytes(StandardCharsets.UTF_8), 0, 5);
            f.seek(1);
            byte[] buf = new byte[10];
            assertThat(f.read(buf, 0, 10)).isEqualTo(4);
        }
        assertThat(Files.readString(local("f"))).isEqualTo("12345");
    }

    @Test
    void openExclusiveCreatesANewFile() throws IOException {
        try (SftpFile f = sftp.open("new", "x")) {
            f.write(new byte[] {7}, 0, 1);
        }
        assertThat(Files.readAllBytes(local("new"))).containsExactly(7);
    }

    @Test
    void openExclusiveOfExistingFileIsFileAlreadyExists() throws IOException {
        Files.writeString(local("there"), "x");
        assertThatThrownBy(() -> sftp.open("there", "x")).isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void openWithUnknownModeIsRejectedLocally() {
        assertThatThrownBy(() -> sftp.open("f", "q")).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ attributes

    @Test
    void statFollowsLinksAndLstatDoesNot() throws IOException {
        Files.write(local("target"), new byte[42]);
        Files.createSymbolicLink(local("link"), Path.of("target"));
        SftpAttributes followed = sftp.stat("link");
        assertThat(followed.isRegularFile()).isTrue();
        assertThat(followed.getSize()).isEqualTo(42);
        assertThat(sftp.lstat("link").isSymlink()).isTrue();
    }

    @Test
    void statOfMissingPathIsNoSuchFile() {
        assertThatThrownBy(() -> sftp.stat("missing")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void chmodSetsPermissionBits() throws IOException {
        Files.writeString(local("f"), "x");
        sftp.chmod("f", 0640);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(local("f")))).isEqualTo("rw-r-----");
        assertThat(sftp.stat("f").getPermissions() & 07777).isEqualTo(0640);
    }

    @Test
    void chownToTheCurrentOwnerSucceeds() throws IOException {
        Files.writeString(local("f"), "x");
        SftpAttributes before = sftp.stat("f");
        sftp.chown("f", before.getUid(), before.getGid());
        assertThat(sftp.stat("f").getUid()).isEqualTo(before.getUid());
    }

    @Test
    void utimeSetsTimes() throws IOException {
        Files.writeString(local("f"), "x");
        sftp.utime("f", 1_000_000_000L, 1_234_567_890L);
        SftpAttributes a = sftp.stat("f");
        assertThat(a.getMtime()).isEqualTo(1_234_567_890L);
        assertThat(a.getAtime()).isEqualTo(1_000_000_000L);
        assertThat(Files.getLastModifiedTime(local("f")).toMillis()).isEqualTo(1_234_567_890_000L);
    }

    @Test
    void truncateChangesSize() throws IOException {
        Files.write(local("f"), new byte[1000]);
        sftp.truncate("f", 10);
        assertThat(Files.size(local("f"))).isEqualTo(10);
    }

    // ------------------------------------------------------------------ names

    @Test
    void renameMovesAFile() throws IOException {
        Files.writeString(local("a"), "data");
        sftp.rename("a", "b");
        assertThat(local("a")).doesNotExist();
        assertThat(Files.readString(local("b"))).isEqualTo("data");
    }

    @Test
    void renameOfMissingFileIsNoSuchFile() {
        assertThatThrownBy(() -> sftp.rename("missing", "b")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void posixRenameReplacesTheTarget() throws IOException {
        Files.writeString(local("a"), "new");
        Files.writeString(local("b"), "old");
        sftp.posixRename("a", "b");
        assertThat(Files.readString(local("b"))).isEqualTo("new");
        assertThat(local("a")).doesNotExist();
    }

    @Test
    void removeDeletesAFile() throws IOException {
        Files.writeString(local("f"), "x");
        sftp.remove("f");
        assertThat(local("f")).doesNotExist();
    }

    @Test
    void removeOfMissingFileIsNoSuchFile() {
        assertThatThrownBy(() -> sftp.remove("missing")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void mkdirAndRmdir() throws IOException {
        sftp.mkdir("d", 0750);
        assertThat(local("d")).isDirectory();
        sftp.rmdir("d");
        assertThat(local("d")).doesNotExist();
    }

    @Test
    void mkdirOfExistingDirectoryIsFileAlreadyExists() throws IOException {
        Files.createDirectory(local("d"));
        assertThatThrownBy(() -> sftp.mkdir("d", 0755)).isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void rmdirOfNonEmptyDirectoryIsDirectoryNotEmpty() throws IOException {
        Files.createDirectory(local("d"));
        Files.writeString(local("d/f"), "x");
        assertThatThrownBy(() -> sftp.rmdir("d")).isInstanceOf(DirectoryNotEmptyException.class);
    }

    @Test
    void symlinkPointsDestAtSource() throws IOException {
        Files.writeString(local("target"), "x");
        sftp.symlink("target", "link");
        assertThat(Files.readSymbolicLink(local("link"))).isEqualTo(Path.of("target"));
        assertThat(sftp.readlink("link")).isEqualTo("target");
    }

    @Test
    void readlinkOfMissingLinkIsNoSuchFile() {
        assertThatThrownBy(() -> sftp.readlink("missing")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void normalizeGivesAnAbsolutePath() throws IOException {
        Files.createDirectory(local("d"));
        assertThat(sftp.normalize("d/../d")).isEqualTo(server.remote("d"));
    }

    @Test
    void chdirMakesRelativePathsResolveThere() throws IOException {
        Files.createDirectory(local("d"));
        Files.writeString(local("d/inner"), "x");
        assertThat(sftp.getcwd()).isNull();
        sftp.chdir("d");
        assertThat(sftp.getcwd()).isEqualTo(server.remote("d"));
        assertThat(sftp.listdir(".")).containsExactly("inner");
        assertThat(sftp.stat("inner").getSize()).isEqualTo(1);
        sftp.chdir(null);
        assertThat(sftp.getcwd()).isNull();
    }

    @Test
    void chdirToAFileIsNotDirectory() throws IOException {
        Files.writeString(local("f"), "x");
        assertThatThrownBy(() -> sftp.chdir("f")).isInstanceOf(NotDirectoryException.class);
    }

    // ------------------------------------------------------------------ SftpFile

    @Test
    void fileSeekTellAndSmallReads() throws IOException {
        byte[] data = randomBytes(100_000, 1);
        Files.write(local("f"), data);
        try (SftpFile f = sftp.open("f", "r")) {
            f.seek(50_000);
            assertThat(f.tell()).isEqualTo(50_000);
            byte[] buf = new byte[10];
            assertThat(f.read(buf, 0, 10)).isEqualTo(10);
            assertThat(buf).isEqualTo(java.util.Arrays.copyOfRange(data, 50_000, 50_010));
            assertThat(f.tell()).isEqualTo(50_010);
            f.seek(data.length);
            assertThat(f.read(buf, 0, 10)).isEqualTo(-1);
            assertThat(f.stat().getSize()).isEqualTo(data.length);
        }
    }

    @Test
    void inputStreamViewReadsTheWholeFile() throws IOException {
        byte[] data = randomBytes(300_000, 2);
        Files.write(local("f"), data);
        try (InputStream in = sftp.open("f", "r").getInputStream()) {
            assertThat(in.read()).isEqualTo(data[0] & 0xff);
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(data, 1, data.length));
        }
    }

    @Test
    void outputStreamViewWritesSmallAndLargePieces() throws IOException {
        byte[] data = randomBytes(700_000, 3);
        try (OutputStream out = sftp.open("f", "w").getOutputStream()) {
            out.write(data[0]);
            out.write(data, 1, 99);
            out.write(data, 100, data.length - 100);
        }
        assertThat(Files.readAllBytes(local("f"))).isEqualTo(data);
    }

    @Test
    void flushMakesWritesVisible() throws IOException {
        try (SftpFile f = sftp.open("f", "w")) {
            f.write(new byte[1234], 0, 1234);
            f.flush();
            assertThat(Files.size(local("f"))).isEqualTo(1234);
            assertThat(f.stat().getSize()).isEqualTo(1234);
        }
    }

    @Test
    void prefetchReadsTheWholeFileInOrder() throws IOException {
        byte[] data = randomBytes(5_000_000, 4);
        Files.write(local("f"), data);
        try (SftpFile f = sftp.open("f", "r")) {
            f.prefetch();
            assertThat(f.getInputStream().readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void prefetchFromTheMiddleThenSeekBack() throws IOException {
        byte[] data = randomBytes(1_000_000, 5);
        Files.write(local("f"), data);
        try (SftpFile f = sftp.open("f", "r")) {
            f.seek(600_000);
            f.prefetch();
            byte[] buf = new byte[1000];
            assertThat(f.read(buf, 0, 1000)).isPositive();
            f.seek(10);
            assertThat(f.read(buf, 0, 5)).isEqualTo(5);
            assertThat(java.util.Arrays.copyOf(buf, 5)).isEqualTo(java.util.Arrays.copyOfRange(data, 10, 15));
        }
    }

    @Test
    void fileOperationsAfterCloseAreRefused() throws IOException {
        Files.writeString(local("f"), "x");
        SftpFile f = sftp.open("f", "r");
        f.close();
        f.close();
        assertThatThrownBy(() -> f.read(new byte[1], 0, 1)).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    // ------------------------------------------------------------------ transfers

    @Test
    void putAndGetRoundTrip64MiBWithEqualSha256() throws Exception {
        Path src = dir.resolve("src.bin");
        try (OutputStream out = Files.newOutputStream(src)) {
            Random r = new Random(64);
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                r.nextBytes(block);
                out.write(block);
            }
        }
        List<long[]> putCalls = new ArrayList<>();
        SftpAttributes put = sftp.put(src, "up.bin", (t, total) -> putCalls.add(new long[] {t, total}), true);
        assertThat(put.getSize()).isEqualTo(64L << 20);
        assertThat(putCalls.get(putCalls.size() - 1)).containsExactly(64L << 20, 64L << 20);

        Path back = dir.resolve("back.bin");
        List<long[]> getCalls = new ArrayList<>();
        sftp.get("up.bin", back, (t, total) -> getCalls.add(new long[] {t, total}));
        assertThat(getCalls.get(getCalls.size() - 1)).containsExactly(64L << 20, 64L << 20);
        assertThat(sha256(back)).isEqualTo(sha256(src));
    }

    @Test
    void putfoAndGetfoWithoutProgress() throws IOException {
        byte[] data = randomBytes(777_777, 6);
        SftpAttributes a = sftp.putfo(new java.io.ByteArrayInputStream(data), "f", data.length, null, false);
        assertThat(a.getSize()).isEqualTo(data.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(sftp.getfo("f", out, null)).isEqualTo(data.length);
        assertThat(out.toByteArray()).isEqualTo(data);
    }

    @Test
    void putfoOfAnEmptyStreamReportsZeroOfZero() throws IOException {
        List<long[]> calls = new ArrayList<>();
        sftp.putfo(InputStream.nullInputStream(), "empty", 0, (t, total) -> calls.add(new long[] {t, total}), true);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).containsExactly(0, 0);
        assertThat(Files.size(local("empty"))).isZero();
    }

    @Test
    void putfoOfAShortStreamFails() {
        assertThatThrownBy(() -> sftp.putfo(new java.io.ByteArrayInputStream(new byte[10]), "f", 20, null, false))
                .isInstanceOf(java.io.EOFException.class).hasMessageContaining("10 of 20");
    }

    @Test
    void getOfMissingFileLeavesNothingBehind() throws IOException {
        Path target = dir.resolve("out");
        Files.createDirectory(target);
        assertThatThrownBy(() -> sftp.get("missing", target.resolve("x"), null)).isInstanceOf(NoSuchFileException.class);
        try (var s = Files.list(target)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void concurrentUseFromSeveralThreads() throws Exception {
        int threads = 6;
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            int n = t;
            Thread w = new Thread(() -> {
                try {
                    byte[] data = randomBytes(400_000 + n * 1000, n);
                    for (int round = 0; round < 3; round++) {
                        String name = "c" + n + "-" + round;
                        sftp.putfo(new java.io.ByteArrayInputStream(data), name, data.length, null, true);
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        sftp.getfo(name, out, null);
                        assertThat(out.toByteArray()).isEqualTo(data);
                        assertThat(sftp.stat(name).getSize()).isEqualTo(data.length);
                        sftp.remove(name);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join(120_000);
            assertThat(w.isAlive()).as("worker finished").isFalse();
        }
        assertThat(failures).isEmpty();
        assertThat(sftp.listdir(".")).isEmpty();
    }

    @Test
    @Timeout(120)
    void serverDyingMidTransferFailsTheTransferAndLaterCalls() throws Exception {
        Path src = dir.resolve("src.bin");
        Files.write(src, randomBytes(32 << 20, 7));
        sftp.put(src, "big", null, false);
        Path target = dir.resolve("copy.bin");
        assertThatThrownBy(() -> sftp.get("big", target, (t, total) -> {
            if (t > (4 << 20)) {
                server.kill();
            }
        })).isInstanceOf(SshException.class).hasMessageContaining("SFTP");
        assertThat(target).doesNotExist();
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
        assertThatThrownBy(() -> sftp.stat("big")).isInstanceOf(IOException.class);
    }

    @Test
    void closeEndsTheReaderThread() throws Exception {
        java.util.Set<Thread> before = readerThreads();
        SftpClient second = server.connect();
        java.util.Set<Thread> started = readerThreads();
        started.removeAll(before);
        assertThat(started).hasSize(1);
        second.close();
        Thread reader = started.iterator().next();
        reader.join(10_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(sftp.listdir(".")).isEmpty();   // the other session is untouched
    }

    static java.util.Set<Thread> readerThreads() {
        java.util.Set<Thread> found = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("javamiko-sftp-reader")) {
                found.add(t);
            }
        }
        return found;
    }

    static String sha256(Path p) throws Exception {
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(p)) {
            byte[] b = new byte[1 << 16];
            int n;
            while ((n = in.read(b)) > 0) {
                md.update(b, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }
}
