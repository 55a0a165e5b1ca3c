package org.javamiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.OpenSshServer;
import org.javamiko.testing.TestEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command as a process on a real pseudo-terminal: the interactive shell driven through tmux
 * (send-keys / capture-pane), and the SFTP progress bar under {@code script}.
 */
class TerminalTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    private static final Duration LIMIT = Duration.ofSeconds(40);

    @TempDir
    Path dir;
    Path config;
    Path socket;

    @BeforeEach
    void setUp() {
        config = Cli.config(sshd, dir);
        socket = dir.resolve("tmux.sock");
    }

    @AfterEach
    void stopTmux() throws Exception {
        if (Files.exists(socket)) {
            tmux("kill-server");
        }
    }

    /** {@code java -cp <this test's class path> org.javamiko.cli.Main ARGS}, quoted for sh. */
    static String javamiko(String... args) {
        List<String> words = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        words.addAll(List.of(args));
        StringBuilder s = new StringBuilder();
        for (String w : words) {
            s.append(s.length() == 0 ? "" : " ").append("'").append(w.replace("'", "'\\''")).append("'");
        }
        return s.toString();
    }

    private ExternalCommand.Result tmux(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        command.addAll(List.of(args));
        return ExternalCommand.of(command).env("TERM", "xterm").timeout(Duration.ofSeconds(20)).run();
    }

    private String screen() throws IOException {
        return tmux("capture-pane", "-p", "-t", "jm").stdout();
    }

    /** Polls the pane until {@code condition} holds, at most {@link #LIMIT}. */
    private String awaitScreen(String what, Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = screen();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the pane never showed " + what + "; it shows:\n" + last);
    }

    private static Predicate<String> line(String exact) {
        return text -> text.lines().anyMatch(l -> l.strip().equals(exact));
    }

    private void type(String text) throws IOException {
        assertThat(tmux("send-keys", "-t", "jm", "-l", text).exitCode()).isZero();
    }

    private void enter() throws IOException {
        assertThat(tmux("send-keys", "-t", "jm", "Enter").exitCode()).isZero();
    }

    private void requireTmux() {
        if (!Files.isExecutable(Path.of("/usr/bin/tmux"))) {
            throw TestEnvironment.unmet("tmux is missing: apt-get install tmux (.ci/run does this)");
        }
    }

    @Test
    void theShellGetsAPtyOfTheTerminalsSizeFollowsResizesAndTildeDotCloses() throws Exception {
        requireTmux();
        Path status = dir.resolve("status");
        String command = javamiko("shell", "-F", config.toString(), "target") + "; echo $? > " + status;
        ExternalCommand.Result started = tmux("new-session", "-d", "-s", "jm", "-x", "100", "-y", "30", "sh", "-c",
                command);
        assertThat(started.exitCode()).as(started.toString()).isZero();
        type("PS1='READY> '");
        enter();
        awaitScreen("the remote prompt", text -> text.lines().anyMatch(l -> l.startsWith("READY>")));

        type("stty size; echo TERM=$TERM");
        enter();
        awaitScreen("stty size 30 100", line("30 100"));
        awaitScreen("TERM passed on", text -> text.contains("TERM=xterm") || text.contains("TERM=screen")
                || text.contains("TERM=tmux"));

        assertThat(tmux("resize-window", "-t", "jm", "-x", "120", "-y", "40").exitCode()).isZero();
        type("clear; stty size");
        enter();
        awaitScreen("stty size 40 120 after the resize", line("40 120"));

        // raw mode: Ctrl-C reaches the remote shell (a local SIGINT would end javamiko)
        type("sleep 60");
        enter();
        assertThat(tmux("send-keys", "-t", "jm", "C-c").exitCode()).isZero();
        type("echo still-here");
        enter();
        awaitScreen("the shell alive after Ctrl-C", line("still-here"));

        enter();
        type("~.");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!Files.exists(status) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(status).as("javamiko ended after ~.").exists();
        assertThat(Files.readString(status).strip()).isEqualTo("255");
    }

    @Test
    void theShellsExitStatusIsJavamikos() throws Exception {
        requireTmux();
        Path status = dir.resolve("status");
        String command = javamiko("shell", "-F", config.toString(), "target") + "; echo $? > " + status;
        assertThat(tmux("new-session", "-d", "-s", "jm", "-x", "80", "-y", "24", "sh", "-c", command).exitCode()).isZero();
        type("PS1='READY> '");
        enter();
        awaitScreen("the remote prompt", text -> text.lines().anyMatch(l -> l.startsWith("READY>")));
        type("exit 3");
        enter();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!Files.exists(status) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(status).exists();
        assertThat(Files.readString(status).strip()).isEqualTo("3");
    }

    @Test
    void aProgressBarIsDrawnOnATerminal() throws Exception {
        byte[] data = new byte[8 * 1024 * 1024];
        new Random(5).nextBytes(data);
        Path file = Files.write(dir.resolve("payload.bin"), data);
        Path remote = Files.createDirectories(dir.resolve("remote"));
        String command = javamiko("sftp", "put", "-F", config.toString(), file.toString(), "target:" + remote);
        ExternalCommand.Result r = ExternalCommand.of("script", "-q", "-e", "-c", command, "/dev/null")
                .env("TERM", "xterm").timeout(Duration.ofSeconds(60)).run();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("payload.bin").contains("100% [========================]").contains("MiB/s")
                .contains("8.0MiB").contains("\r");
        assertThat(Files.readAllBytes(remote.resolve("payload.bin"))).isEqualTo(data);
        assertThat(new String(Files.readAllBytes(remote.resolve("payload.bin")), StandardCharsets.ISO_8859_1)).hasSize(data.length);
    }

    @Test
    void execMinusTRunsTheCommandOnAPty() throws Exception {
        requireTmux();
        Path status = dir.resolve("status");
        String command = javamiko("exec", "-t", "-F", config.toString(), "target", "--", "stty size; tty; exit 4")
                + "; echo $? > " + status;
        assertThat(tmux("new-session", "-d", "-s", "jm", "-x", "90", "-y", "20", "sh", "-c",
                command + "; sleep 60").exitCode()).isZero();
        awaitScreen("stty size 20 90", line("20 90"));
        awaitScreen("a pty", text -> text.contains("/dev/pts/"));
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!Files.exists(status) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Files.readString(status).strip()).isEqualTo("4");
    }

    @Test
    void minusVLogsTheConnectionAtDebugInANewProcess() throws Exception {
        ExternalCommand.Result r = ExternalCommand.of("sh", "-c", javamiko("exec", "-v", "-F", config.toString(), "target",
                "--", "echo", "hi") + " </dev/null").timeout(Duration.ofSeconds(60)).run();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("hi\n");
        assertThat(r.stderr()).contains("DEBUG");
        ExternalCommand.Result quiet = ExternalCommand.of("sh", "-c", javamiko("exec", "-F", config.toString(), "target",
                "--", "echo", "hi") + " </dev/null").timeout(Duration.ofSeconds(60)).run();
        assertThat(quiet.stderr()).doesNotContain("DEBUG");
    }
}
