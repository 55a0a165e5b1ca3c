package org.javamiko.keys;

import java.io.IOException;
import java.util.List;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * A P-256 ECDSA key held by a FIDO security key ({@code sk-ecdsa-sha2-nistp256@openssh.com}): its
 * public half and certificates load and verify; signing needs the hardware, so this key cannot sign.
 */
public class SkEcdsaKey extends PKey {
    /** The key type and its signature algorithm. */
    public static final String TYPE = "sk-ecdsa-sha2-nistp256@openssh.com";

    private final EcdsaKey inner;
    private final String application;

    /**
     * @param inner the P-256 public key
     * @param application the FIDO application string, usually {@code ssh:}
     * @throws SshException when the key is not on P-256
     */
    public SkEcdsaKey(EcdsaKey inner, String application) throws SshException {
        if (!"nistp256".equals(inner.getCurveName())) {
            throw new SshException(TYPE + " keys are on nistp256, not " + inner.getCurveName());
        }
        this.inner = inner;
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
        return new SshBuffer(160).putString(TYPE).putString("nistp256").putString(inner.getPublicPoint())
                .putString(application).toByteArray();
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
        byte[] rs = buf.getString();
        int flags = buf.getByte();
        int counter = buf.getInt();
        byte[] signed = SecurityKeySignatures.signedData(application, flags, counter, data);
        byte[] plain = new SshBuffer(160).putString(inner.getKeyType()).putString(rs).toByteArray();
        return inner.verifySshSignature(signed, plain);
    }
}
