package org.javamiko.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.javamiko.keys.PKey;
import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.SshKeygen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our agent client against OpenSSH's real ssh-agent, its keys added by the real ssh-add. */
class AgentTest {
    private static final byte[] DATA = "data the agent signs".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    private static SshAgentProcess agentProcess;
    private static KeySet keys;
    private static Path certifiedKey;

    @BeforeAll
    static void startAgentWithKeysAndACertificate() throws IOException {
        agentProcess = SshAgentProcess.start(dir);
        keys = KeySet.clientKeys();
        for (Path key : keys.privateKeys()) {
            agentProcess.add(key);
        }
        Path ca = SshKeygen.generate(SshKeygen.KeyType.ED25519, dir.resolve("ca"), "test-ca");
        certifiedKey = SshKeygen.generate(SshKeygen.KeyType.ED25519, dir.resolve("certified"), "certified-key");
        ExternalCommand.of("ssh-keygen", "-q", "-s", ca.toString(), "-I", "agent-test-id", "-n", "alice",
                SshKeygen.publicKeyFile(certifiedKey).toString()).run().requireSuccess();
        agentProcess.add(certifiedKey); // ssh-add adds the key and the -cert.pub beside it
    }

    @AfterAll
    static void stopAgent() {
        if (agentProcess != null) {
            agentProcess.close();
        }
    }

    private static List<AgentKey> agentKeys(Agent agent) throws IOException {
        return agent.getKeys();
    }

    private static AgentKey keyFor(Agent agent, Path privateKey) throws IOException {
        PKey file = PKey.fromPublicKeyLine(SshKeygen.publicKeyLine(privateKey));
        return agentKeys(agent).stream().filter(k -> k.getCertificate() == null && k.equals(file)).findFirst()
                .orElseThrow();
    }

