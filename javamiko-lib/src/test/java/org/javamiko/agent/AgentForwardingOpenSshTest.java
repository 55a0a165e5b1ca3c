package org.javamiko.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.javamiko.CommandResult;
import org.javamiko.ConnectOptions;
import org.javamiko.ExecOptions;
import org.javamiko.SshClient;
import org.javamiko.SshException;
import org.javamiko.keys.PKey;
import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.OpenSshServer;
import org.javamiko.testing.SshKeygen;
import org.javamiko.testing.SshTestServer;
import org.javamiko.transport.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agent forwarding to OpenSSH sshd: commands on the server reach the local ssh-agent through
 * the {@code auth-agent@openssh.com} channels sshd opens back to us.
 */
class AgentForwardingOpenSshTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    Path dir;

    private SshAgentProcess agent;

    @BeforeEach
    void startAgentWithAKey() throws IOException {
        agent = SshAgentProcess.start(dir);
        agent.add(sshd.clientKeys().ecdsa());
    }

    @AfterEach
    void stopAgent() {
        agent.close();
    }

    /** A client logged in with a key file, the agent not used for the login itself. */
    private SshClient connected(SshTestServer server) throws IOException {
        SshClient client = new SshClient();
        client.loadSystemHostKeys(server.writeKnownHosts(dir.resolve("known_hosts_" + server.port())));
        client.connect(server.host(), ConnectOptions.builder().port(server.port()).username(server.user())
                .keyFilename(sshd.clientKeys().ed25519()).lookForKeys(false).allowAgent(false).build());
        return client;
    }

    /** Runs a command on a new session channel, forwarding the agent at {@code socket} first unless null. */
    private CommandResult run(SshClient client, String command, Path socket) throws IOException {
        try (Channel channel = client.getTransport().openSession()) {
            if (socket != null) {
                channel.requestForwardAgent(socket);
            }
            channel.execCommand(command);
            channel.shutdownWrite();
            channel.setTimeout(LIMIT);
            String out = new String(channel.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(channel.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            return new CommandResult(command, channel.recvExitStatus(LIMIT), out, err);
        }
    }

    private static String ecdsaFingerprint() throws IOException {
        return PKey.fromPublicKeyLine(SshKeygen.publicKeyLine(sshd.clientKeys().ecdsa())).fingerprint();
    }

    @Test
    void sshAddOnTheServerListsTheLocalAgentsKeys() throws IOException {
        try (SshClient client = connected(sshd)) {
            CommandResult listed = run(client, "ssh-add -l", agent.socket());
            assertThat(listed.exitStatus()).as(listed.stderr()).isZero();
            assertThat(listed.stdout()).contains(ecdsaFingerprint()).contains("client-ecdsa").contains("(ECDSA)");
        }
    }

    @Test
    void eachAgentConnectionOfTheServerGetsItsOwnChannel() throws IOException {
        try (SshClient client = connected(sshd)) {
            CommandResult listed = run(client, "ssh-add -l && ssh-add -L && ssh-add -l", agent.socket());
            assertThat(listed.exitStatus()).as(listed.stderr()).isZero();
            assertThat(listed.stdout()).contains(SshKeygen.publicKeyLine(sshd.clientKeys().ecdsa()).split(" ")[1]);
            assertThat(listed.stdout().split(java.util.regex.Pattern.quote(ecdsaFingerprint()), -1)).hasSize(3);
        }
    }

    @Test
    void theServerSignsWithTheLocalAgentsKey() throws IOException {
        Path message = Files.writeString(dir.resolve("message"), "signed on the server, by the local agent");
        Path publicKey = SshKeygen.publicKeyFile(sshd.clientKeys().ecdsa());
        try (SshClient client = connected(sshd)) {
            CommandResult signed = run(client, "ssh-keygen -Y sign -f " + publicKey + " -n file " + message, agent.socket());
            assertThat(signed.exitStatus()).as(signed.stderr()).isZero();
        }
        Path allowed = Files.writeString(dir.resolve("allowed"), "signer " + SshKeygen.publicKeyLine(
                sshd.clientKeys().ecdsa()) + "\n");
        assertSshKeygenVerifies(allowed, message);
    }

    @Test
    void aKeyRestrictedToLoggingInHereIsHiddenFromTheServer() throws IOException {
        // ssh-add -h: the key may log in to this sshd from here, and nothing more, so the agent
        // must not offer it to the server; it can tell only because we bind the forwarded
        // connection to this session (session-bind@openssh.com), as OpenSSH's ssh does
        Path hostKeys = Files.write(dir.resolve("host_keys"),
                sshd.hostPublicKeys().stream().map(key -> sshd.host() + " " + key).toList());
        Path restricted = sshd.clientKeys().rsa();
        agent.sshAdd("-q", "-H", hostKeys.toString(), "-h", sshd.host(), restricted.toString());
        String restrictedFingerprint = PKey.fromPublicKeyLine(SshKeygen.publicKeyLine(restricted)).fingerprint();
        assertThat(agent.sshAdd("-l").stdout()).contains(restrictedFingerprint);
        try (SshClient client = connected(sshd)) {
            CommandResult listed = run(client, "ssh-add -l", agent.socket());
            assertThat(listed.exitStatus()).as(listed.stderr()).isZero();
            assertThat(listed.stdout()).contains(ecdsaFingerprint()).doesNotContain(restrictedFingerprint);
        }
    }

    @Test
    void withoutTheRequestTheServerHasNoAgent() throws IOException {
        try (SshClient client = connected(sshd)) {
            CommandResult listed = run(client, "ssh-add -l", null);
            assertThat(listed.exitStatus()).isEqualTo(2);
            assertThat(listed.stderr()).contains("Could not open a connection to your authentication agent");
        }
    }

    @Test
    void aLocalAgentGoneAwayFailsOnlyTheServersAgentConnection() throws IOException {
        try (SshClient client = connected(sshd)) {
            CommandResult listed = run(client, "ssh-add -l", dir.resolve("no-agent.sock"));
            // ssh-add reads the refusal (exit 1) or dies of SIGPIPE writing to the closed socket (-1);
            // exit 2 would mean sshd offered no agent at all
            assertThat(listed.exitStatus()).as(listed.stderr()).isIn(1, -1);
            assertThat(client.run("echo still-connected").stdout()).isEqualTo("still-connected\n");
        }
    }

    @Test
    void aServerThatDisallowsForwardingRefusesTheRequest() throws IOException {
        try (OpenSshServer noForwarding = OpenSshServer.builder().option("AllowAgentForwarding", "no").start();
             SshClient client = connected(noForwarding);
             Channel channel = client.getTransport().openSession()) {
            assertThatThrownBy(() -> channel.requestForwardAgent(agent.socket()))
                    .isInstanceOf(SshException.class).hasMessageContaining("auth-agent-req@openssh.com");
        }
    }

    /** Checks {@code message.sig}, an SSHSIG file, with ssh-keygen -Y verify. */
    private static void assertSshKeygenVerifies(Path allowedSigners, Path message) throws IOException {
        ExternalCommand.Result result = ExternalCommand.of("sh", "-c", "ssh-keygen -Y verify -f " + allowedSigners
                + " -I signer -n file -s " + message + ".sig < " + message).run();
        assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    @Test
    void execOptionsForwardAgentUsesTheAgentNamedAtConnect() throws IOException {
        try (SshClient client = new SshClient()) {
            client.loadSystemHostKeys(sshd.writeKnownHosts(dir.resolve("known_hosts_exec")));
            client.connect(sshd.host(), ConnectOptions.builder().port(sshd.port()).username(sshd.user())
                    .keyFilename(sshd.clientKeys().ed25519()).identityAgent(agent.socket()).lookForKeys(false)
                    .build());
            // Without first: once one session asks, sshd serves the agent socket to the whole connection.
            CommandResult without = client.run("ssh-add -l", ExecOptions.builder().timeout(LIMIT).build());
            CommandResult listed = client.run("ssh-add -l", ExecOptions.builder().forwardAgent(true).timeout(LIMIT).build());

            assertThat(listed.exitStatus()).isZero();
            assertThat(listed.stdout()).contains("ECDSA");
            assertThat(without.exitStatus()).isEqualTo(2);
        }
    }
}
