package org.javamiko.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.TestEnvironment;

/**
 * A private OpenSSH {@code ssh-agent} ({@code ssh-agent -D -a <socket>}) for a test: the real
 * agent our client must get along with. Keys go in with the real {@code ssh-add}. Close it
 * (try-with-resources) to kill it by its PID. Its confirmation prompts ({@code ssh-add -c} keys)
 * are always declined.
 */
final class SshAgentProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 10;

    private final Process process;
    private final Path socket;

    private SshAgentProcess(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
    }

    /**
     * Starts an agent listening on {@code <dir>/agent.sock} and waits (bounded) until the socket
     * exists.
     */
    static SshAgentProcess start(Path dir) throws IOException {
        Path socket = dir.resolve("agent.sock");
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            // a key added with ssh-add -c asks the user through askpass: make that a quick "no"
            builder.environment().put("SSH_ASKPASS", "/bin/false");
            builder.environment().put("SSH_ASKPASS_REQUIRE", "force");
            process = builder.start();
        } catch (IOException e) {
            throw TestEnvironment.unmet("ssh-agent cannot be started (install openssh-client): " + e.getMessage());
        }
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!Files.exists(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("ssh-agent did not create " + socket + " within " + READY_TIMEOUT);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IOException("interrupted while starting ssh-agent", e);
            }
        }
        return new SshAgentProcess(process, socket);
    }

    /** @return the agent's socket, the value {@code SSH_AUTH_SOCK} would have */
    Path socket() {
        return socket;
    }

    /** Runs {@code ssh-add} against this agent with the given arguments and requires success. */
    ExternalCommand.Result sshAdd(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("ssh-add"));
        command.addAll(List.of(args));
        return ExternalCommand.of(command).env("SSH_AUTH_SOCK", socket.toString()).env("DISPLAY", "")
                .env("SSH_ASKPASS", "").timeout(Duration.ofSeconds(20)).run().requireSuccess();
    }

    /** Adds a private key file (and its {@code -cert.pub} when one lies beside it). */
    void add(Path privateKey) throws IOException {
        sshAdd("-q", privateKey.toString());
    }

    /**
     * Counts the client connections the agent holds open: its socket descriptors other than the
     * listening one (Linux {@code /proc/<pid>/fd}).
     */
    long openConnections() throws IOException {
        try (var fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
            return fds.filter(SshAgentProcess::isSocket).count() - 1;
        }
    }

    /**
     * Waits (at most 10 s) until the agent holds no client connection: it notices a closed
     * connection only after we close it.
     *
     * @return true when none is left
     */
    boolean awaitNoConnections() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (openConnections() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    private static boolean isSocket(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException e) {
            return false; // closed while we looked
        }
    }

    /** Kills the agent and waits (bounded) for it to go. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
