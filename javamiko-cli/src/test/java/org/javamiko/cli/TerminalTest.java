package org.javamiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.OpenSshServer;
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

    @TempDir
    Path dir;
    Path config;
    Tmux tmux;

    @BeforeEach
    void setUp() {
        config = Cli.config(sshd, dir);
        tmux = new Tmux(dir.resolve("tmux.sock"));
    }

    @AfterEach
    void stopTmux() throws Exception {
        tmux.close();
    }

    @Test
    void theShellGetsAPtyOfTheTerminalsSizeFollowsResizesAndTildeDotCloses() throws Exception {
        Path status = dir.resolve("status");
        tmux.start(100, 30, Cli.processCommand("shell", "-F", config.toString(), "target") + "; echo $? > " + status);
        tmux.type("PS1='READY> '");
        tmux.enter();
        tmux.awaitScreen("the remote prompt", text -> text.lines().anyMatch(l -> l.startsWith("READY>")));

        tmux.type("stty size; echo TERM=$TERM");
        tmux.enter();
        tmux.awaitScreen("stty size 30 100", Tmux.line("30 100"));
        tmux.awaitScreen("TERM passed on", text -> text.contains("TERM=xterm") || text.contains("TERM=screen")
                || text.contains("TERM=tmux"));

        tmux.resize(120, 40);
        tmux.type("clear; stty size");
        tmux.enter();
        tmux.awaitScreen("stty size 40 120 after the resize", Tmux.line("40 120"));

        // raw mode: Ctrl-C reaches the remote shell (a local SIGINT would end javamiko)
        tmux.type("sleep 60");
        tmux.enter();
        tmux.press("C-c");
        tmux.type("echo still-here");
        tmux.enter();
        tmux.awaitScreen("the shell alive after Ctrl-C", Tmux.line("still-here"));

        tmux.enter();
        tmux.type("~.");
        assertThat(Tmux.awaitLine(status)).as("javamiko's status after ~.").isEqualTo("255");
    }

    @Test
    void theShellsExitStatusIsJavamikos() throws Exception {
        Path status = dir.resolve("status");
        tmux.start(80, 24, Cli.processCommand("shell", "-F", config.toString(), "target") + "; echo $? > " + status);
        tmux.type("PS1='READY> '");
        tmux.enter();
        tmux.awaitScreen("the remote prompt", text -> text.lines().anyMatch(l -> l.startsWith("READY>")));
        tmux.type("exit 3");
        tmux.enter();
        assertThat(Tmux.awaitLine(status)).isEqualTo("3");
    }

    @Test
    void aProgressBarIsDrawnOnATerminal() throws Exception {
        byte[] data = new byte[8 * 1024 * 1024];
        new Random(5).nextBytes(data);
        Path file = Files.write(dir.resolve("payload.bin"), data);
        Path remote = Files.createDirectories(dir.resolve("remote"));
        String command = Cli.processCommand("sftp", "put", "-F", config.toString(), file.toString(), "target:" + remote);
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
        Path status = dir.resolve("status");
        tmux.start(90, 20, Cli.processCommand("exec", "-t", "-F", config.toString(), "target", "--", "stty size; tty; exit 4")
                + "; echo $? > " + status + "; sleep 60");
        tmux.awaitScreen("stty size 20 90", Tmux.line("20 90"));
        tmux.awaitScreen("a pty", text -> text.contains("/dev/pts/"));
        assertThat(Tmux.awaitLine(status)).isEqualTo("4");
    }

    @Test
    void minusVLogsTheConnectionAtDebugInANewProcess() throws Exception {
        ExternalCommand.Result r = ExternalCommand.of("sh", "-c", Cli.processCommand("exec", "-v", "-F", config.toString(), "target",
                "--", "echo", "hi") + " </dev/null").timeout(Duration.ofSeconds(60)).run();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("hi\n");
        assertThat(r.stderr()).contains("DEBUG");
        ExternalCommand.Result quiet = ExternalCommand.of("sh", "-c", Cli.processCommand("exec", "-F", config.toString(), "target",
                "--", "echo", "hi") + " </dev/null").timeout(Duration.ofSeconds(60)).run();
        assertThat(quiet.stderr()).doesNotContain("DEBUG");
    }
}
