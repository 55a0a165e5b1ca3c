package org.javamiko.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * A key held by a FIDO security key (OpenSSH PROTOCOL.u2f): its public half and certificates load
 * and verify; signing needs the hardware, so such a key cannot sign here (use ssh-agent with the
 * key loaded). A signature covers SHA-256 of the application, the flags byte, the counter, then
 * SHA-256 of the message, and is checked with the ordinary key underneath.
 */
public abstract class SecurityKey extends PKey {
    private final String type;
    private final PKey inner;
    private final String application;

    SecurityKey(String type, PKey inner, String application) {
        this.type = type;
        this.inner = inner;
        this.application = application;
    }

    /** @return the FIDO application string, usually {@code ssh:} */
    public String getApplication() {
        return application;
    }

    /** @return the ordinary key underneath, which checks the signatures */
    PKey inner() {
        return inner;
    }

    @Override
    public String getKeyType() {
        return type;
    }

    @Override
    public int getBits() {
        return 256;
    }

    @Override
    public boolean canSign() {
        return false;
    }

    @Override
    public List<String> signatureAlgorithms() {
        return offeredAlgorithms(List.of(type));
    }

    @Override
    public byte[] signSshData(byte[] data, String algorithm) throws IOException {
        throw new SshException(type + " keys live on a hardware security key: javamiko cannot sign with them"
                + " itself (use ssh-agent with the key loaded)");
    }

    @Override
    public boolean verifySshSignature(byte[] data, byte[] signatureBlob) throws IOException {
        SshBuffer buf = SshBuffer.wrap(signatureBlob);
        if (!type.equals(buf.getStringUtf8())) {
            return false;
        }
        byte[] signature = buf.getString();
        int flags = buf.getByte();
        int counter = buf.getInt();
        byte[] plain = new SshBuffer(160).putString(inner.getKeyType()).putString(signature).toByteArray();
        return inner.verifySshSignature(signedData(application, flags, counter, data), plain);
    }

    /** @return what the security key signs for {@code message} (PROTOCOL.u2f) */
    static byte[] signedData(String application, int flags, int counter, byte[] message) {
        byte[] app = sha256(application.getBytes(StandardCharsets.UTF_8));
        byte[] msg = sha256(message);
        byte[] out = new byte[32 + 1 + 4 + 32];
        System.arraycopy(app, 0, out, 0, 32);
        out[32] = (byte) flags;
        SshBuffer.writeInt(out, 33, counter);
        System.arraycopy(msg, 0, out, 37, 32);
        return out;
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
