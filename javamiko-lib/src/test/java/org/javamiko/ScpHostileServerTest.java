package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.MinaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted, hostile SCP peer (MINA SSHD in this JVM, a custom command in place of scp): names
 * with {@code ..} or {@code /}, entries never asked for, directories where files belong, broken
 * records. Each must be refused with a fatal answer, and nothing may be written outside the target.
 */
class ScpHostileServerTest {
    /** What the next exec request runs instead of scp. */
    static volatile Script script;
    /** The commands the client asked to run. */
    static final List<String> commands = new CopyOnWriteArrayList<>();
    /** What the client answered to each record: "0", or "1 message" / "2 message". */
    static final List<String> answers = new CopyOnWriteArrayList<>();
    /** Counted down when the script of the current test has ended. */
    static volatile java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);

    @RegisterExtension
    static final MinaServer mina = MinaServer.builder()
            .configure(server -> server.setCommandFactory((channel, command) -> {
                commands.add(command);
                return new ScriptedCommand(script);
            }))
            .build();

    @TempDir
    static Path keysDir;

    /** The directory the downloads go to. */
    @TempDir
    Path work;

    Path target;

    static SshClient client;
    static ScpClient scp;

    @BeforeAll
    static void connect() throws IOException {
        client = Connect.connected(mina, keysDir, KeySet.clientKeys().ed25519());
        scp = new ScpClient(client);
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    @BeforeEach
    void freshTarget() throws IOException {
        commands.clear();
        answers.clear();
        finished = new java.util.concurrent.CountDownLatch(1);
        target = Files.createDirectory(work.resolve("target"));
    }

    // ---- names -------------------------------------------------------------------------

    @Test
    void aFileNamedDotDotSlashEvilIsRefused() {
        script = io -> io.record("C0644 5 ../evil").data("hello");

        assertRefused(() -> scp.get("/srv/evil", target), "'../evil'");
        assertThat(work.resolve("evil")).doesNotExist();
        assertNothingIn(target);
    }

    @Test
    void aDirectoryNamedWithAnAbsolutePathIsRefused() {
        script = io -> io.record("D0755 0 /etc").record("C0644 6 passwd").data("root:0");

        assertRefused(() -> scp.get("/srv/etc", target, recursive()), "'/'");
        assertNothingIn(target);
    }

    @Test
    void aFileOtherThanTheOneAskedForIsRefused() {
        script = io -> io.record("C0644 5 .bashrc").data("evil!");

        assertRefused(() -> scp.get("/home/u/notes.txt", target), "'.bashrc' when 'notes.txt' was asked for");
        assertNothingIn(target);
    }

    @Test
    void aSecondTopLevelFileAfterTheOneAskedForIsRefused() {
        script = io -> io.record("C0644 2 notes.txt").data("ok").record("C0644 5 .bashrc").data("evil!");

        assertRefused(() -> scp.get("/home/u/notes.txt", target), "a second entry '.bashrc'");
        assertThat(target.resolve("notes.txt")).hasContent("ok");
        assertThat(target.resolve(".bashrc")).doesNotExist();
    }

    @Test
    void aDotDirectoryThatWouldChangeTheTargetsModeIsRefused() throws IOException {
        // CVE-2018-20685: "D0777 0 ." made OpenSSH's scp chmod the target directory.
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        script = io -> io.record("D0777 0 .").record("E");

        assertRefused(() -> scp.get("/srv/dir", target, recursive()), "'.'");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rwx------");
    }

    @Test
    void dotDotInsideADirectoryIsRefused() {
        script = io -> io.record("D0755 0 dir").record("C0644 4 ..").data("evil");

        assertRefused(() -> scp.get("/srv/dir", target, recursive()), "'..'");
        assertThat(target.resolve("dir")).isEmptyDirectory();
    }

    @Test
    void aSlashInsideADirectoryIsRefused() {
        script = io -> io.record("D0755 0 dir").record("C0644 4 ../../x").data("evil");

        assertRefused(() -> scp.get("/srv/dir", target, recursive()), "containing '/'");
        assertThat(work.resolve("x")).doesNotExist();
    }

    @Test
    void aNulInANameIsRefused() {
        script = io -> io.record("C0644 1 notes.txt\0.sh").data("x");

        assertRefused(() -> scp.get("/srv/notes.txt", target), "");
        assertNothingIn(target);
    }

    @Test
    void aSymbolicLinkInTheTargetTreeIsNotFollowedWhenTheServerNamesIt() throws IOException {
        Path outside = Files.writeString(work.resolve("outside.txt"), "precious");
        Files.createDirectory(target.resolve("dir"));
        Files.createSymbolicLink(target.resolve("dir/link"), outside);
        script = io -> io.record("D0755 0 dir").record("C0644 4 link").data("evil").record("E");

        assertThatThrownBy(() -> scp.get("/srv/dir", target, recursive())).isInstanceOf(ScpException.class);
        assertThat(outside).hasContent("precious");
        awaitScript();
        assertThat(answers).last().asString().startsWith("2 ");
    }

    // ---- shapes ------------------------------------------------------------------------

    @Test
    void aDirectoryInANonRecursiveTransferIsRefused() {
        script = io -> io.record("D0755 0 notes.txt").record("C0644 4 inner").data("evil").record("E");

        assertRefused(() -> scp.get("/srv/notes.txt", target), "not recursive");
        assertNothingIn(target);
    }

    @Test
    void aDirectoryIsRefusedWhenAFileWasAskedForIntoAStream() {
        script = io -> io.record("D0755 0 notes.txt").record("E");

        assertRefused(() -> scp.getfo("/srv/notes.txt", new ByteArrayOutputStream()), "a directory");
    }

    @Test
    void aFileNeverReplacesALocalDirectory() throws IOException {
        Files.createDirectories(target.resolve("data/keep"));
        script = io -> io.record("D0755 0 data").record("C0644 4 keep").data("evil").record("E");

        assertRefused(() -> scp.get("/srv/data", target, recursive()), "is a directory");
        assertThat(target.resolve("data/keep")).isEmptyDirectory();
    }

    @Test
    void aDirectoryNeverGoesWhereALocalFileIs() throws IOException {
        Files.writeString(target.resolve("data"), "a file");
        Path outer = Files.createDirectory(work.resolve("outer"));
        Files.writeString(outer.resolve("data"), "a file");
        script = io -> io.record("D0755 0 outer").record("D0755 0 data").record("C0644 1 x").data("x")
                .record("E").record("E");

        assertRefused(() -> scp.get("/srv/outer", work, recursive()), "not a directory");
        assertThat(outer.resolve("data")).hasContent("a file");
    }

    @Test
    void anEndRecordOutsideAnyDirectoryIsRefused() {
        script = io -> io.record("D0755 0 dir").record("E").record("E");

        assertRefused(() -> scp.get("/srv/dir", target, recursive()), "outside any directory");
    }

    @Test
    void malformedRecordsAreRefused() {
        for (String bad : List.of("C0x44 5 notes.txt", "C0644 -5 notes.txt", "C0644 5notes.txt", "C77777 5 notes.txt",
                "C0644 99999999999999999999 notes.txt", "T1 2 3", "T1 2000000 3 0", "Xwhat")) {
            answers.clear();
            finished = new java.util.concurrent.CountDownLatch(1);
            script = io -> io.record(bad).data("hello");
            assertRefused(() -> scp.get("/srv/notes.txt", target), "");
        }
        assertNothingIn(target);
    }

    @Test
    void anEndlessLineIsRefused() {
        script = io -> io.raw("C0644 5 " + "a".repeat(100_000) + "\n");

        assertThatThrownBy(() -> scp.get("/srv/notes.txt", target))
                .isInstanceOf(ScpException.class).hasMessageContaining("longer than");
    }

    // ---- messages ----------------------------------------------------------------------

    @Test
    void aRemoteErrorIsSurfacedWithControlCharactersDefused() {
        script = io -> io.raw("\u0002scp: \u001b[2Jdisk on fire\n");

        assertThatThrownBy(() -> scp.get("/srv/notes.txt", target))
                .isInstanceOfSatisfying(ScpException.class,
                        e -> assertThat(e.remoteMessage()).isEqualTo("scp: ?[2Jdisk on fire"))
                .message().doesNotContain("\u001b");
    }

    @Test
    void aSinkRefusingTheUploadIsSurfacedWithItsMessage() throws IOException {
        Path file = Files.writeString(work.resolve("up.txt"), "data");
        script = io -> {
            io.ack();
            io.readLine(); // C0644 4 up.txt
            io.raw("\u0002scp: /srv/up.txt: Disk quota exceeded\n");
        };

        assertThatThrownBy(() -> scp.put(file, "/srv/up.txt"))
                .isInstanceOfSatisfying(ScpException.class, e ->
                        assertThat(e.remoteMessage()).isEqualTo("scp: /srv/up.txt: Disk quota exceeded"));
        assertThat(commands).containsExactly("scp -t '/srv/up.txt'");
    }

    @Test
    void aWellBehavedTranscriptIsAcceptedAndAnsweredOncePerRecord() throws IOException {
        script = io -> io.record("T1000000000 0 1000000001 0").record("D0750 0 dir").record("T1000000002 0 1000000003 0")
                .record("C0640 3 f").data("abc").record("E");

        scp.get("/srv/dir", target, ScpOptions.builder().recursive(true).preserveTimes(true).build());

        assertThat(commands).containsExactly("scp -r -p -f '/srv/dir'");
        // the initial 0, then T, D, T, C, data, E: one answer each, all 0 (CVE-2020-12062), then at most the end of the stream
        awaitScript();
        assertThat(answers.stream().filter(a -> !a.equals("EOF")).toList())
                .containsExactly("0", "0", "0", "0", "0", "0", "0");
        assertThat(target.resolve("dir/f")).hasContent("abc");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("dir/f"))))
                .isEqualTo("rw-r-----");
        assertThat(Files.getLastModifiedTime(target.resolve("dir/f")).toMillis()).isEqualTo(1_000_000_002_000L);
        assertThat(Files.getLastModifiedTime(target.resolve("dir")).toMillis()).isEqualTo(1_000_000_000_000L);
    }

    // ---- helpers -----------------------------------------------------------------------

    static ScpOptions recursive() {
        return ScpOptions.builder().recursive(true).build();
    }

    /** The call fails with an ScpException naming the refusal, and the client told the server so. */
    void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String detail) {
        assertThatThrownBy(call).isInstanceOf(ScpException.class).hasMessageContaining(detail);
        awaitScript();
        assertThat(answers).last().asString().startsWith("2 ");
    }

    /** Waits (bounded) until the server side of the transcript has ended. */
    static void awaitScript() {
        try {
            assertThat(finished.await(20, java.util.concurrent.TimeUnit.SECONDS)).as("the script ended").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static void assertNothingIn(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list.toList()).isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A hostile peer's side of the transcript. */
    @FunctionalInterface
    interface Script {
        void run(ScriptIo io) throws IOException;
    }

    /** The server side of the protocol, for scripts; each step stops the script once the client refused. */
    static final class ScriptIo {
        private final InputStream in;
        private final OutputStream out;
        private boolean refused;

        ScriptIo(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        /** As a source: waits for the client's answer, then sends a record line. */
        ScriptIo record(String line) throws IOException {
            return answered() ? raw(line + "\n") : this;
        }

        /** Sends file data and the 0 that ends it (after the client accepted the C record). */
        ScriptIo data(String bytes) throws IOException {
            return answered() ? raw(bytes + "\0") : this;
        }

        /** Sends raw text unless the client already refused. */
        ScriptIo raw(String text) throws IOException {
            if (!refused) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            return this;
        }

        /** As a sink: the first 0. */
        void ack() throws IOException {
            out.write(0);
            out.flush();
        }

        String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
            return line.toString(StandardCharsets.UTF_8);
        }

        /** Reads the client's answer to what was sent last; false once it refused (or left). */
        private boolean answered() throws IOException {
            if (refused) {
                return false;
            }
            int b = in.read();
            if (b == 0) {
                answers.add("0");
                return true;
            }
            refused = true;
            answers.add(b == -1 ? "EOF" : b + " " + readLine());
            return false;
        }

        /** At the end: the client's last answer. */
        void finish() throws IOException {
            answered();
        }
    }

    /** Runs the script on its own thread in place of a command, then exits 0. */
    static final class ScriptedCommand implements Command {
        private final Script script;
        private InputStream in;
        private OutputStream out;
        private ExitCallback exit;
        private final java.util.concurrent.CountDownLatch done = finished;

        ScriptedCommand(Script script) {
            this.script = script;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            Thread thread = new Thread(() -> {
                try {
                    ScriptIo io = new ScriptIo(in, out);
                    script.run(io);
                    io.finish();
                } catch (IOException | RuntimeException e) {
                    // the client closed the channel: the end of this script
                } finally {
                    done.countDown();
                    exit.onExit(0);
                }
            }, "scp-script");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
        }
    }
}
