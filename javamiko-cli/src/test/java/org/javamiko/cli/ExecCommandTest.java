package org.javamiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code javamiko exec} against a private OpenSSH sshd: output, stdin, exit codes, errors. */
class ExecCommandTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void writeConfig() {
        config = Cli.config(sshd, dir);
    }

    @Test
    void printsStdoutAndStderrAndReturnsTheRemoteStatus() {
        Cli.Result r = Cli.run("exec", "-F", config.toString(), "target", "--", "echo", "out;", "echo err >&2;", "exit 7");
        assertThat(r.status()).as(r.toString()).isEqualTo(7);
        assertThat(r.out()).isEqualTo("out\n");
        assertThat(r.err()).isEqualTo("err\n");
    }

    @Test
    void forwardsStdinWhenItIsNotATerminal() {
        Cli.Result r = Cli.runWithInput("line one\nline two\n", "exec", "-F", config.toString(), "target", "tr a-z A-Z");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("LINE ONE\nLINE TWO\n");
    }

    @Test
    void aTerminalOnStdinIsNotForwardedSoTheCommandGetsEndOfFile() {
        Cli.Result r = Cli.run("exec", "-F", config.toString(), "target", "cat; echo done");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("done\n");
    }

    @Test
    void commandLineOptionsAsSshWithoutAConfigFile() throws Exception {
        Path knownHosts = sshd.writeKnownHosts(dir.resolve("kh"));
        Cli.Result r = Cli.run("exec", "-F", "none", "-p", String.valueOf(sshd.port()), "-l", sshd.user(),
                "-i", sshd.clientKeys().ed25519().toString(), "-o", "IdentityAgent=none",
                "-o", "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=none",
                sshd.host(), "echo", "hello");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("hello\n");
    }

    @Test
    void anUnknownHostIsRefusedWith255AndOneLine() throws Exception {
        Files.writeString(dir.resolve("known_hosts"), "");
        Cli.Result r = Cli.run("exec", "-F", config.toString(), "target", "true");
        assertThat(r.status()).isEqualTo(255);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("javamiko: Host key verification failed").doesNotContain("\n")
                .doesNotContain("Exception");
    }

    @Test
    void acceptNewFromMinusOSavesTheKey() throws Exception {
        Files.writeString(dir.resolve("known_hosts"), "");
        Cli.Result r = Cli.run("exec", "-F", config.toString(), "-o", "StrictHostKeyChecking=accept-new", "target", "true");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(Files.readString(dir.resolve("known_hosts"))).contains("[127.0.0.1]:" + sshd.port());
    }

    @Test
    void aRefusedLoginIs255WithPermissionDenied() {
        Cli.Result r = Cli.run("exec", "-F", config.toString(), "-l", "nobody-here", "target", "true");
        assertThat(r.status()).isEqualTo(255);
        assertThat(r.err()).startsWith("javamiko: nobody-here@target: Permission denied").doesNotContain("\tat ");
        assertThat(r.err().strip()).doesNotContain("\n");
    }

    @Test
    void aClosedPortIs255ConnectionRefused() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Cli.Result r = Cli.run("exec", "-F", "none", "-p", String.valueOf(closed), "127.0.0.1", "true");
        assertThat(r.status()).isEqualTo(255);
        assertThat(r.err().strip()).isEqualTo("javamiko: connect to host 127.0.0.1 port " + closed + ": Connection refused");
    }

    @Test
    void verboseAddsTheStackTrace() throws Exception {
        Files.writeString(dir.resolve("known_hosts"), "");
        Cli.Result r = Cli.run("exec", "-v", "-F", config.toString(), "target", "true");
        assertThat(r.status()).isEqualTo(255);
        assertThat(r.err()).contains("\tat ");
    }

    @Test
    void usageErrorsAre2() {
        Cli.Result r = Cli.run("exec", "-F", config.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Usage: javamiko exec");
    }

    @Test
    void minusJGoesThroughAJumpHost() {
        Cli.Result r = Cli.run("exec", "-F", config.toString(), "-J", "target", "target2", "--", "echo", "via-jump");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("via-jump\n");
        assertThat(sshd.log()).contains("direct-tcpip");
    }

    @Test
    void logsInWithTheAgentsKey() throws Exception {
        Path socket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!Files.exists(socket) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            org.javamiko.testing.ExternalCommand.Result added = org.javamiko.testing.ExternalCommand.of("ssh-add",
                    sshd.clientKeys().rsa().toString()).env("SSH_AUTH_SOCK", socket.toString()).run();
            assertThat(added.exitCode()).as(added.toString()).isZero();
            Path agentConfig = dir.resolve("agent_config");
            Files.write(agentConfig, java.util.List.of("Host viaagent", "  HostName " + sshd.host(),
                    "  Port " + sshd.port(), "  User " + sshd.user(), "  IdentityAgent " + socket,
                    "  IdentityFile " + dir.resolve("no-such-key"),
                    "  UserKnownHostsFile " + sshd.writeKnownHosts(dir.resolve("kh-agent")),
                    "  GlobalKnownHostsFile none"));
            Cli.Result r = Cli.run("exec", "-F", agentConfig.toString(), "viaagent", "echo", "agent-ok");
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.out()).isEqualTo("agent-ok\n");
            assertThat(sshd.log()).containsPattern("Accepted publickey for \\S+ from .* RSA SHA256");
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    @Test
    void outputIsStreamedWhileTheCommandRuns() throws Exception {
        Path flag = dir.resolve("flag");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Io io = new Io(new java.io.ByteArrayInputStream(new byte[0]),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), System.err, true, false,
                java.util.Map.of());
        java.util.concurrent.CompletableFuture<Integer> status = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Main.run(io, "exec", "-F", config.toString(), "target", "--",
                        "echo first; while [ ! -e " + flag + " ]; do sleep 0.05; done; echo second"));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("first") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).as("the first line before the command ends")
                .isEqualTo("first\n");
        assertThat(status).isNotDone();
        Files.createFile(flag);
        assertThat(status.get(30, java.util.concurrent.TimeUnit.SECONDS)).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("first\nsecond\n");
    }

    @Test
    void withoutMinusFTheUsersAndTheSystemsConfigAreRead() throws Exception {
        Path knownHosts = sshd.writeKnownHosts(dir.resolve("kh-default"));
        // the -o lines come first, so they win over whatever ~/.ssh/config and /etc/ssh/ssh_config say
        Cli.Result r = Cli.run("exec", "-o", "IdentityFile=" + sshd.clientKeys().ed25519(), "-o", "IdentitiesOnly=yes",
                "-o", "IdentityAgent=none", "-o", "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=none",
                "-o", "ProxyJump=none", "-o", "ProxyCommand=none", "-p", String.valueOf(sshd.port()), "-l", sshd.user(),
                sshd.host(), "echo", "default-config");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("default-config\n");
    }

    @Test
    void aMissingConfigFileIs255() {
        Cli.Result r = Cli.run("exec", "-F", dir.resolve("missing").toString(), "target", "true");
        assertThat(r.status()).isEqualTo(255);
        assertThat(r.err().strip()).isEqualTo("javamiko: Can't open user config file " + dir.resolve("missing")
                + ": No such file or directory");
    }
}
