package org.javamiko.internal.keyformat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

import org.javamiko.SshException;
import org.javamiko.internal.crypto.EcCurves;
import org.javamiko.internal.wire.SshBuffer;

/**
 * The one table of key types: for each, how its fields read and write in a public blob (RFC 4253
 * §6.6, RFC 5656, RFC 8709, PROTOCOL.u2f), in the private section of an OpenSSH key file
 * (PROTOCOL.key) and in a PuTTY private blob. The blob, certificate, OpenSSH and PuTTY decoders
 * all go through it.
 */
public enum KeyType {
    /** Ed25519: a 32-byte point; privately the point again and seed || point. */
    ED25519("ssh-ed25519") {
        @Override
        KeyMaterial readPublic(SshBuffer buf) throws SshException {
            return KeyMaterial.ofPublic(this, JcaKeys.ed25519Public(buf.getString()));
        }

        @Override
        void writePublic(KeyMaterial key, SshBuffer out) {
            out.putString(JcaKeys.ed25519Raw(key.publicKey()));
        }

        @Override
        KeyMaterial readOpenSshPrivate(SshBuffer buf) throws SshException {
            byte[] pk = buf.getString();
            byte[] sk = buf.getString();
            if (sk.length != 64) {
                throw new SshException("Malformed Ed25519 private key: " + sk.length + " bytes, not 64");
            }
            return pair(pk, Arrays.copyOf(sk, 32));
        }

        @Override
        void writeOpenSshPrivate(KeyMaterial key, SshBuffer out) {
            byte[] pk = JcaKeys.ed25519Raw(key.publicKey());
            byte[] sk = Arrays.copyOf(JcaKeys.ed25519Seed(key.privateKey()), 64);
            System.arraycopy(pk, 0, sk, 32, 32);
            out.putString(pk).putString(sk);
        }

        @Override
        KeyMaterial readPuttyPrivate(SshBuffer pub, SshBuffer priv) throws SshException {
            return pair(pub.getString(), priv.getString());
        }

        private KeyMaterial pair(byte[] pk, byte[] seed) throws SshException {
            return KeyMaterial.ofPair(this, JcaKeys.ed25519Public(pk), JcaKeys.ed25519Private(seed));
        }
    },
    /** RSA: e and n; privately n, e, d, iqmp, p, q (PuTTY: d, p, q, iqmp). */
    RSA("ssh-rsa") {
        @Override
        KeyMaterial readPublic(SshBuffer buf) throws SshException {
            BigInteger e = buf.getMpint();
            BigInteger n = buf.getMpint();
            return KeyMaterial.ofPublic(this, JcaKeys.rsaPublic(e, n));
        }

        @Override
        void writePublic(KeyMaterial key, SshBuffer out) {
            RSAPublicKey k = (RSAPublicKey) key.publicKey();
            out.putMpint(k.getPublicExponent()).putMpint(k.getModulus());
        }

        @Override
        KeyMaterial readOpenSshPrivate(SshBuffer buf) throws SshException {
            BigInteger n = buf.getMpint();
            BigInteger e = buf.getMpint();
            BigInteger d = buf.getMpint();
            BigInteger iqmp = buf.getMpint();
            BigInteger p = buf.getMpint();
            BigInteger q = buf.getMpint();
            return pair(JcaKeys.rsaPair(n, e, d, p, q, iqmp));
        }

        @Override
        void writeOpenSshPrivate(KeyMaterial key, SshBuffer out) {
            RSAPrivateCrtKey k = (RSAPrivateCrtKey) key.privateKey();
            out.putMpint(k.getModulus()).putMpint(k.getPublicExponent()).putMpint(k.getPrivateExponent())
                    .putMpint(k.getCrtCoefficient()).putMpint(k.getPrimeP()).putMpint(k.getPrimeQ());
        }

        @Override
        KeyMaterial readPuttyPrivate(SshBuffer pub, SshBuffer priv) throws SshException {
            BigInteger e = pub.getMpint();
            BigInteger n = pub.getMpint();
            BigInteger d = priv.getMpint();
            BigInteger p = priv.getMpint();
            BigInteger q = priv.getMpint();
            BigInteger iqmp = priv.getMpint();
            return pair(JcaKeys.rsaPair(n, e, d, p, q, iqmp));
        }

        private KeyMaterial pair(KeyPair kp) {
            return KeyMaterial.ofPair(this, kp.getPublic(), kp.getPrivate());
        }
    },
    /** ECDSA on P-256: the curve name and the point; privately also the scalar. */
    ECDSA_NISTP256(EcCurves.NISTP256),
    /** ECDSA on P-384. */
    ECDSA_NISTP384(EcCurves.NISTP384),
    /** ECDSA on P-521. */
    ECDSA_NISTP521(EcCurves.NISTP521),
    /** A FIDO Ed25519 key: the point and the application; privately also flags, handle, reserved. */
    SK_ED25519("sk-ssh-ed25519@openssh.com") {
        @Override
        KeyMaterial readPublic(SshBuffer buf) throws SshException {
            return new KeyMaterial(this, JcaKeys.ed25519Public(buf.getString()), null, buf.getStringUtf8(), "");
        }

        @Override
        void writePublic(KeyMaterial key, SshBuffer out) {
            out.putString(JcaKeys.ed25519Raw(key.publicKey())).putString(key.application());
        }

        @Override
        KeyMaterial readOpenSshPrivate(SshBuffer buf) throws SshException {
            KeyMaterial key = new KeyMaterial(this, JcaKeys.ed25519Public(buf.getString()), null,
                    buf.getStringUtf8(), "");
            skipSecurityKeyHandle(buf);
            return key;
        }
    },
    /** A FIDO ECDSA key on P-256: curve, point and application; privately also flags, handle, reserved. */
    SK_ECDSA_NISTP256("sk-ecdsa-sha2-nistp256@openssh.com") {
        @Override
        KeyMaterial readPublic(SshBuffer buf) throws SshException {
            String curve = buf.getStringUtf8();
            if (!"nistp256".equals(curve)) {
                throw new SshException("Malformed " + wireName() + " public key: it names curve " + curve);
            }
            ECPublicKey pub = EcCurves.bySshName(curve).publicKey(buf.getString());
            return new KeyMaterial(this, pub, null, buf.getStringUtf8(), "");
        }

        @Override
        void writePublic(KeyMaterial key, SshBuffer out) {
            out.putString("nistp256").putString(EcCurves.NISTP256.encode((ECPublicKey) key.publicKey()))
                    .putString(key.application());
        }

        @Override
        KeyMaterial readOpenSshPrivate(SshBuffer buf) throws SshException {
            ECPublicKey pub = EcCurves.bySshName(buf.getStringUtf8()).publicKey(buf.getString());
            KeyMaterial key = new KeyMaterial(this, pub, null, buf.getStringUtf8(), "");
            skipSecurityKeyHandle(buf);
            return key;
        }
    };

