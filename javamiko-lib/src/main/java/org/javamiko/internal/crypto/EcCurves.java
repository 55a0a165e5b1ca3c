package org.javamiko.internal.crypto;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECFieldFp;
import java.util.Arrays;
import java.util.List;

import org.javamiko.SshException;

/**
 * The three NIST curves SSH uses (RFC 5656), for ECDSA keys and ECDH key exchange alike: their SSH
 * names, OIDs, JDK parameters, hash, and the SEC 1 uncompressed point encoding
 * ({@code 04 || X || Y}, each coordinate as many bytes as the field). Decoding checks that a point
 * lies on the curve, which for these prime-order curves also puts it in the right group.
 */
public enum EcCurves {
    /** P-256, signed with SHA-256. */
    NISTP256("nistp256", "secp256r1", "1.2.840.10045.3.1.7", 256, "SHA-256"),
    /** P-384, signed with SHA-384. */
    NISTP384("nistp384", "secp384r1", "1.3.132.0.34", 384, "SHA-384"),
    /** P-521, signed with SHA-512. */
    NISTP521("nistp521", "secp521r1", "1.3.132.0.35", 521, "SHA-512");

    private static final int UNCOMPRESSED = 0x04;

    private final String sshName;
    private final String jdkName;
    private final String oid;
    private final int bits;
    private final String digest;
    private volatile ECParameterSpec params;

    EcCurves(String sshName, String jdkName, String oid, int bits, String digest) {
        this.sshName = sshName;
        this.jdkName = jdkName;
        this.oid = oid;
        this.bits = bits;
        this.digest = digest;
    }

    /** @return the SSH curve name, e.g. {@code nistp256} */
    public String sshName() {
        return sshName;
    }

    /** @return the key type, e.g. {@code ecdsa-sha2-nistp256} */
    public String keyType() {
        return "ecdsa-sha2-" + sshName;
    }

    /** @return the curve's object identifier in dotted form */
    public String oid() {
        return oid;
    }

    /** @return the field size in bits */
    public int bits() {
        return bits;
    }

    /** @return the JCA digest name used with this curve, e.g. {@code SHA-256} */
    public String digest() {
        return digest;
    }

    /** @return the JCA signature algorithm giving r||s in fixed width, e.g. {@code SHA256withECDSAinP1363Format} */
    public String jcaSignature() {
        return digest.replace("-", "") + "withECDSAinP1363Format";
    }

    /** @return the byte length of one coordinate */
    public int fieldBytes() {
        return (bits + 7) / 8;
    }

    /** @return the JDK's parameters for this curve */
    public ECParameterSpec params() {
        ECParameterSpec p = params;
        if (p == null) {
            try {
                AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
                ap.init(new ECGenParameterSpec(jdkName));
                p = ap.getParameterSpec(ECParameterSpec.class);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The JDK lacks curve " + jdkName, e);
            }
            params = p;
        }
        return p;
    }

    /** @return every supported curve */
    public static List<EcCurves> all() {
        return List.of(values());
    }

    /**
     * @param sshName e.g. {@code nistp384}
     * @return the curve
     * @throws SshException naming the curve when it is not one of the three
     */
    public static EcCurves bySshName(String sshName) throws SshException {
        for (EcCurves c : values()) {
            if (c.sshName.equals(sshName)) {
                return c;
            }
        }
        throw new SshException("Unsupported elliptic curve \"" + sshName + "\" (supported: nistp256, nistp384, nistp521)");
    }

    /**
     * @param oid dotted OID of a named curve
     * @return the curve
     * @throws SshException naming the OID when it is not one of the three
     */
    public static EcCurves byOid(String oid) throws SshException {
        for (EcCurves c : values()) {
            if (c.oid.equals(oid)) {
                return c;
            }
        }
        throw new SshException("Unsupported elliptic curve OID " + oid + " (supported: P-256, P-384, P-521)");
    }

    /**
     * @param spec parameters from a JDK key
     * @return the matching curve
     * @throws SshException when the key is on another curve
     */
    public static EcCurves bySpec(ECParameterSpec spec) throws SshException {
        for (EcCurves c : values()) {
            ECParameterSpec p = c.params();
            if (p.getOrder().equals(spec.getOrder()) && p.getGenerator().equals(spec.getGenerator())) {
                return c;
            }
        }
        throw new SshException("Unsupported elliptic curve of " + spec.getOrder().bitLength() + " bits");
    }

    /**
     * @param bits 256, 384 or 521
     * @return the curve of that size
     * @throws IllegalArgumentException for any other size
     */
    public static EcCurves byBits(int bits) {
        for (EcCurves c : values()) {
            if (c.bits == bits) {
                return c;
            }
        }
        throw new IllegalArgumentException("ECDSA keys have 256, 384 or 521 bits, not " + bits);
    }

