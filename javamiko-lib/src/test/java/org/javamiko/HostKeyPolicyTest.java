package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.javamiko.keys.PKey;
import org.javamiko.testing.Connect;
import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Host key checking exactly as paramiko's SSHClient does it, against a real sshd. */
class HostKeyPolicyTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    Path dir;

    private ConnectOptions options() {
        return Connect.withKey(sshd, KeySet.clientKeys().ed25519()).build();
    }

    private String knownName() {
        return "[" + sshd.host() + "]:" + sshd.port();
    }

    @Test
    void anUnknownHostIsRejectedByDefault() {
        try (SshClient client = new SshClient()) {
            assertThatThrownBy(() -> client.connect(sshd.host(), options()))
                    .isInstanceOf(SshException.class)
                    .hasMessageContaining(knownName())
                    .hasMessageContaining("not found in known_hosts");
            assertThat(client.getTransport()).isNull();
        }
    }

    @Test
    void autoAddPolicySavesTheKeySoSshKeygenFindsIt() throws IOException {
        Path knownHosts = dir.resolve("known_hosts");
        try (SshClient client = new SshClient()) {
            client.loadHostKeys(knownHosts);
            client.setMissingHostKeyPolicy(new AutoAddPolicy());
            client.connect(sshd.host(), options());
            assertThat(client.run("true").exitStatus()).isZero();
        }
        String found = ExternalCommand.of("ssh-keygen", "-F", knownName(), "-f", knownHosts.toString()).run().requireSuccess().stdout();
        assertThat(found).contains("ssh-ed25519");
        try (SshClient again = new SshClient()) {
            again.loadHostKeys(knownHosts);
            again.connect(sshd.host(), options());
            assertThat(again.getTransport().isAuthenticated()).isTrue();
        }
    }

    @Test
    void warningPolicyAcceptsWithoutSaving() throws IOException {
        try (SshClient client = new SshClient()) {
            client.setMissingHostKeyPolicy(new WarningPolicy());
            client.connect(sshd.host(), options());
            assertThat(client.getHostKeys().lookup(knownName())).isEmpty();
        }
    }

    @Test
    void aChangedHostKeyThrowsBadHostKeyException() throws IOException {
        PKey other = PKey.fromPublicKeyLine(Files.readString(KeySet.clientKeys().ed25519().resolveSibling(
                KeySet.clientKeys().ed25519().getFileName() + ".pub")));
        try (SshClient client = new SshClient()) {
            client.getHostKeys().add(knownName(), "ssh-ed25519", other);
            assertThatThrownBy(() -> client.connect(sshd.host(), options()))
                    .isInstanceOfSatisfying(BadHostKeyException.class, e -> {
                        assertThat(e.hostname()).isEqualTo(knownName());
                        assertThat(e.expectedKey()).isEqualTo(other);
                        assertThat(e.key().getName()).isEqualTo("ssh-ed25519");
                    });
        }
    }

    @Test
    void aHashedKnownHostsEntryIsMatched() throws IOException {
        Path knownHosts = dir.resolve("hashed_known_hosts");
        sshd.writeKnownHosts(knownHosts);
        ExternalCommand.of("ssh-keygen", "-H", "-f", knownHosts.toString()).run().requireSuccess();
        assertThat(Files.readString(knownHosts)).startsWith("|1|");
        try (SshClient client = new SshClient()) {
            client.loadSystemHostKeys(knownHosts);
            client.connect(sshd.host(), options());
            assertThat(client.run("echo ok").stdout()).isEqualTo("ok\n");
        }
    }

    @Test
    void aKeyKnownWithoutThePortIsAcceptedAsSshDoes() throws IOException {
        // ssh's "checking without port identifier": nothing is known for [host]:port, the key is for host
        try (SshClient client = new SshClient()) {
            client.getHostKeys().add(sshd.host(), "ssh-ed25519", PKey.fromPublicKeyLine(sshd.hostPublicKeys().get(0)));
            client.connect(sshd.host(), options());
            assertThat(client.getTransport().isAuthenticated()).isTrue();
        }
    }

    @Test
    void aKeyKnownForThePortWinsOverOneWithoutIt() throws IOException {
        PKey other = PKey.fromPublicKeyLine(Files.readString(KeySet.clientKeys().ed25519().resolveSibling(
                KeySet.clientKeys().ed25519().getFileName() + ".pub")));
        try (SshClient client = new SshClient()) {
            client.getHostKeys().add(knownName(), "ssh-ed25519", other);
            client.getHostKeys().add(sshd.host(), "ssh-ed25519", PKey.fromPublicKeyLine(sshd.hostPublicKeys().get(0)));
            assertThatThrownBy(() -> client.connect(sshd.host(), options()))
                    .isInstanceOfSatisfying(BadHostKeyException.class, e -> assertThat(e.expectedKey()).isEqualTo(other));
        }
    }
}
