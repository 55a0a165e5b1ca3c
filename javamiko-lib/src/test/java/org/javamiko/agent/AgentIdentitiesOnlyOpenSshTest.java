package org.javamiko.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.javamiko.AuthenticationException;
import org.javamiko.ConnectOptions;
import org.javamiko.SshClient;
import org.javamiko.config.SshConfig;
import org.javamiko.keys.PKey;
import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * ssh_config's IdentitiesOnly and CertificateFile with a real ssh-agent, against OpenSSH sshd: the
 * agent signs for the identity files and certificates, and its other keys are not offered.
 */
class AgentIdentitiesOnlyOpenSshTest {
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

    private void connect(Path identityFile) throws IOException {
        connect("  IdentityFile " + identityFile + "\n");
    }

    private void connect(String identities) throws IOException {
        SshConfig config = SshConfig.fromText("Host box\n  HostName " + sshd.host() + "\n  Port " + sshd.port()
                + "\n  User " + sshd.user() + "\n" + identities + "  IdentitiesOnly yes\n"
                + "  IdentityAgent " + agent.socket() + "\n  UserKnownHostsFile "
                + sshd.writeKnownHosts(dir.resolve("known_hosts")) + "\n  GlobalKnownHostsFile none\n");
        try (SshClient client = new SshClient()) {
            client.connect("box", ConnectOptions.builder().sshConfig(config).build());
            assertThat(client.run("echo in").stdout()).isEqualTo("in\n");
        }
    }

    @Test
    void theAgentSignsForAnEncryptedIdentityFileItHolds() throws IOException {
        Path key = dir.resolve("id_locked");
        Files.copy(sshd.clientKeys().ed25519(), key);
        Files.copy(Path.of(sshd.clientKeys().ed25519() + ".pub"), Path.of(key + ".pub"));
        agent.add(key);
        ExternalCommand.of("ssh-keygen", "-q", "-p", "-P", "", "-N", "a passphrase not given", "-f", key.toString())
                .run().requireSuccess();

        connect(key); // no passphrase: only the agent's copy can sign
    }

    @Test
    void theAgentSignsForACertificateFileWhoseKeyOnlyItHolds() throws IOException {
        Path ca = dir.resolve("user_ca");
        ExternalCommand.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", ca.toString()).run().requireSuccess();
        sshd.trustUserCa(Files.readString(Path.of(ca + ".pub")).strip());
        Path key = dir.resolve("id_certified");
        ExternalCommand.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()).run().requireSuccess();
        ExternalCommand.of("ssh-keygen", "-q", "-s", ca.toString(), "-I", "agent-cert", "-n", sshd.user(),
                "-V", "-5m:+1h", Path.of(key + ".pub").toString()).run().requireSuccess();
        Path cert = Files.move(Path.of(key + "-cert.pub"), dir.resolve("elsewhere-cert.pub"));
        agent.add(key);
        Files.delete(key); // the private key is in the agent only, and the key is not authorized

        connect("  IdentityFile " + dir.resolve("id_none") + "\n  CertificateFile " + cert + "\n");

        assertThat(sshd.log()).contains("Accepted publickey").contains("ED25519-CERT");
    }

    @Test
    void theAgentsOtherKeysAreNotOffered() throws IOException {
        agent.add(sshd.clientKeys().ed25519()); // authorized, but not the identity file
        Path other = dir.resolve("id_unauthorized");
        ExternalCommand.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString()).run().requireSuccess();

        String agentKey = PKey.fromPublicKeyLine(Files.readString(Path.of(sshd.clientKeys().ed25519() + ".pub")))
                .fingerprint();

        assertThatThrownBy(() -> connect(other)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("publickey").hasMessageNotContaining(agentKey);
    }
}
