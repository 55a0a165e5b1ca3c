package org.javamiko.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.javamiko.keys.PKey;
import org.javamiko.testing.OpenSshServer;
import org.javamiko.testing.SshKeygen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code new Agent()} and {@link org.javamiko.SshClient}'s default {@code allowAgent(true)} read
 * {@code SSH_AUTH_SOCK}, which a JVM cannot change for itself: each case runs
 * {@link AgentFromEnvironmentMain} in a child JVM with the environment it needs.
 */
class AgentEnvironmentTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    Path dir;

    /** Runs the child JVM; {@code socket} null leaves SSH_AUTH_SOCK unset. */
    private String runChild(String socket, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), AgentFromEnvironmentMain.class.getName()));
        command.addAll(List.of(args));
        Path output = dir.resolve("child-output");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("SSH_AUTH_SOCK");
        if (socket != null) {
            builder.environment().put("SSH_AUTH_SOCK", socket);
        }
        Process child = builder.start();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new IOException("The child JVM did not finish within 60 s: " + Files.readString(output));
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(printed).isZero();
        return printed;
    }

    @Test
    void noSshAuthSockMeansNoKeys() throws Exception {
        assertThat(runChild(null)).isEqualTo("connected false\n");
    }

    @Test
    void anSshAuthSockWhereNothingListensMeansNoKeys() throws Exception {
        assertThat(runChild(dir.resolve("nobody-listens.sock").toString())).isEqualTo("connected false\n");
    }

    @Test
    void theAgentNamedBySshAuthSockListsItsKeysAndLogsInByDefault() throws Exception {
        try (SshAgentProcess agent = SshAgentProcess.start(dir)) {
            agent.add(sshd.clientKeys().ed25519());
            Path knownHosts = sshd.writeKnownHosts(dir.resolve("known_hosts"));
            String printed = runChild(agent.socket().toString(), Integer.toString(sshd.port()), sshd.user(),
                    knownHosts.toString());
            String fingerprint = PKey.fromPublicKeyLine(SshKeygen.publicKeyLine(sshd.clientKeys().ed25519()))
                    .fingerprint();
            assertThat(printed).isEqualTo("connected true\nkey " + fingerprint + "\nlogged-in-through-SSH_AUTH_SOCK\n");
        }
    }
}
