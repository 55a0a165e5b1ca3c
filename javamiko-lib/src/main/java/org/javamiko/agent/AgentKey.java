package org.javamiko.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.javamiko.SshException;
import org.javamiko.internal.agent.AgentProtocol;
import org.javamiko.keys.Certificate;
import org.javamiko.keys.PKey;

/**
 * A key held by an ssh-agent: its public half is here, its private half stays in the agent,
 * which signs on request. When the agent holds a certificate, the key speaks for it
 * ({@link #getName()} is e.g. {@code ssh-ed25519-cert-v01@openssh.com}), as a {@link PKey} with a
 * loaded certificate does.
 *
 * <p>Signing needs the {@link Agent} it came from to be open.
 */
public class AgentKey extends PKey {
    private final Agent agent;
    private final byte[] agentBlob;
    private final PKey publicKey;
    private final List<String> plainAlgorithms;

    /**
     * @param agent the agent that holds the key
     * @param blob the key or certificate blob, as the agent listed it
     * @param comment the agent's comment for the key
     * @throws SshException when the blob is malformed or of an unsupported type
     */
    AgentKey(Agent agent, byte[] blob, String comment) throws IOException {
        this.agent = agent;
        this.agentBlob = blob.clone();
        this.publicKey = PKey.fromBlob(blob);
        this.plainAlgorithms = publicKey.signatureAlgorithms().stream().map(Certificate::plainAlgorithm)
                .distinct().toList();
        Certificate certificate = publicKey.getCertificate();
        if (certificate != null) {
            setCertificate(certificate);
        }
        setComment(comment);
    }

    /** @return the agent's blob: the certificate when the agent holds one, else the key */
    @Override
    public byte[] asBytes() {
        return agentBlob.clone();
    }

    @Override
    public String getKeyType() {
        return publicKey.getKeyType();
    }

    @Override
    public int getBits() {
        return publicKey.getBits();
    }

    @Override
    public byte[] keyBlob() {
        return publicKey.keyBlob();
    }

    /** @return true: the agent signs (it may still refuse, e.g. when locked) */
    @Override
    public boolean canSign() {
        return true;
    }

    @Override
    public List<String> signatureAlgorithms() {
        return offeredAlgorithms(plainAlgorithms);
    }

    /**
     * Asks the agent to sign. An RSA key signs with the SHA-2 algorithm asked for (the agent's
     * {@code SSH_AGENT_RSA_SHA2_256}/{@code _512} flags).
     *
     * @throws org.javamiko.AuthenticationException when the agent refuses (locked, key removed,
     *         confirmation declined, key restricted to other hosts): other keys may still work
     * @throws SshException when the agent signs with another algorithm, or the algorithm is not
     *         one of this key's
     */
    @Override
    public byte[] signSshData(byte[] data, String algorithm) throws IOException {
        String plain = plainAlgorithm(algorithm);
        if (!plainAlgorithms.contains(plain)) {
            throw new SshException("The agent's " + getKeyType() + " key cannot sign with " + algorithm
                    + " (it signs with " + plainAlgorithms + ")");
        }
        byte[] reply = agent.request(AgentProtocol.signRequest(agentBlob, data, plain));
        return AgentProtocol.parseSignature(reply, plain);
    }

    @Override
    public boolean verifySshSignature(byte[] data, byte[] signatureBlob) throws IOException {
        return publicKey.verifySshSignature(data, signatureBlob);
    }

    /**
     * Not possible: the private half never leaves the agent.
     *
     * @throws SshException always
     */
    @Override
    public void writePrivateKeyFile(Path file, String passphrase) throws IOException {
        throw new SshException("The private half of agent key " + fingerprint() + " stays in the ssh-agent;"
                + " it cannot be written to a file");
    }
}
