package org.javamiko.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One running {@code /usr/sbin/sshd -D -E log}: started on a free port, waited for until it answers
 * with its banner, and killed by its PID.
 *
 * <p>Finding a free port is a race (another process may take the port between our probe and
 * sshd's bind), so a start that fails with "Address already in use" is retried on a new port.
 */
final class SshdProcess {

    /** Where Debian (and the README) puts sshd; sshd refuses to start from a relative path. */
    static final Path SSHD = Path.of("/usr/sbin/sshd");

    private static final String LOOPBACK = "127.0.0.1";
    private static final int PORT_ATTEMPTS = 5;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(25);

    private final Process process;
    private final int port;
    private final Thread killOnJvmExit;

    private SshdProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        // A JVM that dies without running afterAll must not leave sshd listening behind it.
        this.killOnJvmExit = new Thread(this::kill);
        Runtime.getRuntime().addShutdownHook(killOnJvmExit);
    }

    /**
     * Starts sshd with {@code config} and the extra {@code -o} options, its log ({@code -E}) and
     * anything it prints going to {@code logFile}, {@code environment} added to this JVM's, and waits until it sends its banner.
     *
     * @throws IllegalStateException with the log when sshd exits or stays silent
     */
    static SshdProcess start(Path config, Map<String, String> options, Map<String, String> environment, Path logFile) {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Process process = launch(config, port, options, environment, logFile);
            Readiness readiness = awaitReady(process, port, logFile);
            if (readiness == Readiness.READY) {
                return new SshdProcess(process, port);
            }
            killTree(process);
            if (readiness != Readiness.PORT_TAKEN || attempt == PORT_ATTEMPTS) {
                throw new IllegalStateException("sshd did not start (" + readiness + "); command: "
                        + command(config, port, options, logFile) + "\nits log:\n" + readLog(logFile));
            }
        }
    }

    /** The port sshd listens on. */
    int port() {
        return port;
    }

    /** The PID of the sshd master process. */
    long pid() {
        return process.pid();
    }

    /** Kills sshd and the per-connection processes it forked, and waits for the master to exit. */
    void kill() {
        killTree(process);
        try {
            Runtime.getRuntime().removeShutdownHook(killOnJvmExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Called from the hook itself: nothing to remove.
        }
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static List<String> command(Path config, int port, Map<String, String> options, Path logFile) {
        // -E, not -e: with -e the session processes log to their stderr, which is the channel's
        // stderr, so debug lines would land in the output of every command a test runs.
        List<String> command = new ArrayList<>(List.of(
                SSHD.toString(), "-D", "-E", logFile.toString(), "-f", config.toString(), "-p", Integer.toString(port)));
        options.forEach((key, value) -> command.addAll(List.of("-o", key + "=" + value)));
        return command;
    }

    private static Process launch(Path config, int port, Map<String, String> options, Map<String, String> environment,
            Path logFile) {
        try {
            // A fresh log per attempt: an earlier attempt's "Address already in use" must not
            // be read as this one's.
            Files.deleteIfExists(logFile);
            ProcessBuilder builder = new ProcessBuilder(command(config, port, options, logFile));
            builder.environment().putAll(environment);
            return builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + SSHD, e);
        }
    }

    private enum Readiness { READY, PORT_TAKEN, EXITED, TIMED_OUT }

    /**
     * Polls until sshd logs that it listens on {@code port} and then answers there with an
     * {@code SSH-2.0-} banner. Both are needed: the log line proves that the port is ours (not
     * another server's that won the race), the banner that sshd accepts connections.
     */
    private static Readiness awaitReady(Process process, int port, Path logFile) {
        String listening = "Server listening on " + LOOPBACK + " port " + port + ".";
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return readLog(logFile).contains("Address already in use") ? Readiness.PORT_TAKEN : Readiness.EXITED;
            }
            if (readLog(logFile).contains(listening) && bannerArrives(port)) {
                return Readiness.READY;
            }
            try {
                process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Readiness.TIMED_OUT;
            }
        }
        return Readiness.TIMED_OUT;
    }

    /** Whether a connection to {@code port} receives an SSH-2.0 identification line. */
    static boolean bannerArrives(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 2_000);
            socket.setSoTimeout(5_000);
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String line = reader.readLine();
            return line != null && line.startsWith("SSH-2.0-");
        } catch (IOException e) {
            return false;
        }
    }

    /** Finds a port nobody listens on right now (the kernel's pick for port 0). */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + LOOPBACK, e);
        }
    }

    static String readLog(Path logFile) {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }
}