    @Test
    void listsEveryKeyAndTheCertificateInTheAgentsOrder() throws IOException {
        try (Agent agent = new Agent(agentProcess.socket())) {
            assertThat(agent.isConnected()).isTrue();
            List<String> expected = new java.util.ArrayList<>();
            for (Path key : keys.privateKeys()) {
                expected.add(PKey.fromPublicKeyLine(SshKeygen.publicKeyLine(key)).getName());
            }
            expected.addAll(List.of("ssh-ed25519", "ssh-ed25519-cert-v01@openssh.com"));
            assertThat(agentKeys(agent)).extracting(PKey::getName).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void fingerprintsAndCommentsMatchSshAddList() throws IOException {
        String listed = agentProcess.sshAdd("-l").stdout();
        try (Agent agent = new Agent(agentProcess.socket())) {
            for (AgentKey key : agentKeys(agent)) {
                assertThat(listed).contains(key.getBits() + " " + key.fingerprint() + " " + key.getComment());
            }
            assertThat(keyFor(agent, keys.ed25519()).getComment()).isEqualTo("client-ed25519");
        }
    }

    @Test
    void theCertificateReportsItsNameAlgorithmsAndContents() throws IOException {
        try (Agent agent = new Agent(agentProcess.socket())) {
            AgentKey cert = agentKeys(agent).stream().filter(k -> k.getCertificate() != null).findFirst().orElseThrow();
            assertThat(cert.getName()).isEqualTo("ssh-ed25519-cert-v01@openssh.com");
            assertThat(cert.getKeyType()).isEqualTo("ssh-ed25519");
            assertThat(cert.signatureAlgorithms()).containsExactly("ssh-ed25519-cert-v01@openssh.com");
            assertThat(cert.getCertificate().getKeyId()).isEqualTo("agent-test-id");
            assertThat(cert.getCertificate().getPrincipals()).containsExactly("alice");
            assertThat(cert.fingerprint())
                    .isEqualTo(PKey.fromPublicKeyLine(SshKeygen.publicKeyLine(certifiedKey)).fingerprint());
            assertThat(cert.asBytes()).isEqualTo(cert.getCertificate().getBlob());
        }
    }

    @Test
    void eachKeyTypeSignsAndTheKeyFileVerifies() throws IOException {
        try (Agent agent = new Agent(agentProcess.socket())) {
            for (Path privateKey : keys.privateKeys()) {
                AgentKey key = keyFor(agent, privateKey);
                PKey file = PKey.fromPath(privateKey);
                for (String algorithm : key.signatureAlgorithms()) {
                    byte[] signature = key.signSshData(DATA, algorithm);
                    assertThat(SshBuffer.wrap(signature).getStringUtf8()).isEqualTo(algorithm);
                    assertThat(file.verifySshSignature(DATA, signature)).as(algorithm).isTrue();
                    assertThat(file.verifySshSignature("other data".getBytes(StandardCharsets.UTF_8), signature))
                            .isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-sha2-256", "rsa-sha2-512"})
    void rsaSignsWithTheSha2AlgorithmAskedFor(String algorithm) throws IOException {
        try (Agent agent = new Agent(agentProcess.socket())) {
            AgentKey rsa = keyFor(agent, keys.rsa());
            byte[] signature = rsa.signSshData(DATA, algorithm);
            assertThat(SshBuffer.wrap(signature).getStringUtf8()).isEqualTo(algorithm);
            assertThat(rsa.verifySshSignature(DATA, signature)).isTrue();
        }
    }

    @Test
    void theCertificateSignsAsItsPlainAlgorithm() throws IOException {
        try (Agent agent = new Agent(agentProcess.socket())) {
            AgentKey cert = agentKeys(agent).stream().filter(k -> k.getCertificate() != null).findFirst().orElseThrow();
            byte[] signature = cert.signSshData(DATA, "ssh-ed25519-cert-v01@openssh.com");
            assertThat(SshBuffer.wrap(signature).getStringUtf8()).isEqualTo("ssh-ed25519");
            assertThat(PKey.fromPath(certifiedKey).verifySshSignature(DATA, signature)).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void sshKeygenVerifiesTheAgentsSignature(String type) throws Exception {
        Path privateKey = switch (type) {
            case "ed25519" -> keys.ed25519();
            case "ecdsa" -> keys.ecdsa();
            default -> keys.rsa();
        };
        Path message = Files.write(dir.resolve("message-" + type), DATA);
        try (Agent agent = new Agent(agentProcess.socket())) {
            AgentKey key = keyFor(agent, privateKey);
            String algorithm = key.signatureAlgorithms().get(0);
            Path signature = Files.writeString(dir.resolve("message-" + type + ".sig"), sshsig(key, algorithm, DATA));
            Path allowed = Files.writeString(dir.resolve("allowed-" + type), "signer " + key.publicKeyLine() + "\n");
            ExternalCommand.Result verified = ExternalCommand.of("sh", "-c", "ssh-keygen -Y verify -f " + allowed
                    + " -I signer -n file -s " + signature + " < " + message).run();
            assertThat(verified.exitCode()).as(verified.describe()).isZero();
            assertThat(verified.stdout()).contains("Good \"file\" signature for signer");
        }
    }

    /** OpenSSH's SSHSIG envelope (PROTOCOL.sshsig) around a signature made by the agent. */
    private static String sshsig(PKey key, String algorithm, byte[] message) throws Exception {
        byte[] magic = "SSHSIG".getBytes(StandardCharsets.US_ASCII);
        byte[] hash = MessageDigest.getInstance("SHA-512").digest(message);
        byte[] signed = new SshBuffer().putRaw(magic).putString("file").putString("").putString("sha512")
                .putString(hash).toByteArray();
        byte[] blob = new SshBuffer().putRaw(magic).putInt(1).putString(key.asBytes()).putString("file")
                .putString("").putString("sha512").putString(key.signSshData(signed, algorithm)).toByteArray();
        return "-----BEGIN SSH SIGNATURE-----\n" + Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(blob)
                + "\n-----END SSH SIGNATURE-----\n";
    }

    @Test
    void aKeyRemovedFromTheAgentCannotSign() throws IOException {
        Path removable = SshKeygen.generate(SshKeygen.KeyType.ED25519, dir.resolve("removable"), "removable");
        agentProcess.add(removable);
        try (Agent agent = new Agent(agentProcess.socket())) {
            AgentKey key = keyFor(agent, removable);
            agentProcess.sshAdd("-q", "-d", removable.toString());
            assertThatThrownBy(() -> key.signSshData(DATA, "ssh-ed25519"))
                    .isInstanceOf(SshException.class).hasMessageContaining("refused");
        }
    }

    @Test
    void aClosedAgentsKeysCannotSign() throws IOException {
        Agent agent = new Agent(agentProcess.socket());
        AgentKey key = keyFor(agent, keys.ed25519());
        agent.close();
        assertThatThrownBy(() -> key.signSshData(DATA, "ssh-ed25519"))
                .isInstanceOf(SshException.class).hasMessageContaining("closed");
    }

    @Test
    void anAgentKeyRefusesToSignWithAnotherTypesAlgorithm() throws IOException {
        try (Agent agent = new Agent(agentProcess.socket())) {
            AgentKey key = keyFor(agent, keys.ed25519());
            assertThatThrownBy(() -> key.signSshData(DATA, "rsa-sha2-512"))
                    .isInstanceOf(SshException.class).hasMessageContaining("cannot sign with rsa-sha2-512");
        }
    }

    @Test
    void anAgentKeyCannotBeWrittenToAFile() throws IOException {
        try (Agent agent = new Agent(agentProcess.socket())) {
            AgentKey key = keyFor(agent, keys.ed25519());
            assertThatThrownBy(() -> key.writePrivateKeyFile(dir.resolve("never"), null))
                    .isInstanceOf(SshException.class).hasMessageContaining("stays in the ssh-agent");
            assertThat(dir.resolve("never")).doesNotExist();
        }
    }

    @Test
    void aSocketWithNothingListeningGivesNoKeys() throws IOException {
        try (Agent agent = new Agent(dir.resolve("no-agent-here.sock"))) {
            assertThat(agent.isConnected()).isFalse();
            assertThat(agent.getKeys()).isEmpty();
        }
    }

    @Test
    void noSocketGivesNoKeys() throws IOException {
        try (Agent agent = new Agent((Path) null)) {
            assertThat(agent.isConnected()).isFalse();
            assertThat(agent.getKeys()).isEmpty();
        }
    }
}
