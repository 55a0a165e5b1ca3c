package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.javamiko.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library as a user's program meets it: its jar on the module path, and a module of the
 * user's own that {@code requires org.javamiko}. The programs in {@code examples/} (the repository
 * root) are that module: they are compiled here with {@code javac} against a jar made from the
 * library's classes, then each runs in its own JVM ({@code java --module-path ... -m ...}) against
 * OpenSSH sshd, with a home directory of its own holding {@code ~/.ssh/known_hosts} and the key.
 * So {@code module-info} is exercised (exports, requires, the FileSystemProvider service) and
 * the examples cannot rot.
 */
class ExamplesOnModulePathTest {
    private static final String MODULE = "org.javamiko.examples";
    private static final Duration RUN_LIMIT = Duration.ofSeconds(90);

    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @RegisterExtension
    static final OpenSshServer second = OpenSshServer.builder().freshHostKeys().build();

    @TempDir
    static Path work;

    private static Path modulePath;   // the compiled examples, the library jar and its dependencies
    private static Path home;         // user.home of the examples: .ssh/known_hosts and .ssh/id_ed25519

    @BeforeAll
    static void buildJarAndExamples() throws IOException {
        Path jar = work.resolve("mods").resolve("javamiko.jar");
        Files.createDirectories(jar.getParent());
        run("jar", "--create", "--file", jar.toString(), "-C", codeSource(SshClient.class).toString(), ".");
        for (Class<?> dependency : List.of(org.slf4j.Logger.class,
                org.bouncycastle.jce.provider.BouncyCastleProvider.class, org.slf4j.simple.SimpleLogger.class)) {
            Path from = codeSource(dependency);
            Files.copy(from, jar.getParent().resolve(from.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }

        Path classes = work.resolve("examples-classes");
        List<String> javac = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror",
                "--module-path", jar.getParent().toString(), "-d", classes.toString()));
        javac.addAll(sources(examplesDir()));
        run("javac", javac.toArray(String[]::new));
        modulePath = classes;

        home = work.resolve("home");
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        List<String> knownHosts = new ArrayList<>(sshd.knownHostsLines());
        knownHosts.addAll(second.knownHostsLines());
        Files.write(ssh.resolve("known_hosts"), knownHosts);
        Path key = Files.copy(KeySet.clientKeys().ed25519(), ssh.resolve("id_ed25519"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void theLibraryJarIsANamedModuleExportingOnlyTheApi() throws IOException {
        ExternalCommand.Result described = ExternalCommand.of(java(), "--module-path", mods().toString(),
                "--describe-module", "org.javamiko").run().requireSuccess();
        assertThat(described.stdout())
                .contains("exports org.javamiko\n", "exports org.javamiko.sftp\n", "exports org.javamiko.transport\n",
                        "requires org.slf4j transitive", "provides java.nio.file.spi.FileSystemProvider")
                .doesNotContain("exports org.javamiko.internal");
    }

    @Test
    void aModuleCannotReachTheInternalPackages() throws IOException {
        Path src = Files.createDirectories(work.resolve("probe/probe"));
        Files.writeString(src.getParent().resolve("module-info.java"), "module probe { requires org.javamiko; }\n");
        Files.writeString(src.resolve("Probe.java"),
                "package probe;\npublic class Probe { org.javamiko.internal.wire.SshBuffer b; }\n");
        ToolResult result = tool("javac", "--release", "17", "--module-path", mods().toString(),
                "-d", work.resolve("probe-classes").toString(),
                src.getParent().resolve("module-info.java").toString(), src.resolve("Probe.java").toString());
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("org.javamiko.internal.wire").contains("not visible");
    }

    @Test
    void runCommand() throws IOException {
        ExternalCommand.Result r = example(Map.of(), "RunCommand", target(sshd), "echo", "hello from the module path");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).isEqualTo("hello from the module path\nhello from the module path\n"
                + "[streamed 27 bytes, exit status 0]\n");
    }

    @Test
    void runCommandExitsWithTheRemoteStatus() throws IOException {
        ExternalCommand.Result r = example(Map.of(), "RunCommand", target(sshd), "exit 3");
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(3);
    }

    @Test
    void copyTree(@TempDir Path local, @TempDir Path remote) throws IOException {
        Files.writeString(local.resolve("a.txt"), "alpha\n");
        Files.createDirectories(local.resolve("sub/deeper"));
        Files.write(local.resolve("sub/b.bin"), new byte[100_000]);
        Files.writeString(local.resolve("sub/deeper/c.txt"), "gamma\n");

        ExternalCommand.Result r = example(Map.of(), "CopyTree", local.toString(), target(sshd), remote.toString());

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).isEqualTo("copied 3 files, 100012 bytes to " + remote + "\n");
        // sshd runs on this machine as this user: the "remote" side is a local directory
        assertThat(Files.readString(remote.resolve("a.txt"))).isEqualTo("alpha\n");
        assertThat(Files.size(remote.resolve("sub/b.bin"))).isEqualTo(100_000);
        assertThat(Files.readString(remote.resolve("sub/deeper/c.txt"))).isEqualTo("gamma\n");
    }

    @Test
    void jumpHost() throws IOException {
        ExternalCommand.Result r = example(Map.of(), "JumpHost", target(sshd), target(second),
                "echo", "behind the jump host");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).isEqualTo("behind the jump host\n");
    }

