package org.javamiko.internal.keyformat;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A key as the decoders read it, before it becomes a {@code PKey}: its type, the JCA public key,
 * the JCA private key when the file held one, the FIDO application string of a security key, and
 * the comment stored with it.
 *
 * @param type the key type
 * @param publicKey the public half (an {@code RSAPublicKey}, {@code ECPublicKey} or Ed25519 key)
 * @param privateKey the private half, or null
 * @param application the FIDO application of an {@code sk-} key, else null
 * @param comment the comment, empty when none
 */
public record KeyMaterial(KeyType type, PublicKey publicKey, PrivateKey privateKey, String application,
                          String comment) {
    /** @return the public half alone */
    static KeyMaterial ofPublic(KeyType type, PublicKey publicKey) {
        return new KeyMaterial(type, publicKey, null, null, "");
    }

    /** @return a key pair without comment */
    static KeyMaterial ofPair(KeyType type, PublicKey publicKey, PrivateKey privateKey) {
        return new KeyMaterial(type, publicKey, privateKey, null, "");
    }

    /**
     * @param newComment the comment
     * @return this key with that comment
     */
    public KeyMaterial withComment(String newComment) {
        return new KeyMaterial(type, publicKey, privateKey, application, newComment == null ? "" : newComment);
    }

    /** @return the public key blob in SSH wire format */
    public byte[] publicBlob() {
        return type.publicBlob(this);
    }
}
