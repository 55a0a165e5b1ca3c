package org.javamiko.internal.keyformat;

import java.math.BigInteger;
import java.security.KeyPair;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.javamiko.SshException;
import org.javamiko.internal.crypto.EcCurves;

/**
 * Keys from their ASN.1 structures: PKCS#1 RSAPrivateKey, SEC1 ECPrivateKey, PKCS#8 PrivateKeyInfo,
 * X.509 SubjectPublicKeyInfo.
 */
final class Asn1Keys {
    static final String RSA_OID = "1.2.840.113549.1.1.1";
    static final String EC_OID = "1.2.840.10045.2.1";
    static final String ED25519_OID = "1.3.101.112";

    private Asn1Keys() {
    }

    /** RSAPrivateKey ::= SEQUENCE { version, n, e, d, p, q, dp, dq, qinv, … } */
    static KeyMaterial rsaPrivate(byte[] der) throws SshException {
        DerReader seq = new DerReader(der).sequence();
        int version = seq.smallInteger();
        if (version != 0) {
            throw new SshException("Unsupported RSA key version " + version + " (multi-prime keys are not supported)");
        }
        BigInteger n = seq.integer();
        BigInteger e = seq.integer();
        BigInteger d = seq.integer();
        BigInteger p = seq.integer();
        BigInteger q = seq.integer();
        seq.integer();
        seq.integer();
        BigInteger qinv = seq.integer();
        KeyPair kp = JcaKeys.rsaPair(n, e, d, p, q, qinv);
        return KeyMaterial.ofPair(KeyType.RSA, kp.getPublic(), kp.getPrivate());
    }

    /**
     * ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, [0] curve OID OPTIONAL,
     * [1] publicKey BIT STRING OPTIONAL }.
     *
     * @param curveOid the curve from the enclosing PKCS#8 structure, or null
     */
    static KeyMaterial ecPrivate(byte[] der, String curveOid) throws SshException {
        DerReader seq = new DerReader(der).sequence();
        int version = seq.smallInteger();
        if (version != 1) {
            throw new SshException("Unsupported EC private key version " + version);
        }
        BigInteger d = new BigInteger(1, seq.octetString());
        String oid = curveOid;
        byte[] point = null;
        while (seq.hasMore()) {
            int tag = seq.peekTag();
            if (tag == 0xa0) {
                oid = seq.contents(0xa0).oid();
            } else if (tag == 0xa1) {
                point = seq.contents(0xa1).bitString();
            } else {
                seq.skip();
            }
        }
        if (oid == null) {
            throw new SshException("The EC private key does not name its curve (explicit curve parameters are not supported)");
        }
        EcCurves curve = EcCurves.byOid(oid);
        if (point == null) {
            point = multiplyGenerator(curve, d);
        }
        return KeyMaterial.ofPair(ecType(curve), curve.publicKey(point), curve.privateKey(d));
    }

    /** d·G, for the rare files that omit the public point; the JDK offers no point multiplication. */
    private static byte[] multiplyGenerator(EcCurves curve, BigInteger d) {
        X9ECParameters params = CustomNamedCurves.getByOID(new ASN1ObjectIdentifier(curve.oid()));
        return params.getG().multiply(d).normalize().getEncoded(false);
    }

    /**
     * PrivateKeyInfo ::= SEQUENCE { version, algorithm AlgorithmIdentifier, privateKey OCTET STRING,
     * [0] attributes OPTIONAL, [1] publicKey OPTIONAL }.
     */
    static KeyMaterial pkcs8(byte[] der) throws SshException {
        DerReader seq = new DerReader(der).sequence();
        seq.smallInteger();
        DerReader alg = seq.sequence();
        String oid = alg.oid();
        byte[] inner = seq.octetString();
        switch (oid) {
            case RSA_OID:
                return rsaPrivate(inner);
            case EC_OID:
                return ecPrivate(inner, alg.oid());
            case ED25519_OID: {
                byte[] seed = new DerReader(inner).octetString();
                if (seed.length != 32) {
                    throw new SshException("Malformed Ed25519 private key: " + seed.length + " bytes, not 32");
                }
                byte[] pub = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
                return KeyMaterial.ofPair(KeyType.ED25519, JcaKeys.ed25519Public(pub), JcaKeys.ed25519Private(seed));
            }
            default:
                throw unsupportedOid(oid);
        }
    }

    /** SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }. */
    static KeyMaterial subjectPublicKeyInfo(byte[] der) throws SshException {
        DerReader seq = new DerReader(der).sequence();
        DerReader alg = seq.sequence();
        String oid = alg.oid();
        switch (oid) {
            case RSA_OID:
                return rsaPublic(seq.bitString());
            case EC_OID: {
                EcCurves curve = EcCurves.byOid(alg.oid());
                return KeyMaterial.ofPublic(ecType(curve), curve.publicKey(seq.bitString()));
            }
            case ED25519_OID:
                return KeyMaterial.ofPublic(KeyType.ED25519, JcaKeys.ed25519Public(seq.bitString()));
            default:
                throw unsupportedOid(oid);
        }
    }

    /** RSAPublicKey ::= SEQUENCE { n, e } */
    static KeyMaterial rsaPublic(byte[] der) throws SshException {
        DerReader seq = new DerReader(der).sequence();
        BigInteger n = seq.integer();
        return KeyMaterial.ofPublic(KeyType.RSA, JcaKeys.rsaPublic(seq.integer(), n));
    }

    private static KeyType ecType(EcCurves curve) throws SshException {
        return KeyType.forBlob(curve.keyType());
    }

    static SshException unsupportedOid(String oid) {
        String name = switch (oid) {
            case "1.3.101.113" -> "Ed448";
            case "1.2.840.10040.4.1" -> "DSA";
            case "1.3.101.110" -> "X25519 (a key-agreement key, not a signing key)";
            case "1.3.101.111" -> "X448 (a key-agreement key, not a signing key)";
            default -> "with algorithm OID " + oid;
        };
        return new SshException("Unsupported key type " + name
                + " (supported: RSA, ECDSA P-256/384/521, Ed25519)");
    }
}
