package org.javamiko.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.javamiko.AuthenticationException;
import org.javamiko.ConnectOptions;
import org.javamiko.SshClient;
import org.javamiko.keys.PKey;
import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.javamiko.testing.SshKeygen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Logins to OpenSSH sshd with keys and certificates that only a real ssh-agent holds. */
class AgentLoginOpenSshTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    Path dir;

    private SshAgentProcess agent;

    @BeforeEach
    void startAgent() throws IOException {
        agent = SshAgentProcess.start(dir);
    }

    @AfterEach
    void stopAgent() {
        agent.close();
    }

    private SshClient trustingClient() throws IOException {
        SshClient client = new SshClient();
        client.loadSystemHostKeys(sshd.writeKnownHosts(dir.resolve("known_hosts")));
        return client;
    }

    /** Options with no key of their own: only the agent at {@code socket} can log in. */
    private static ConnectOptions.Builder throughAgent(Path socket) {
        return ConnectOptions.builder().port(sshd.port()).username(sshd.user()).lookForKeys(false)
                .allowAgent(true).identityAgent(socket);
    }

    private static String fingerprint(Path privateKey) throws IOException {
        return PKey.fromPublicKeyLine(SshKeygen.publicKeyLine(privateKey)).fingerprint();
    }

    private static Path clientKey(SshKeygen.KeyType type) {
        KeySet keys = sshd.clientKeys();
        return switch (type) {
            case ED25519 -> keys.ed25519();
            case ECDSA_256 -> keys.ecdsa();
            case RSA_3072 -> keys.rsa();
            default -> throw new IllegalArgumentException(type.name());
        };
    }

    @ParameterizedTest
    @EnumSource(value = SshKeygen.KeyType.class, names = {"ED25519", "ECDSA_256", "RSA_3072"})
    void logsInWithAKeyOnlyTheAgentHolds(SshKeygen.KeyType type) throws IOException {
        Path key = clientKey(type);
        agent.add(key);
        try (SshClient client = trustingClient()) {
            client.connect(sshd.host(), throughAgent(agent.socket()).build());
            assertThat(client.run("echo via-agent").stdout()).isEqualTo("via-agent\n");
        }
        assertThat(sshd.log()).contains("Accepted publickey for " + sshd.user()).contains(fingerprint(key));
    }

    @Test
    void anAgentKeyIsQueriedBeforeTheAgentIsAskedToSign() throws IOException {
        Path key = clientKey(SshKeygen.KeyType.ED25519);
        agent.add(key);
        int logStart = sshd.log().length();
        try (SshClient client = trustingClient()) {
            client.connect(sshd.host(), throughAgent(agent.socket()).build());
        }
        // the agent may ask its user to confirm each signature: only a key the server accepts signs
        String line = PKey.fromPath(key).publicKeyLine();
        String log = sshd.log().substring(logStart);
        assertThat(log).contains("querying public key " + line).contains("attempting public key " + line);
        assertThat(log.indexOf("querying public key " + line)).isLessThan(log.indexOf("attempting public key " + line));
    }

    @Test
    void rsaThroughTheAgentSignsWithSha512() throws IOException {
        agent.add(sshd.clientKeys().rsa());
        try (SshClient client = trustingClient()) {
            client.connect(sshd.host(), throughAgent(agent.socket()).build());
        }
        assertThat(sshd.log()).contains("rsa-sha2-512").contains("Accepted publickey");
    }

    @ParameterizedTest
    @EnumSource(value = SshKeygen.KeyType.class, names = {"ED25519", "RSA_3072"})
    void logsInWithACertificateOnlyTheAgentHolds(SshKeygen.KeyType type) throws IOException {
        Path ca = SshKeygen.generate(SshKeygen.KeyType.ED25519, dir.resolve("user_ca"), "user-ca");
        sshd.trustUserCa(SshKeygen.publicKeyLine(ca));
        Path key = SshKeygen.generate(type, dir.resolve("certified"), "certified"); // not in authorized_keys
        ExternalCommand.of("ssh-keygen", "-q", "-s", ca.toString(), "-I", "agent-login-" + type, "-n", sshd.user(),
                SshKeygen.publicKeyFile(key).toString()).run().requireSuccess();
        agent.add(key); // the key and its certificate: the plain key alone is refused
        try (SshClient client = trustingClient()) {
            client.connect(sshd.host(), throughAgent(agent.socket()).build());
            assertThat(client.run("echo certified").stdout()).isEqualTo("certified\n");
        }
        assertThat(sshd.log()).contains("ID agent-login-" + type);
    }

    @Test
    void aKeyRestrictedToThisServerLogsIn() throws IOException {
        Path hostKeys = Files.write(dir.resolve("host_keys"),
                sshd.hostPublicKeys().stream().map(key -> sshd.host() + " " + key).toList());
        agent.sshAdd("-q", "-H", hostKeys.toString(), "-h", sshd.host(), sshd.clientKeys().ed25519().toString());
        try (SshClient client = trustingClient()) {
            client.connect(sshd.host(), throughAgent(agent.socket()).build());
            assertThat(client.getTransport().isAuthenticated()).isTrue();
        }
    }

    @Test
    void aKeyRestrictedToAnotherServerIsNotUsed() throws IOException {
        // ssh-add -h: the key may log in only to "elsewhere" (known by another host key). The agent
        // can keep it from this server only because we bind the connection to the session
        // (session-bind@openssh.com), as OpenSSH's ssh does.
        Path elsewhereKey = SshKeygen.generate(SshKeygen.KeyType.ED25519, dir.resolve("elsewhere_host"), "elsewhere");
        Path hostKeys = Files.writeString(dir.resolve("host_keys"),
                "elsewhere " + SshKeygen.publicKeyLine(elsewhereKey) + "\n");
        agent.sshAdd("-q", "-H", hostKeys.toString(), "-h", "elsewhere", sshd.clientKeys().ed25519().toString());
        try (SshClient client = trustingClient()) {
            assertThatThrownBy(() -> client.connect(sshd.host(), throughAgent(agent.socket()).build()))
                    .isInstanceOf(AuthenticationException.class); // sshd authorizes the key: only the agent said no
        }
    }

    @Test
    void aKeyTheAgentRefusesToSignWithMakesWayForTheNext() throws IOException {
        agent.sshAdd("-q", "-c", sshd.clientKeys().ed25519().toString()); // confirmation always declined here
        agent.add(sshd.clientKeys().ecdsa());
        int logStart = sshd.log().length();
        try (SshClient client = trustingClient()) {
            client.connect(sshd.host(), throughAgent(agent.socket()).build());
            assertThat(client.getTransport().isAuthenticated()).isTrue();
        }
        String log = sshd.log().substring(logStart);
        assertThat(log).as("the server would take the Ed25519 key").contains("Accepted key ED25519 "
                + fingerprint(sshd.clientKeys().ed25519()));
        assertThat(log).contains("Accepted publickey for " + sshd.user() + " from 127.0.0.1")
                .contains("ECDSA " + fingerprint(sshd.clientKeys().ecdsa()));
    }

    @Test
    void keyFilesAreTriedBeforeTheAgent() throws IOException {
        agent.add(sshd.clientKeys().ecdsa());
        try (SshClient client = trustingClient()) {
            client.connect(sshd.host(), throughAgent(agent.socket()).keyFilename(sshd.clientKeys().ed25519()).build());
        }
        String log = sshd.log();
        assertThat(log.substring(log.lastIndexOf("Accepted publickey"))).contains(fingerprint(sshd.clientKeys().ed25519()));
    }

    @Test
    void noAgentListeningStillLogsInWithAKeyFile() throws IOException {
        try (SshClient client = trustingClient()) {
            client.connect(sshd.host(), throughAgent(dir.resolve("nothing-listens.sock"))
                    .keyFilename(sshd.clientKeys().ed25519()).build());
            assertThat(client.run("echo file").stdout()).isEqualTo("file\n");
        }
    }

    @Test
    void anEmptyAgentStillLogsInWithAKeyFile() throws IOException {
        try (SshClient client = trustingClient()) {
            client.connect(sshd.host(), throughAgent(agent.socket()).keyFilename(sshd.clientKeys().rsa()).build());
            assertThat(client.getTransport().isAuthenticated()).isTrue();
        }
    }

    @Test
    void allowAgentFalseLeavesTheAgentsKeysAlone() throws IOException {
        agent.add(sshd.clientKeys().ed25519());
        try (SshClient client = trustingClient()) {
            assertThatThrownBy(() -> client.connect(sshd.host(), throughAgent(agent.socket()).allowAgent(false).build()))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("no credentials");
        }
    }

    @Test
    void anAgentKeyPassedAsPkeyLogsIn() throws IOException {
        agent.add(sshd.clientKeys().ed25519());
        try (Agent local = new Agent(agent.socket()); SshClient client = trustingClient()) {
            AgentKey key = local.getKeys().get(0);
            client.connect(sshd.host(), ConnectOptions.builder().port(sshd.port()).username(sshd.user())
                    .pkey(key).lookForKeys(false).allowAgent(false).build());
            assertThat(client.getTransport().isAuthenticated()).isTrue();
        }
    }

    @Test
    void theAgentConnectionIsClosedOnceLoggedIn() throws Exception {
        agent.add(sshd.clientKeys().ed25519());
        try (SshClient client = trustingClient()) {
            client.connect(sshd.host(), throughAgent(agent.socket()).build());
            assertThat(agent.awaitNoConnections()).as("the agent's connections closed").isTrue();
            assertThat(client.run("echo still-in").stdout()).isEqualTo("still-in\n");
        }
    }
}
