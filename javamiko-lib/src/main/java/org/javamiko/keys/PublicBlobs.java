package org.javamiko.keys;

import java.math.BigInteger;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/** Decodes SSH public key blobs and the key fields certificates embed (RFC 4253 §6.6, RFC 5656, RFC 8709). */
final class PublicBlobs {
    private PublicBlobs() {
    }

    /** The most bytes a public blob may have: a 16384-bit RSA certificate stays far below. */
    static final int MAX_BLOB = 64 * 1024;

    static PKey decode(byte[] blob) throws SshException {
        if (blob.length > MAX_BLOB) {
            throw new SshException("Public key blob too large: " + blob.length + " bytes");
        }
        SshBuffer buf = SshBuffer.wrap(blob);
        String type = buf.getStringUtf8();
        if (Certificate.isCertificateType(type)) {
            Certificate cert = Certificate.parse(blob);
            PKey key = cert.getKey();
            key.setCertificate(cert);
            return key;
        }
        PKey key = readKeyFields(type, buf);
        if (buf.available() != 0) {
            throw new SshException("Malformed " + type + " public key: " + buf.available() + " bytes after the key");
        }
        return key;
    }

    /**
     * Reads the type-specific public fields that follow the type name in a blob (or the nonce in a
     * certificate).
     */
    static PKey readKeyFields(String type, SshBuffer buf) throws SshException {
        switch (type) {
            case Ed25519Key.TYPE:
                return new Ed25519Key(buf.getString());
            case RsaKey.TYPE: {
                BigInteger e = buf.getMpint();
                BigInteger n = buf.getMpint();
                return RsaKey.ofPublic(e, n);
            }
            case "ecdsa-sha2-nistp256":
            case "ecdsa-sha2-nistp384":
            case "ecdsa-sha2-nistp521": {
                String curve = buf.getStringUtf8();
                if (!type.equals("ecdsa-sha2-" + curve)) {
                    throw new SshException("Malformed " + type + " public key: it names curve " + curve);
                }
                return EcdsaKey.of(curve, buf.getString(), null);
            }
            case SkEd25519Key.TYPE:
                return new SkEd25519Key(buf.getString(), buf.getStringUtf8());
            case SkEcdsaKey.TYPE: {
                String curve = buf.getStringUtf8();
                if (!"nistp256".equals(curve)) {
                    throw new SshException("Malformed " + type + " public key: it names curve " + curve);
                }
                return new SkEcdsaKey(EcdsaKey.of(curve, buf.getString(), null), buf.getStringUtf8());
            }
            default:
                throw unsupported(type);
        }
    }

    static SshException unsupported(String type) {
        String what = switch (type) {
            case "ssh-dss" -> "DSA (ssh-dss) keys are not supported: they are limited to 1024 bits and SHA-1";
            case "ssh-ed448" -> "Ed448 (ssh-ed448) keys are not supported";
            default -> "Unsupported key type \"" + type + "\"";
        };
        return new SshException(what + " (supported: ssh-ed25519, ecdsa-sha2-nistp256/384/521, ssh-rsa,"
                + " sk-ssh-ed25519@openssh.com, sk-ecdsa-sha2-nistp256@openssh.com and their certificates)");
    }
}
