package org.javamiko.keys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;

import org.javamiko.SshException;

/**
 * What a FIDO security key signs (OpenSSH PROTOCOL.u2f): SHA-256 of the application, the flags
 * byte, the counter, then SHA-256 of the message.
 */
final class SecurityKeySignatures {
    private SecurityKeySignatures() {
    }

    static byte[] signedData(String application, int flags, int counter, byte[] message) {
        byte[] app = sha256(application.getBytes(StandardCharsets.UTF_8));
        byte[] msg = sha256(message);
        byte[] out = new byte[32 + 1 + 4 + 32];
        System.arraycopy(app, 0, out, 0, 32);
        out[32] = (byte) flags;
        org.javamiko.internal.wire.SshBuffer.writeInt(out, 33, counter);
        System.arraycopy(msg, 0, out, 37, 32);
        return out;
    }

    static SshException cannotSign(String type) {
        return new SshException(type + " keys live on a hardware security key: javamiko cannot sign with them"
                + " itself (use ssh-agent with the key loaded)");
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
