package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.javamiko.config.SshConfig;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** connect(alias) with an ssh_config, against OpenSSH sshd: the alias is resolved as `ssh alias` would. */
class SshConfigConnectTest {
    @RegisterExtension
    static final OpenSshServer server = OpenSshServer.builder().build();

    @TempDir
    Path dir;

    private SshConfig configFor(Path knownHosts, String strict) {
        return SshConfig.fromText("Host box\n  HostName " + server.host() + "\n  Port " + server.port() + "\n  User "
                + server.user() + "\n  IdentityFile " + KeySet.clientKeys().ed25519() + "\n  IdentityFile "
                + dir.resolve("missing_key") + "\n  IdentityAgent none\n  IdentitiesOnly yes\n  UserKnownHostsFile "
                + knownHosts + "\n  GlobalKnownHostsFile none\n  StrictHostKeyChecking " + strict + "\n");
    }

    @Test
    void connectsToTheAliasWithTheConfigsHostPortUserAndKey() throws IOException {
        Path knownHosts = server.writeKnownHosts(dir.resolve("known_hosts"));
        try (SshClient client = new SshClient()) {
            client.connect("box", ConnectOptions.builder().sshConfig(configFor(knownHosts, "yes")).build());

            assertThat(client.run("echo via config").stdout()).isEqualTo("via config\n");
        }
    }

    @Test
    void strictHostKeyCheckingYesRefusesAnUnknownHost() {
        Path knownHosts = dir.resolve("empty_known_hosts");
        try (SshClient client = new SshClient()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.connect("box",
                    ConnectOptions.builder().sshConfig(configFor(knownHosts, "yes")).build()))
                    .isInstanceOf(SshException.class);
        }
    }

    @Test
    void acceptNewSavesTheKeyToTheFirstUserKnownHostsFile() throws IOException {
        Path knownHosts = dir.resolve("new_known_hosts");
        try (SshClient client = new SshClient()) {
            client.connect("box", ConnectOptions.builder().sshConfig(configFor(knownHosts, "accept-new")).build());
        }
        assertThat(Files.readString(knownHosts)).contains("[" + server.host() + "]:" + server.port());
    }

    @Test
    void aPortSetOnTheBuilderWinsOverTheConfigs() {
        Path knownHosts = server.writeKnownHosts(dir.resolve("known_hosts"));
        int closedPort = server.port() == 1 ? 2 : 1;
        try (SshClient client = new SshClient()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.connect("box", ConnectOptions.builder()
                    .sshConfig(configFor(knownHosts, "yes")).port(closedPort).build()))
                    .isInstanceOf(NoValidConnectionsException.class);
        }
    }
}
