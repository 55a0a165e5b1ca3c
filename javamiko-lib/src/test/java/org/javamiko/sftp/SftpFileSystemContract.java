package org.javamiko.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What java.nio.file users do with an SFTP file system, checked against a real server that
 * serves this machine's file system: remote paths are the temp dir's own absolute paths, so each
 * result is compared with what the local file system sees.
 */
abstract class SftpFileSystemContract {
    @TempDir
    Path tmp;
    Path dir;
    FileSystem fs;

    /** @return a file system on the server under test; closed after each test */
    abstract FileSystem openFileSystem() throws IOException;

    @BeforeEach
    void open() throws IOException {
        dir = tmp.toRealPath();
        fs = openFileSystem();
    }

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    /** @return the remote path of {@code name} in the temp dir */
    Path remote(String name) {
        return fs.getPath(dir.toString(), name);
    }

    Path local(String name) {
        return dir.resolve(name);
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** @return each relative path under {@code root} with "dir" or its content's SHA-256 */
    private static Map<String, String> contents(Path root) throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String rel = root.relativize(p).toString();
                out.put(rel, Files.isDirectory(p) ? "dir" : java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                // a relative path of one file system is turned into the other's through its text
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private void makeLocalTree(Path root) throws IOException {
        Files.createDirectories(root.resolve("a/b/c"));
        Files.createDirectories(root.resolve("empty"));
        Files.write(root.resolve("zero"), new byte[0]);
        Files.write(root.resolve("a/small.txt"), "hello".getBytes(StandardCharsets.UTF_8));
        Files.write(root.resolve("a/b/big.bin"), randomBytes(3 << 20, 1));
        Files.write(root.resolve("a/b/c/odd.bin"), randomBytes(100_003, 2));
    }

    // ------------------------------------------------------------------ trees

    @Test
    void copyingATreeUpAndBackWithWalkKeepsEveryFile() throws Exception {
        Path src = local("src");
        makeLocalTree(src);
        copyTree(src, remote("up"));
        copyTree(remote("up"), local("down"));
        Map<String, String> expected = contents(src);
        assertThat(expected).hasSize(9);
        assertThat(contents(local("up"))).isEqualTo(expected);
        assertThat(contents(local("down"))).isEqualTo(expected);
    }

    @Test
    void walkingTheRemoteTreeListsWhatIsThere() throws IOException {
        makeLocalTree(local("t"));
        Set<String> expected;
        try (Stream<Path> s = Files.walk(local("t"))) {
            expected = s.map(p -> local("t").relativize(p).toString()).collect(Collectors.toSet());
        }
        try (Stream<Path> s = Files.walk(remote("t"))) {
            assertThat(s.map(p -> remote("t").relativize(p).toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void directoryStreamFiltersAndResolvesAgainstTheDirectory() throws IOException {
        Files.writeString(local("x.txt"), "1");
        Files.writeString(local("y.bin"), "2");
        List<Path> seen = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(remote(""), "*.txt")) {
            ds.forEach(seen::add);
        }
        assertThat(seen).containsExactly(remote("x.txt"));
    }

    @Test
    void listingAFileIsNotADirectory() throws IOException {
        Files.writeString(local("f"), "1");
        assertThatThrownBy(() -> Files.newDirectoryStream(remote("f"))).isInstanceOf(NotDirectoryException.class);
        assertThatThrownBy(() -> Files.newDirectoryStream(remote("missing"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void severalThreadsShareOneFileSystem() throws Exception {
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            int n = t;
            Thread w = new Thread(() -> {
                try {
                    byte[] data = randomBytes(200_000 + n, n);
                    Path mine = Files.createDirectory(remote("w" + n));
                    Files.write(mine.resolve("f"), data);
                    Files.copy(mine.resolve("f"), mine.resolve("g"));
                    assertThat(Files.readAllBytes(mine.resolve("g"))).isEqualTo(data);
                    try (Stream<Path> s = Files.list(mine)) {
                        assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("f", "g");
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join(60_000);
            assertThat(w.isAlive()).as("worker finished").isFalse();
        }
        assertThat(failures).isEmpty();
    }

    // ------------------------------------------------------------------ copy and move

    @Test
    void copyDownloadsAndUploads() throws IOException {
        byte[] data = randomBytes(1 << 20, 3);
        Files.write(local("orig"), data);
        Files.copy(remote("orig"), local("downloaded"));
        Files.copy(local("downloaded"), remote("uploaded"));
        assertThat(Files.readAllBytes(local("uploaded"))).isEqualTo(data);
    }

    @Test
    void copyWithinTheServerReplacesOnlyWhenAsked() throws IOException {
        byte[] data = randomBytes(300_000, 4);
        Files.write(local("one"), data);
        Files.writeString(local("two"), "old");
        assertThatThrownBy(() -> Files.copy(remote("one"), remote("two"))).isInstanceOf(FileAlreadyExistsException.class);
        Files.copy(remote("one"), remote("two"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(remote("one"), remote("three"));
        assertThat(Files.readAllBytes(local("two"))).isEqualTo(data);
        assertThat(Files.readAllBytes(local("three"))).isEqualTo(data);
    }

    @Test
    void copyWithAttributesKeepsPermissionsAndModificationTime() throws IOException {
        Files.writeString(local("src"), "x");
        Files.setPosixFilePermissions(local("src"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.setLastModifiedTime(local("src"), FileTime.fromMillis(1_500_000_000_000L));
        Files.copy(remote("src"), remote("dst"), StandardCopyOption.COPY_ATTRIBUTES);
        assertThat(Files.getPosixFilePermissions(local("dst"))).isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
        assertThat(Files.getLastModifiedTime(local("dst"))).isEqualTo(FileTime.fromMillis(1_500_000_000_000L));
    }

    @Test
    void copyingAMissingFileIsNoSuchFile() {
        assertThatThrownBy(() -> Files.copy(remote("missing"), remote("x"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> Files.copy(remote("missing"), local("x"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void moveRenamesAndReplacesOnlyWhenAsked() throws IOException {
        Files.writeString(local("a"), "A");
        Files.writeString(local("b"), "B");
        assertThatThrownBy(() -> Files.move(remote("a"), remote("b"))).isInstanceOf(FileAlreadyExistsException.class);
        Files.move(remote("a"), remote("b"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(local("a")).doesNotExist();
        assertThat(Files.readString(local("b"))).isEqualTo("A");
        Files.move(remote("b"), remote("c"), StandardCopyOption.ATOMIC_MOVE);
        assertThat(Files.readString(local("c"))).isEqualTo("A");
    }

    @Test
    void movingAMissingFileIsNoSuchFile() {
        assertThatThrownBy(() -> Files.move(remote("missing"), remote("x"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void copyingADirectoryCreatesAnEmptyOne() throws IOException {
        Files.createDirectories(local("d/inner"));
        Files.copy(remote("d"), remote("e"));
        assertThat(local("e")).isEmptyDirectory();
    }

    @Test
    void movingADirectoryTakesItsContents() throws IOException {
        Files.createDirectories(local("d/inner"));
        Files.writeString(local("d/inner/f"), "x");
        Files.move(remote("d"), remote("e"));
        assertThat(Files.readString(local("e/inner/f"))).isEqualTo("x");
        assertThat(local("d")).doesNotExist();
    }

    // ------------------------------------------------------------------ channels and streams

    @Test
    void byteChannelSeeksReadsWritesAndTruncates() throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(remote("ch"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap("hello world".getBytes(StandardCharsets.US_ASCII)));
            assertThat(ch.position()).isEqualTo(11);
            assertThat(ch.size()).isEqualTo(11);
            ch.position(6);
            ByteBuffer five = ByteBuffer.allocateDirect(5);
            assertThat(ch.read(five)).isEqualTo(5);
            five.flip();
            assertThat(StandardCharsets.US_ASCII.decode(five).toString()).isEqualTo("world");
            assertThat(ch.read(ByteBuffer.allocate(1))).isEqualTo(-1);
            ch.position(0).write(ByteBuffer.wrap("J".getBytes(StandardCharsets.US_ASCII)));
            ch.truncate(5);
            assertThat(ch.size()).isEqualTo(5);
            assertThat(ch.position()).isEqualTo(1);
        }
        assertThat(Files.readString(local("ch"))).isEqualTo("Jello");
    }

    @Test
    void appendWritesAtTheEnd() throws IOException {
        Files.writeString(local("log"), "one\n");
        Files.writeString(remote("log"), "two\n", StandardOpenOption.APPEND);
        assertThat(Files.readString(local("log"))).isEqualTo("one\ntwo\n");
    }

    @Test
    void writeWithoutCreateKeepsTheRestOfTheFile() throws IOException {
        Files.writeString(local("f"), "abcdef");
        try (SeekableByteChannel ch = Files.newByteChannel(remote("f"), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap("XY".getBytes(StandardCharsets.US_ASCII)));
        }
        assertThat(Files.readString(local("f"))).isEqualTo("XYcdef");
    }

    @Test
    void aReadOnlyChannelRefusesWrites() throws IOException {
        Files.writeString(local("f"), "x");
        try (SeekableByteChannel ch = Files.newByteChannel(remote("f"))) {
            assertThatThrownBy(() -> ch.write(ByteBuffer.allocate(1))).isInstanceOf(NonWritableChannelException.class);
        }
    }

    @Test
    void openingASymbolicLinkWithoutFollowingIsRefused() throws IOException {
        Files.writeString(local("target"), "x");
        Files.createSymbolicLink(local("link"), local("target"));
        assertThatThrownBy(() -> Files.newByteChannel(remote("link"), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))
                .isInstanceOf(java.nio.file.FileSystemException.class).hasMessageContaining("symbolic link");
    }

    @Test
    void deleteOnCloseRemovesTheFile() throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(remote("temp"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE)) {
            ch.write(ByteBuffer.allocate(10));
            assertThat(local("temp")).exists();
        }
        assertThat(local("temp")).doesNotExist();
    }

    @Test
    void createNewOnAnExistingFileIsAlreadyExists() throws IOException {
        Files.writeString(local("f"), "x");
        assertThatThrownBy(() -> Files.newByteChannel(remote("f"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
                .isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void openingAMissingFileIsNoSuchFile() {
        assertThatThrownBy(() -> Files.newInputStream(remote("missing"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> Files.newByteChannel(remote("missing"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void streamsRoundTripLargeData() throws IOException {
        byte[] data = randomBytes(5 << 20, 5);
        try (OutputStream out = Files.newOutputStream(remote("s"))) {
            out.write(data, 0, 1000);
            out.write(data, 1000, data.length - 1000);
        }
        try (InputStream in = Files.newInputStream(remote("s"))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void newFileGetsThePermissionsAskedFor() throws IOException {
        Files.createFile(remote("p"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        assertThat(Files.getPosixFilePermissions(local("p"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    // ------------------------------------------------------------------ attributes

    @Test
    void basicAttributesMatchTheLocalOnes() throws IOException {
        Files.write(local("f"), new byte[1234]);
        Files.setLastModifiedTime(local("f"), FileTime.fromMillis(1_600_000_000_000L));
        Files.createDirectory(local("d"));
        BasicFileAttributes f = Files.readAttributes(remote("f"), BasicFileAttributes.class);
        assertThat(f.size()).isEqualTo(1234);
        assertThat(f.isRegularFile()).isTrue();
        assertThat(f.isDirectory()).isFalse();
        assertThat(f.lastModifiedTime()).isEqualTo(FileTime.fromMillis(1_600_000_000_000L));
        assertThat(Files.isDirectory(remote("d"))).isTrue();
        assertThat(Files.exists(remote("f"))).isTrue();
        assertThat(Files.exists(remote("missing"))).isFalse();
        assertThat(Files.notExists(remote("missing"))).isTrue();
        assertThat(Files.size(remote("f"))).isEqualTo(1234);
    }

    @Test
    void posixAttributesMatchTheLocalOnes() throws IOException {
        Files.writeString(local("f"), "x");
        Files.setPosixFilePermissions(local("f"), PosixFilePermissions.fromString("rw-r-----"));
        PosixFileAttributes a = Files.readAttributes(remote("f"), PosixFileAttributes.class);
        assertThat(a.permissions()).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(a.owner().getName()).isEqualTo(Files.getAttribute(local("f"), "unix:uid").toString());
        assertThat(a.group().getName()).isEqualTo(Files.getAttribute(local("f"), "unix:gid").toString());
    }

    @Test
    void attributesByNameAsFilesGetAttributeReadsThem() throws IOException {
        Files.write(local("f"), new byte[7]);
        Map<String, Object> m = Files.readAttributes(remote("f"), "posix:size,permissions,isDirectory");
        assertThat(m).containsEntry("size", 7L).containsEntry("isDirectory", false).containsKey("permissions");
        assertThat(Files.readAttributes(remote("f"), "*")).containsKeys("size", "lastModifiedTime", "isRegularFile");
        assertThat(Files.getAttribute(remote("f"), "size")).isEqualTo(7L);
        assertThatThrownBy(() -> Files.readAttributes(remote("f"), "dos:*")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void viewsSetTimesPermissionsAndOwner() throws IOException {
        Files.writeString(local("f"), "x");
        PosixFileAttributeView view = Files.getFileAttributeView(remote("f"), PosixFileAttributeView.class);
        view.setTimes(FileTime.fromMillis(1_400_000_000_000L), FileTime.fromMillis(1_450_000_000_000L), null);
        view.setPermissions(PosixFilePermissions.fromString("r-x--x--x"));
        assertThat(Files.getLastModifiedTime(local("f"))).isEqualTo(FileTime.fromMillis(1_400_000_000_000L));
        assertThat(Files.getAttribute(local("f"), "lastAccessTime")).isEqualTo(FileTime.fromMillis(1_450_000_000_000L));
        assertThat(Files.getPosixFilePermissions(local("f"))).isEqualTo(PosixFilePermissions.fromString("r-x--x--x"));
        Files.setLastModifiedTime(remote("f"), FileTime.fromMillis(1_300_000_000_000L));
        assertThat(Files.getLastModifiedTime(local("f"))).isEqualTo(FileTime.fromMillis(1_300_000_000_000L));

        int uid = (Integer) Files.getAttribute(local("f"), "unix:uid");
        int newUid = uid == 0 ? 4321 : uid;   // only root may give a file away
        UserPrincipal owner = fs.getUserPrincipalLookupService().lookupPrincipalByName(Integer.toString(newUid));
        Files.setOwner(remote("f"), owner);
        assertThat(Files.getAttribute(local("f"), "unix:uid")).isEqualTo(newUid);
        assertThat(Files.getOwner(remote("f")).getName()).isEqualTo(Integer.toString(newUid));
    }

    @Test
    void ownerNamesThatAreNotNumericCannotBeLookedUp() {
        assertThatThrownBy(() -> fs.getUserPrincipalLookupService().lookupPrincipalByName("root"))
                .isInstanceOf(UserPrincipalNotFoundException.class);
    }

    @Test
    void readingAttributesOfAMissingFileIsNoSuchFile() {
        assertThatThrownBy(() -> Files.readAttributes(remote("missing"), BasicFileAttributes.class))
                .isInstanceOf(NoSuchFileException.class);
    }

    // ------------------------------------------------------------------ directories, links, deletion

    @Test
    void createDirectoryAndDelete() throws IOException {
        Files.createDirectory(remote("d"));
        assertThat(local("d")).isDirectory();
        assertThatThrownBy(() -> Files.createDirectory(remote("d"))).isInstanceOf(FileAlreadyExistsException.class);
        Files.createDirectories(remote("d/e/f"));
        assertThat(local("d/e/f")).isDirectory();
        Files.writeString(local("d/e/f/file"), "x");
        assertThatThrownBy(() -> Files.delete(remote("d/e/f"))).isInstanceOf(DirectoryNotEmptyException.class);
        Files.delete(remote("d/e/f/file"));
        Files.delete(remote("d/e/f"));
        assertThat(local("d/e/f")).doesNotExist();
        assertThatThrownBy(() -> Files.delete(remote("missing"))).isInstanceOf(NoSuchFileException.class);
        assertThat(Files.deleteIfExists(remote("missing"))).isFalse();
    }

    @Test
    void creatingInAMissingDirectoryIsNoSuchFile() {
        assertThatThrownBy(() -> Files.createDirectory(remote("no/such"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void symbolicLinksAreCreatedReadAndNotFollowedWhenAsked() throws IOException {
        Files.writeString(local("target"), "data");
        Files.createSymbolicLink(remote("link"), fs.getPath("target"));
        assertThat(Files.readSymbolicLink(local("link")).toString()).isEqualTo("target");
        assertThat(Files.readSymbolicLink(remote("link"))).isEqualTo(fs.getPath("target"));
        assertThat(Files.isSymbolicLink(remote("link"))).isTrue();
        assertThat(Files.isRegularFile(remote("link"))).isTrue();
        assertThat(Files.isRegularFile(remote("link"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.readString(remote("link"))).isEqualTo("data");
        assertThat(remote("link").toRealPath()).isEqualTo(remote("target"));
        assertThat(remote("link").toRealPath(LinkOption.NOFOLLOW_LINKS)).isEqualTo(remote("link"));
        Files.delete(remote("link"));
        assertThat(local("link")).doesNotExist();
        assertThat(local("target")).exists();
    }

    @Test
    void toRealPathOfAMissingFileIsNoSuchFile() {
        assertThatThrownBy(() -> remote("missing").toRealPath()).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void toRealPathNormalizes() throws IOException {
        Files.createDirectory(local("d"));
        assertThat(remote("d/../d/.").toRealPath()).isEqualTo(remote("d"));
    }

    @Test
    void aRefusedWriteIsAccessDenied() {
        // sysfs refuses writes even to root; skip where that file is missing or writable
        Path refused = Path.of("/sys/kernel/notes");
        assumeThat(refused).exists();
        assumeThat(refusesLocalWrite(refused)).isTrue();
        assertThatThrownBy(() -> Files.newOutputStream(fs.getPath(refused.toString())))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static boolean refusesLocalWrite(Path p) {
        try (OutputStream out = Files.newOutputStream(p, StandardOpenOption.WRITE)) {
            return false;
        } catch (AccessDeniedException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
