package org.javamiko.keys;

import org.javamiko.SshException;
import org.javamiko.internal.keyformat.KeyType;
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
        return KeyMaterials.toKey(KeyType.forBlob(type).readPublicFields(buf));
    }
}
