package org.javamiko.keys;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * A P-256 ECDSA key held by a FIDO security key ({@code sk-ecdsa-sha2-nistp256@openssh.com}): its
 * public half and certificates load and verify; signing needs the hardware, so this key cannot sign.
 */
public class SkEcdsaKey extends SecurityKey {
    /** The key type and its signature algorithm. */
    public static final String TYPE = "sk-ecdsa-sha2-nistp256@openssh.com";

    /**
     * @param inner the P-256 public key
     * @param application the FIDO application string, usually {@code ssh:}
     * @throws SshException when the key is not on P-256
     */
    public SkEcdsaKey(EcdsaKey inner, String application) throws SshException {
        super(TYPE, checkCurve(inner), application);
    }

    private static EcdsaKey checkCurve(EcdsaKey key) throws SshException {
        if (!"nistp256".equals(key.getCurveName())) {
            throw new SshException(TYPE + " keys are on nistp256, not " + key.getCurveName());
        }
        return key;
    }

    @Override
    public byte[] keyBlob() {
        return new SshBuffer(160).putString(TYPE).putString("nistp256").putString(((EcdsaKey) inner()).getPublicPoint())
                .putString(getApplication()).toByteArray();
    }
}
