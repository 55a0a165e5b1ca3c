package org.javamiko.keys;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

import org.javamiko.SshException;
import org.javamiko.internal.keyformat.JcaKeys;
import org.javamiko.internal.keyformat.KeyMaterial;
import org.javamiko.internal.keyformat.KeyType;

/** Keys from what the decoders read, and back: the one place a key type becomes its class. */
final class KeyMaterials {
    private KeyMaterials() {
    }

    /**
     * @param m a decoded key
     * @return the key, its comment set
     * @throws SshException when the key is not valid for its type
     */
    static PKey toKey(KeyMaterial m) throws SshException {
        PKey key = switch (m.type()) {
            case ED25519 -> new Ed25519Key(JcaKeys.ed25519Raw(m.publicKey()),
                    m.privateKey() == null ? null : JcaKeys.ed25519Seed(m.privateKey()));
            case RSA -> new RsaKey((RSAPublicKey) m.publicKey(), (RSAPrivateCrtKey) m.privateKey());
            case ECDSA_NISTP256, ECDSA_NISTP384, ECDSA_NISTP521 ->
                    new EcdsaKey((ECPublicKey) m.publicKey(), (ECPrivateKey) m.privateKey());
            case SK_ED25519 -> new SkEd25519Key(JcaKeys.ed25519Raw(m.publicKey()), m.application());
            case SK_ECDSA_NISTP256 -> new SkEcdsaKey(new EcdsaKey((ECPublicKey) m.publicKey(), null), m.application());
        };
        key.setComment(m.comment());
        return key;
    }

    /**
     * @param key a key pair of a type OpenSSH key files hold
     * @return what the encoder writes
     * @throws SshException for a key of another kind (a security key, an agent's key)
     */
    static KeyMaterial of(PKey key) throws SshException {
        if (!key.canSign()) {
            throw new SshException("Cannot write a private key file for a " + key.getKeyType()
                    + " key without its private half");
        }
        if (key instanceof Ed25519Key ed) {
            return new KeyMaterial(KeyType.ED25519, JcaKeys.ed25519Public(ed.getPublicKeyBytes()),
                    JcaKeys.ed25519Private(ed.getSeed()), null, key.getComment());
        } else if (key instanceof RsaKey rsa) {
            return new KeyMaterial(KeyType.RSA, rsa.getPublicKey(), rsa.getPrivateKey(), null, key.getComment());
        } else if (key instanceof EcdsaKey ec) {
            return new KeyMaterial(KeyType.forBlob(ec.getKeyType()), ec.getPublicKey(), ec.getPrivateKey(), null,
                    key.getComment());
        }
        throw new SshException("Cannot write a " + key.getKeyType() + " key in OpenSSH format");
    }
}
