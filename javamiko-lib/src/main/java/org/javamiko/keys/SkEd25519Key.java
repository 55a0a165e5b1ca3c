package org.javamiko.keys;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * An Ed25519 key held by a FIDO security key ({@code sk-ssh-ed25519@openssh.com}): its public half
 * and certificates load and verify; signing needs the hardware, so this key cannot sign.
 */
public class SkEd25519Key extends SecurityKey {
    /** The key type and its signature algorithm. */
    public static final String TYPE = "sk-ssh-ed25519@openssh.com";

    /**
     * @param publicKey the 32-byte Ed25519 public key
     * @param application the FIDO application string, usually {@code ssh:}
     * @throws SshException when the public key is malformed
     */
    public SkEd25519Key(byte[] publicKey, String application) throws SshException {
        super(TYPE, new Ed25519Key(publicKey), application);
    }

    @Override
    public byte[] keyBlob() {
        return new SshBuffer(100).putString(TYPE).putString(((Ed25519Key) inner()).getPublicKeyBytes())
                .putString(getApplication()).toByteArray();
    }
}