    @Test
    void agentLogin(@TempDir Path agentDir) throws IOException, InterruptedException {
        Path socket = agentDir.resolve("agent.sock");
        Process agent;
        try {
            agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw TestEnvironment.unmet("ssh-agent cannot be started (install openssh-client): " + e.getMessage());
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(socket)) {
                assertThat(agent.isAlive()).as("ssh-agent is running").isTrue();
                assertThat(System.nanoTime()).as("ssh-agent made its socket within 10 s").isLessThan(deadline);
                Thread.sleep(10);
            }
            Path key = KeySet.clientKeys().ed25519();
            ExternalCommand.of("ssh-add", "-q", key.toString()).env("SSH_AUTH_SOCK", socket.toString())
                    .env("DISPLAY", "").env("SSH_ASKPASS", "").timeout(Duration.ofSeconds(20)).run().requireSuccess();
            String fingerprint = ExternalCommand.of("ssh-keygen", "-lf", key.toString()).run().requireSuccess()
                    .stdout().split(" ")[1];

            // a home of its own without id_* files: only the agent can log in
            Path agentHome = agentDir.resolve("home");
            Files.createDirectories(agentHome.resolve(".ssh"));
            Files.copy(home.resolve(".ssh/known_hosts"), agentHome.resolve(".ssh/known_hosts"));
            ExternalCommand.Result r = example(agentHome, Map.of("SSH_AUTH_SOCK", socket.toString()),
                    "AgentLogin", target(sshd), "echo", "signed by the agent");

            assertThat(r.exitCode()).as(r.describe()).isZero();
            // the fingerprint as ssh-keygen -l prints it
            assertThat(r.stdout()).isEqualTo("agent key: ssh-ed25519 " + fingerprint + "\nsigned by the agent\n");
        } finally {
            agent.destroy();
            if (!agent.waitFor(5, TimeUnit.SECONDS)) {
                agent.destroyForcibly();
            }
        }
    }

    @Test
    void walkRemoteTree(@TempDir Path remote) throws IOException {
        Files.createDirectories(remote.resolve("logs/old"));
        Files.writeString(remote.resolve("logs/app.log"), "12345");
        Files.writeString(remote.resolve("logs/old/app.log.1"), "1234567890");
        Files.writeString(remote.resolve("README"), "x");

        ExternalCommand.Result r = example(Map.of(), "WalkRemoteTree", target(sshd), remote.toString());

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).isEqualTo(String.join("\n",
                "dir  ./",
                "file README 1",
                "dir  logs/",
                "file logs/app.log 5",
                "dir  logs/old/",
                "file logs/old/app.log.1 10",
                "total 16 bytes", ""));
    }

    // ------------------------------------------------------------------ helpers

    private static String target(OpenSshServer server) {
        return server.user() + "@" + server.host() + ":" + server.port();
    }

    private static ExternalCommand.Result example(Map<String, String> env, String main, String... args)
            throws IOException {
        return example(home, env, main, args);
    }

    /**
     * Runs one example in a JVM of its own, with its own home and no agent unless {@code env}
     * names one (the developer's SSH_AUTH_SOCK must not log the example in).
     */
    private static ExternalCommand.Result example(Path userHome, Map<String, String> env, String main, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-Duser.home=" + userHome,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "--module-path", modulePath + java.io.File.pathSeparator + mods(),
                "-m", MODULE + "/" + MODULE + "." + main));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, main, ".out");
        Path err = Files.createTempFile(work, main, ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("SSH_AUTH_SOCK");
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(main + " did not finish within " + RUN_LIMIT + ":\n" + Files.readString(out)
                        + Files.readString(err));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while " + main + " ran", e);
        }
        return new ExternalCommand.Result(command, process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Path mods() {
        return work.resolve("mods");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** examples/src at the repository root (tests run in javamiko-lib/). */
    private static Path examplesDir() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("examples/src");
        if (!Files.isRegularFile(dir.resolve("module-info.java"))) {
            throw new IllegalStateException("the examples are not at " + dir);
        }
        return dir;
    }

    private static List<String> sources(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted()
                    .collect(Collectors.toList());
        }
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record ToolResult(int exitCode, String output) {
    }

    /** Runs a JDK tool (jar, javac) in this JVM. */
    private static ToolResult tool(String name, String... args) {
        ToolProvider provider = ToolProvider.findFirst(name)
                .orElseThrow(() -> new IllegalStateException("this JDK has no " + name + " tool"));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            int code = provider.run(print, print, args);
            return new ToolResult(code, output.toString(StandardCharsets.UTF_8));
        }
    }

    private static void run(String name, String... args) {
        ToolResult result = tool(name, args);
        if (result.exitCode() != 0) {
            throw new UncheckedIOException(new IOException(name + " " + String.join(" ", args) + " failed:\n"
                    + result.output()));
        }
    }
}
