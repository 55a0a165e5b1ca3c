package org.javamiko.keys;

import java.io.IOException;
import java.util.List;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * An Ed25519 key held by a FIDO security key ({@code sk-ssh-ed25519@openssh.com}): its public half
 * and certificates load and verify; signing needs the hardware, so this key cannot sign.
 */
public class SkEd25519Key extends PKey {
    /** The key type and its signature algorithm. */
    public static final String TYPE = "sk-ssh-ed25519@openssh.com";

    private final Ed25519Key inner;
    private final String application;

    /**
     * @param publicKey the 32-byte Ed25519 public key
     * @param application the FIDO application string, usually {@code ssh:}
     * @throws SshException when the public key is malformed
     */
    public SkEd25519Key(byte[] publicKey, String application) throws SshException {
        this.inner = new Ed25519Key(publicKey);
        this.application = application;
    }

    /** @return the FIDO application string */
    public String getApplication() {
        return application;
    }

    @Override
    public String getKeyType() {
        return TYPE;
    }

    @Override
    public int getBits() {
        return 256;
    }

    @Override
    public byte[] keyBlob() {
        return new SshBuffer(100).putString(TYPE).putString(inner.getPublicKeyBytes()).putString(application)
                .toByteArray();
    }

    @Override
    public boolean canSign() {
        return false;
    }

    @Override
    public List<String> signatureAlgorithms() {
        return offeredAlgorithms(List.of(TYPE));
    }

    @Override
    public byte[] signSshData(byte[] data, String algorithm) throws IOException {
        throw SecurityKeySignatures.cannotSign(TYPE);
    }

    @Override
    public boolean verifySshSignature(byte[] data, byte[] signatureBlob) throws IOException {
        SshBuffer buf = SshBuffer.wrap(signatureBlob);
        if (!TYPE.equals(buf.getStringUtf8())) {
            return false;
        }
        byte[] sig = buf.getString();
        int flags = buf.getByte();
        int counter = buf.getInt();
        byte[] signed = SecurityKeySignatures.signedData(application, flags, counter, data);
        byte[] plain = new SshBuffer(100).putString(Ed25519Key.TYPE).putString(sig).toByteArray();
        return inner.verifySshSignature(signed, plain);
    }
}
