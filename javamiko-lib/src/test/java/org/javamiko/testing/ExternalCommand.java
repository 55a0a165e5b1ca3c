package org.javamiko.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program (ssh-keygen, ssh, useradd, ...) to completion within a time limit and
 * returns its exit code and output.
 *
 * <p>Standard output and error go to temporary files rather than pipes, so a chatty program can
 * never block on a full pipe while we wait for it, and no pumping threads are needed.
 *
 * <pre>{@code
 * String hi = ExternalCommand.of("ssh", "-p", port, ..., "echo hi").run().requireSuccess().stdout();
 * }</pre>
 */
public final class ExternalCommand {

    /** How long a command may run unless {@link #timeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final List<String> command;
    private final Map<String, String> environment = new HashMap<>();
    private byte[] stdin = new byte[0];
    private Duration timeout = DEFAULT_TIMEOUT;

    private ExternalCommand(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** A command: the program (looked up on PATH unless absolute) and its arguments. */
    public static ExternalCommand of(String... command) {
        return new ExternalCommand(List.of(command));
    }

    /** A command: the program (looked up on PATH unless absolute) and its arguments. */
    public static ExternalCommand of(List<String> command) {
        return new ExternalCommand(command);
    }

    /** Sets an environment variable for the program (on top of this JVM's environment). */
    public ExternalCommand env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Bytes written to the program's standard input, which is then closed (default: none). */
    public ExternalCommand stdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** How long the program may run before it is killed and {@link #run()} fails. */
    public ExternalCommand timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /**
     * Runs the program and waits for it to exit.
     *
     * @throws IOException if it cannot be started (e.g. not installed) or does not exit in time
     */
    public Result run() throws IOException {
        Path outputDir = Files.createTempDirectory("javamiko-cmd");
        try {
            Path out = outputDir.resolve("stdout");
            Path err = outputDir.resolve("stderr");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            try (OutputStream toProcess = process.getOutputStream()) {
                toProcess.write(stdin);
            } catch (IOException e) {
                // The program exited without reading its input; its exit code tells the story.
            }
            if (!waitFor(process)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException(command + " did not finish within " + timeout
                        + "; output so far:\n" + Files.readString(out) + Files.readString(err));
            }
            return new Result(command, process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(outputDir.resolve("stdout"));
            Files.deleteIfExists(outputDir.resolve("stderr"));
            Files.deleteIfExists(outputDir);
        }
    }

    private boolean waitFor(Process process) throws IOException {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while waiting for " + command, e);
        }
    }

    /**
     * What a finished program left behind.
     *
     * @param command the program and its arguments
     * @param exitCode its exit code
     * @param stdout everything it wrote to standard output
     * @param stderr everything it wrote to standard error
     */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {

        /**
         * Returns this result if the program exited with 0.
         *
         * @throws UncheckedIOException naming the command, its exit code and its output otherwise
         */
        public Result requireSuccess() {
            if (exitCode != 0) {
                throw new UncheckedIOException(new IOException(describe()));
            }
            return this;
        }

        /** The command, its exit code and its output, for an assertion message. */
        public String describe() {
            List<String> lines = new ArrayList<>();
            lines.add(String.join(" ", command) + " exited with " + exitCode);
            lines.add("--- stdout ---");
            lines.add(stdout);
            lines.add("--- stderr ---");
            lines.add(stderr);
            return String.join("\n", lines);
        }
    }
}
