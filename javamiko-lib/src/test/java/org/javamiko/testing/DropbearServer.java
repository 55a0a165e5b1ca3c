package org.javamiko.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private Dropbear server ({@code /usr/sbin/dropbear}, Debian's dropbear-bin) for one test
 * class: a second, small SSH server that many devices run.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DropbearServer dropbear = DropbearServer.builder().build();
 *
 * // log in as dropbear.user() with dropbear.password(), trusting dropbear.knownHostsLines()
 * }</pre>
 *
 * <p>What it runs: {@code dropbear -F -E -m -j -k -p 127.0.0.1:<free port> -r <dir>/host_ed25519
 * -P <dir>/dropbear.pid}, its stderr (the log) in {@code <dir>/dropbear.log}, with an Ed25519
 * host key made by {@code dropbearkey}.
 *
 * <p>Login is by password as {@link PamUser} ({@value PamUser#NAME}): Dropbear reads
 * authorized_keys only from the user's home directory, and the tests must not write to a real
 * home. Dropbear checks the password against {@code /etc/shadow}, so this needs root, as the PAM
 * fixture does (skipped when not root outside CI). Commands run as that user: what it should read
 * or write must be accessible to it (see {@link #sharedDirectory(Path)}).
 *
 * <p>If {@code /usr/sbin/dropbear} is missing, the class fails in CI and is skipped elsewhere.
 */
public final class DropbearServer implements SshTestServer, AutoCloseable, BeforeAllCallback, AfterAllCallback {
    /** Where Debian's dropbear-bin puts the server. */
    public static final Path DROPBEAR = Path.of("/usr/sbin/dropbear");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final int PORT_ATTEMPTS = 5;

    private final ClassScope scope = new ClassScope();
    private Path dir;
    private PamUser user;
    private String hostKeyLine;
    private Process process;
    private int port;
    private Thread killOnJvmExit;

    private DropbearServer() {
    }

    /** @return a builder (no variants yet) */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts Dropbear; called by JUnit before the first test of the class. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (scope.claim(context)) {
            start();
        }
    }

    /** Kills Dropbear; called by JUnit after the last test of the class. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (scope.release(context)) {
            close();
        }
    }

    private void start() {
        if (process != null) {
            return;
        }
        if (!Files.isExecutable(DROPBEAR)) {
            throw TestEnvironment.unmet(DROPBEAR + " is missing: install dropbear-bin "
                    + "(apt-get install dropbear-bin; .ci/run does this)");
        }
        user = PamUser.ensure();
        dir = TempDirs.create("javamiko-dropbear");
        try {
            Path key = dir.resolve("host_ed25519");
            ExternalCommand.Result made = ExternalCommand.of("dropbearkey", "-t", "ed25519", "-f", key.toString())
                    .run().requireSuccess();
            hostKeyLine = made.stdout().lines().filter(l -> l.startsWith("ssh-ed25519 ")).findFirst()
                    .map(l -> String.join(" ", List.of(l.split(" ")).subList(0, 2)))
                    .orElseThrow(() -> new IllegalStateException("no public key in dropbearkey's output:\n"
                            + made.describe()));
            for (int attempt = 1; ; attempt++) {
                port = freePort();
                process = launch(key);
                String outcome = awaitReady();
                if (outcome == null) {
                    break;
                }
                kill();
                if (!outcome.contains("in use") || attempt == PORT_ATTEMPTS) {
                    throw new IllegalStateException("dropbear did not start: " + outcome + "\nits log:\n" + log());
                }
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start dropbear in " + dir, e);
        }
        killOnJvmExit = new Thread(this::kill);
        Runtime.getRuntime().addShutdownHook(killOnJvmExit);
    }

    private Process launch(Path key) throws IOException {
        Files.deleteIfExists(logFile());
        return new ProcessBuilder(DROPBEAR.toString(), "-F", "-E", "-m", "-j", "-k",
                "-p", "127.0.0.1:" + port, "-r", key.toString(), "-P", dir.resolve("dropbear.pid").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
    }

    /** @return null when ready, else why not */
    private String awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return log().contains("Address already in use") ? "port in use" : "it exited";
            }
            if (SshdProcess.bannerArrives(port)) {
                return null;
            }
            try {
                process.waitFor(25, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return "no banner within " + READY_TIMEOUT;
    }

    private void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        process = null;
    }

    /** Kills Dropbear (by PID, with its session processes) and removes its directory. */
    @Override
    public void close() {
        kill();
        if (killOnJvmExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnJvmExit);
            } catch (IllegalStateException shuttingDown) {
                // called from the hook
            }
            killOnJvmExit = null;
        }
        if (dir != null) {
            TempDirs.deleteTree(dir);
            dir = null;
        }
    }

    /** {@inheritDoc} */
    @Override
    public String host() {
        return "127.0.0.1";
    }

    /** {@inheritDoc} */
    @Override
    public int port() {
        running();
        return port;
    }

    /** The account that logs in: {@value PamUser#NAME}. */
    @Override
    public String user() {
        running();
        return user.name();
    }

    /** The password of {@link #user()}. */
    public String password() {
        running();
        return user.password();
    }

    /** {@inheritDoc} One Ed25519 key. */
    @Override
    public List<String> hostPublicKeys() {
        running();
        return List.of(hostKeyLine);
    }

    /** Dropbear's log (its stderr) so far. */
    public String log() {
        try {
            return Files.exists(logFile()) ? Files.readString(logFile(), StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(cannot read the log: " + e + ")";
        }
    }

    /**
     * Makes {@code dir} (created if missing) owned by {@link #user()} and mode 0755, so that
     * commands run through this server may write there and the test may read it back.
     *
     * @return {@code dir}
     */
    public Path sharedDirectory(Path dir) throws IOException {
        running();
        Files.createDirectories(dir);
        Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user.name()));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private Path logFile() {
        return dir.resolve("dropbear.log");
    }

    private void running() {
        if (process == null) {
            throw new IllegalStateException("dropbear is not running: register the DropbearServer in a static "
                    + "@RegisterExtension field, or use DropbearServer.builder().start()");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** Settings for a {@link DropbearServer}. */
    public static final class Builder {
        private Builder() {
        }

        /** @return the server, to register with {@code @RegisterExtension} */
        public DropbearServer build() {
            return new DropbearServer();
        }

        /** @return a running server; the caller closes it */
        public DropbearServer start() {
            DropbearServer server = build();
            try {
                server.start();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        }
    }
}