    private final String wireName;
    private final EcCurves curve;

    KeyType(String wireName) {
        this.wireName = wireName;
        this.curve = null;
    }

    KeyType(EcCurves curve) {
        this.wireName = curve.keyType();
        this.curve = curve;
    }

    /** @return the type as on the wire, e.g. {@code ssh-ed25519} */
    public String wireName() {
        return wireName;
    }

    /**
     * The type of a public blob or certificate key.
     *
     * @param wireName the type name
     * @return the type
     * @throws SshException naming the supported types when it is none of them
     */
    public static KeyType forBlob(String wireName) throws SshException {
        for (KeyType t : values()) {
            if (t.wireName.equals(wireName)) {
                return t;
            }
        }
        String what = switch (wireName) {
            case "ssh-dss" -> "DSA (ssh-dss) keys are not supported: they are limited to 1024 bits and SHA-1";
            case "ssh-ed448" -> "Ed448 (ssh-ed448) keys are not supported";
            default -> "Unsupported key type \"" + wireName + "\"";
        };
        throw new SshException(what + " (supported: ssh-ed25519, ecdsa-sha2-nistp256/384/521, ssh-rsa,"
                + " sk-ssh-ed25519@openssh.com, sk-ecdsa-sha2-nistp256@openssh.com and their certificates)");
    }

