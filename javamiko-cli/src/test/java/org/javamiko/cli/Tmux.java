package org.javamiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.TestEnvironment;

/**
 * A private tmux server with one window, {@code jm}, for driving the command on a real terminal:
 * start a command, type into it (send-keys), read the screen (capture-pane). Every wait is bounded
 * by {@link #LIMIT}.
 */
final class Tmux implements AutoCloseable {
    static final Duration LIMIT = Duration.ofSeconds(40);
    private static final String WINDOW = "jm";

    private final Path socket;

    /** @param socket where the tmux server's socket goes (a test's temp dir) */
    Tmux(Path socket) {
        this.socket = socket;
    }

    /** Skips the test outside CI (fails it in CI) when tmux is not installed. */
    static void require() {
        if (!Files.isExecutable(Path.of("/usr/bin/tmux"))) {
            throw TestEnvironment.unmet("tmux is missing: apt-get install tmux (.ci/run does this)");
        }
    }

    /** Runs {@code sh -c shellCommand} in a new detached window of {@code columns} x {@code rows}. */
    void start(int columns, int rows, String shellCommand) throws IOException {
        require();
        ExternalCommand.Result started = run("new-session", "-d", "-s", WINDOW, "-x", String.valueOf(columns),
                "-y", String.valueOf(rows), "sh", "-c", shellCommand);
        assertThat(started.exitCode()).as(started.toString()).isZero();
    }

    ExternalCommand.Result run(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        command.addAll(List.of(args));
        return ExternalCommand.of(command).env("TERM", "xterm").timeout(Duration.ofSeconds(20)).run();
    }

    String screen() throws IOException {
        return run("capture-pane", "-p", "-t", WINDOW).stdout();
    }

    /** Polls the screen until {@code condition} holds, at most {@link #LIMIT}; returns it. */
    String awaitScreen(String what, Predicate<String> condition) throws Exception {
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

    /** A screen condition: some line, stripped, is {@code exact}. */
    static Predicate<String> line(String exact) {
        return text -> text.lines().anyMatch(l -> l.strip().equals(exact));
    }

    /** Types {@code text} literally. */
    void type(String text) throws IOException {
        assertThat(run("send-keys", "-t", WINDOW, "-l", text).exitCode()).isZero();
    }

    /** Presses keys by tmux's names ({@code Enter}, {@code C-c}, ...). */
    void press(String... keys) throws IOException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", WINDOW));
        args.addAll(List.of(keys));
        assertThat(run(args.toArray(String[]::new)).exitCode()).isZero();
    }

    void enter() throws IOException {
        press("Enter");
    }

    void resize(int columns, int rows) throws IOException {
        assertThat(run("resize-window", "-t", WINDOW, "-x", String.valueOf(columns), "-y", String.valueOf(rows))
                .exitCode()).isZero();
    }

    /**
     * Waits, at most {@link #LIMIT}, for {@code file} to hold a line (a shell's {@code echo $? > file}
     * creates it before it writes) and returns that line.
     */
    static String awaitLine(Path file) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!(Files.exists(file) && Files.readString(file).endsWith("\n")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(file).as("%s written within %s", file, LIMIT).exists();
        return Files.readString(file).strip();
    }

    /** Ends the tmux server, if it was started. */
    @Override
    public void close() throws IOException {
        if (Files.exists(socket)) {
            run("kill-server");
        }
    }
}
