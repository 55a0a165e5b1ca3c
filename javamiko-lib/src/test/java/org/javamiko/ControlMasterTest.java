package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.javamiko.config.SshConfig;
import org.javamiko.testing.Connect;
import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ControlMaster} against a real OpenSSH master ({@code ssh -M -S path -N}) that the test
 * starts against the test sshd, and kills at the end. The master sends a session's environment
 * only where its own {@code SendEnv} allows, as for its own sessions.
 */
class ControlMasterTest {
    private static final long BOUND_SECONDS = 20;
    private static final Duration WAIT = Duration.ofSeconds(BOUND_SECONDS);

    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().option("AcceptEnv", "LANG").build();

    @TempDir
    static Path dir;

    static final List<Process> masters = new ArrayList<>();
    static Process master;
    static ControlMaster control;

    @BeforeAll
    static void startMaster() throws IOException {
        master = startMaster("cm");
        control = ControlMaster.at(dir.resolve("cm"));
    }

    @AfterAll
    static void killMasters() throws InterruptedException {
        for (Process p : masters) {
            p.destroy();
            if (!p.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    /** Starts {@code ssh -M -S dir/name -N} against the test sshd and waits until it answers. */
    private static Process startMaster(String name) throws IOException {
        Path knownHosts = sshd.writeKnownHosts(dir.resolve("known_hosts"));
        Path socket = dir.resolve(name);
        Process p = new ProcessBuilder("ssh", "-M", "-S", socket.toString(), "-N", "-F", "/dev/null",
                "-o", "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "IdentityAgent=none",
                "-o", "IdentitiesOnly=yes", "-o", "SendEnv=LANG", "-i", KeySet.clientKeys().ed25519().toString(),
                "-p", Integer.toString(sshd.port()), sshd.user() + "@" + sshd.host())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        masters.add(p);
        ControlMaster m = ControlMaster.at(socket);
        assertThat(within(() -> m.isAlive() || !p.isAlive())).isTrue();
        assertThat(m.isAlive()).as("the master answers; its log: %s", log(name)).isTrue();
        return p;
    }

    private static String log(String name) {
        try {
            return Files.readString(dir.resolve(name + ".log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void theAliveCheckGivesTheMastersPid() throws IOException {
        assertThat(control.pid()).isEqualTo(master.pid());
    }

    @Test
    void aCommandRunsThroughTheMastersConnection() throws IOException {
        long logins = logins();

        CommandResult r = control.run("echo out; echo err >&2; exit 3", ExecOptions.defaults());

        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("err\n");
        assertThat(r.exitStatus()).isEqualTo(3);
        assertThat(logins()).as("no new login").isEqualTo(logins);
    }

    @Test
    void thePtyAndTheEnvironmentReachTheCommand() throws IOException {
        CommandResult r = control.run("tty; echo $LANG", ExecOptions.builder().getPty(true)
                .environment(Map.of("LANG", "C.UTF-8")).build());

        assertThat(r.stdout()).startsWith("/dev/pts/").contains("C.UTF-8");
    }

    @Test
    void stdinReachesTheCommand() throws IOException {
        try (ControlMasterSession s = control.execCommand("cat", ExecOptions.builder().timeout(WAIT).build())) {
            s.stdin().write("through the master\n".getBytes(StandardCharsets.UTF_8));
            s.stdin().close();

            assertThat(new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("through the master\n");
            assertThat(s.exitStatus(WAIT)).isZero();
        }
    }

    @Test
    void aStdioForwardReachesTheDestination() throws IOException {
        try (ControlMasterSession s = control.openStdioForward("127.0.0.1", sshd.port())) {
            s.setTimeout(WAIT);
            assertThat(readLine(s.stdout())).startsWith("SSH-2.0-OpenSSH");
        }
    }

    @Test
    void aLocalForwardListensHere() throws IOException {
        int port = freePort();
        control.forwardLocal("127.0.0.1", port, "127.0.0.1", sshd.port());

        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) WAIT.toMillis());
            assertThat(readLine(socket.getInputStream())).startsWith("SSH-2.0-OpenSSH");
        }
    }

    @Test
    void terminateEndsTheMaster() throws IOException, InterruptedException {
        Process other = startMaster("cm-terminate");

        ControlMaster.at(dir.resolve("cm-terminate")).terminate();

        assertThat(other.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)).as("the master exited").isTrue();
    }

    @Test
    void stopListeningRemovesTheSocketButKeepsItsSessions() throws IOException {
        startMaster("cm-stop");
        ControlMaster stopping = ControlMaster.at(dir.resolve("cm-stop"));
        try (ControlMasterSession s = stopping.execCommand("cat", ExecOptions.builder().timeout(WAIT).build())) {
            stopping.stopListening();

            assertThat(within(() -> !Files.exists(stopping.path()))).as("the socket is gone").isTrue();
            assertThat(stopping.isAlive()).isFalse();
            s.stdin().write("still here\n".getBytes(StandardCharsets.UTF_8));
            s.stdin().close();
            assertThat(new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("still here\n");
        }
    }

    @Test
    void aPoolRunsThroughTheMasterAtItsControlPath() throws IOException {
        long logins = logins();
        try (SshClientPool pool = trustingPool()) {
            CommandResult r = pool.run(sshd.host(), poolOptions().controlPath(dir.resolve("cm")).build(), "echo via");

            assertThat(r.stdout()).isEqualTo("via\n");
            assertThat(pool.openConnections()).isZero();
        }
        assertThat(logins()).as("no new login").isEqualTo(logins);
    }

    @Test
    void aPoolFindsTheMasterThroughTheConfigsControlPath() throws IOException {
        SshConfig config = SshConfig.fromText("Host through-master\n    HostName " + sshd.host() + "\n    Port "
                + sshd.port() + "\n    ControlMaster auto\n    ControlPath " + dir.resolve("cm") + "\n");
        try (SshClientPool pool = trustingPool()) {
            CommandResult r = pool.run("through-master", poolOptions().sshConfig(config).build(), "echo via config",
                    ExecOptions.defaults());

            assertThat(r.stdout()).isEqualTo("via config\n");
            assertThat(pool.openConnections()).isZero();
        }
    }

    @Test
    void aPoolConnectsItselfWhenNoMasterAnswers() throws IOException {
        try (SshClientPool pool = trustingPool()) {
            CommandResult r = pool.run(sshd.host(), poolOptions().controlPath(dir.resolve("nothing-here")).build(),
                    "echo direct");

            assertThat(r.stdout()).isEqualTo("direct\n");
            assertThat(pool.openConnections()).isEqualTo(1);
        }
    }

    private static SshClientPool trustingPool() {
        Path knownHosts = sshd.writeKnownHosts(dir.resolve("known_hosts"));
        return SshClientPool.builder().clientSetup((host, client) -> client.loadSystemHostKeys(knownHosts)).build();
    }

    private static ConnectOptions.Builder poolOptions() {
        return Connect.withKey(sshd, KeySet.clientKeys().ed25519());
    }

    @Test
    void aSilentCommandsReadTimesOut() throws IOException {
        try (ControlMasterSession s = control.execCommand("sleep 30",
                ExecOptions.builder().timeout(Duration.ofMillis(300)).build())) {
            assertThatThrownBy(() -> s.stdout().read()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void withoutJunixsocketASessionNamesIt() throws Exception {
        Path probe = Files.writeString(dir.resolve("Probe.java"), "import java.nio.file.Path;\n"
                + "public class Probe { public static void main(String[] a) throws Exception {\n"
                + "  org.javamiko.ControlMaster m = org.javamiko.ControlMaster.at(Path.of(a[0]));\n"
                + "  System.out.println(\"alive \" + m.isAlive());\n"
                + "  try { m.run(\"true\", org.javamiko.ExecOptions.defaults()); }\n"
                + "  catch (org.javamiko.SshException e) { System.out.println(e.getMessage()); } } }\n");
        String classPath = String.join(File.pathSeparator, codeSource(SshClient.class),
                codeSource(org.slf4j.Logger.class), codeSource(org.bouncycastle.jce.provider.BouncyCastleProvider.class));

        ExternalCommand.Result r = ExternalCommand.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, probe.toString(), dir.resolve("cm").toString()).run();

        assertThat(r.stdout()).as(r.describe()).contains("alive true")
                .contains("needs junixsocket (com.kohlschutter.junixsocket:junixsocket-core");
    }

    private static String codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void noMasterIsNotAlive() {
        assertThat(ControlMaster.at(dir.resolve("nothing-here")).isAlive()).isFalse();
    }

    private static long logins() {
        return sshd.log().lines().filter(l -> l.contains("Accepted publickey")).count();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return line.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static boolean within(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }
}