    /**
     * The type of a private key in a key file.
     *
     * @param wireName the type name
     * @return the type
     * @throws SshException when it is none we read
     */
    static KeyType forPrivateKey(String wireName) throws SshException {
        for (KeyType t : values()) {
            if (t.wireName.equals(wireName)) {
                return t;
            }
        }
        throw unsupportedPrivate(wireName);
    }

    private static SshException unsupportedPrivate(String wireName) {
        if ("ssh-dss".equals(wireName)) {
            return new SshException("Unsupported key type DSA (ssh-dss): DSA keys are limited to 1024 bits and SHA-1");
        }
        return new SshException("Unsupported key type \"" + wireName + "\"");
    }

    /**
     * Reads the type-specific public fields that follow the type name in a blob (or the nonce in a
     * certificate).
     *
     * @param buf positioned after the type name
     * @return the public key
     * @throws SshException when the fields are malformed
     */
    public KeyMaterial readPublicFields(SshBuffer buf) throws SshException {
        return readPublic(buf);
    }

    /**
     * @param key a key of this type
     * @return its public blob: the type name, then its fields
     */
    byte[] publicBlob(KeyMaterial key) {
        SshBuffer out = new SshBuffer(600).putString(wireName);
        writePublic(key, out);
        return out.toByteArray();
    }

    KeyMaterial readPublic(SshBuffer buf) throws SshException {
        String curveName = buf.getStringUtf8();
        if (!wireName.equals("ecdsa-sha2-" + curveName)) {
            throw new SshException("Malformed " + wireName + " public key: it names curve " + curveName);
        }
        return KeyMaterial.ofPublic(this, EcCurves.bySshName(curveName).publicKey(buf.getString()));
    }

    void writePublic(KeyMaterial key, SshBuffer out) {
        out.putString(curve.sshName()).putString(curve.encode((ECPublicKey) key.publicKey()));
    }

    KeyMaterial readOpenSshPrivate(SshBuffer buf) throws SshException {
        EcCurves c = EcCurves.bySshName(buf.getStringUtf8());
        return ecPair(c, buf.getString(), buf.getMpint());
    }

    /** @throws SshException for the types OpenSSH files of ours never hold (security keys) */
    void writeOpenSshPrivate(KeyMaterial key, SshBuffer out) throws SshException {
        if (curve == null) {
            throw new SshException("Cannot write a " + wireName + " key in OpenSSH format");
        }
        out.putString(curve.sshName()).putString(curve.encode((ECPublicKey) key.publicKey()))
                .putMpint(((ECPrivateKey) key.privateKey()).getS());
    }

    /** PuTTY files hold RSA, Ed25519 and ECDSA keys only. */
    KeyMaterial readPuttyPrivate(SshBuffer pub, SshBuffer priv) throws SshException {
        if (curve == null) {
            throw unsupportedPrivate(wireName);
        }
        EcCurves c = EcCurves.bySshName(pub.getStringUtf8());
        return ecPair(c, pub.getString(), priv.getMpint());
    }

    private KeyMaterial ecPair(EcCurves c, byte[] point, BigInteger scalar) throws SshException {
        ECPublicKey pub = c.publicKey(point);
        // the key's type follows the curve the fields name, as the blob would say
        return KeyMaterial.ofPair(forCurve(c), pub, c.privateKey(scalar));
    }

    private static KeyType forCurve(EcCurves c) {
        for (KeyType t : values()) {
            if (t.curve == c) {
                return t;
            }
        }
        throw new IllegalStateException("no key type for " + c);
    }

    /** flags, key handle and reserved: they only mean something to the hardware token. */
    private static void skipSecurityKeyHandle(SshBuffer buf) throws SshException {
        buf.getByte();
        buf.getString();
        buf.getString();
    }
}