    /**
     * Decodes an uncompressed point ({@code 04 || X || Y}) of a key and checks that it lies on the
     * curve, so a forged key cannot steer the arithmetic off the curve.
     *
     * @param encoded the point
     * @return the point
     * @throws SshException when the encoding is wrong or the point is not on the curve
     */
    public ECPoint decodePoint(byte[] encoded) throws SshException {
        return decode(encoded, false);
    }

    /**
     * Decodes and validates the server's ephemeral ECDH value, with errors that say the server sent it.
     *
     * @param encoded the point as sent
     * @return the point
     * @throws SshException if it is not an uncompressed point of this curve
     */
    public ECPoint decodePeerPoint(byte[] encoded) throws SshException {
        return decode(encoded, true);
    }

    private ECPoint decode(byte[] encoded, boolean fromServer) throws SshException {
        int n = fieldBytes();
        if (encoded.length != 1 + 2 * n || encoded[0] != UNCOMPRESSED) {
            throw new SshException(fromServer
                    ? "Server sent an invalid " + jdkName + " public value: expected an uncompressed point of "
                        + (1 + 2 * n) + " bytes starting with 04, got " + encoded.length + " bytes"
                        + (encoded.length > 0 ? String.format(" starting with %02x", encoded[0]) : "")
                    : "Malformed " + sshName + " public point: expected " + (1 + 2 * n)
                        + " bytes starting with 04 (uncompressed), got " + encoded.length);
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(encoded, 1, 1 + n));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(encoded, 1 + n, encoded.length));
        ECParameterSpec p = params();
        BigInteger prime = ((ECFieldFp) p.getCurve().getField()).getP();
        if (x.compareTo(prime) >= 0 || y.compareTo(prime) >= 0) {
            throw new SshException(fromServer
                    ? "Server sent a " + jdkName + " public value with a coordinate outside the field"
                    : "The " + sshName + " public point has a coordinate outside the field");
        }
        // y^2 = x^3 + a*x + b (mod p)
        BigInteger lhs = y.multiply(y).mod(prime);
        BigInteger rhs = x.pow(3).add(p.getCurve().getA().multiply(x)).add(p.getCurve().getB()).mod(prime);
        if (!lhs.equals(rhs)) {
            throw new SshException(fromServer
                    ? "Server sent a " + jdkName + " public value that is not a point on the curve"
                    : "The " + sshName + " public point is not on the curve");
        }
        return new ECPoint(x, y);
    }

    /**
     * @param point the uncompressed public point
     * @return the JCA public key
     * @throws SshException when the point is malformed or not on the curve
     */
    public ECPublicKey publicKey(byte[] point) throws SshException {
        ECPoint q = decodePoint(point);
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(q, params()));
        } catch (GeneralSecurityException e) {
            throw new SshException("Invalid " + sshName + " key: " + e.getMessage(), e);
        }
    }

    /**
     * @param scalar the private scalar
     * @return the JCA private key
     * @throws SshException when the scalar is out of range
     */
    public ECPrivateKey privateKey(BigInteger scalar) throws SshException {
        if (scalar.signum() <= 0 || scalar.compareTo(params().getOrder()) >= 0) {
            throw new SshException("The " + sshName + " private scalar is out of range (corrupt key?)");
        }
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(scalar, params()));
        } catch (GeneralSecurityException e) {
            throw new SshException("Invalid " + sshName + " key: " + e.getMessage(), e);
        }
    }

    /** @return a fresh key pair on this curve (an ephemeral ECDH key) */
    public KeyPair generateKeyPair() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec(jdkName));
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks the EC curve " + jdkName, e);
        }
    }

    /** @return the uncompressed encoding of a public key on this curve */
    public byte[] encode(ECPublicKey key) {
        return encodePoint(key.getW());
    }

    /**
     * @param point a point on this curve
     * @return {@code 04 || X || Y}, each coordinate in fixed width
     */
    public byte[] encodePoint(ECPoint point) {
        int n = fieldBytes();
        byte[] out = new byte[1 + 2 * n];
        out[0] = UNCOMPRESSED;
        fixedWidth(point.getAffineX(), out, 1, n);
        fixedWidth(point.getAffineY(), out, 1 + n, n);
        return out;
    }

    /** Writes an unsigned integer big-endian in exactly {@code len} bytes at {@code off}. */
    static void fixedWidth(BigInteger v, byte[] out, int off, int len) {
        byte[] b = v.toByteArray();
        int start = b.length > len ? b.length - len : 0;
        int copy = b.length - start;
        System.arraycopy(b, start, out, off + len - copy, copy);
    }
}
