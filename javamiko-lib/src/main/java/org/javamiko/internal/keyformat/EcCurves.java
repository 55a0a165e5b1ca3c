package org.javamiko.internal.keyformat;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECFieldFp;
import java.util.Arrays;
import java.util.List;

import org.javamiko.SshException;

/**
 * The three NIST curves SSH uses (RFC 5656): their SSH names, OIDs, JDK parameters, hash, and the
 * uncompressed point encoding.
 */
public enum EcCurves {
    /** P-256, signed with SHA-256. */
    NISTP256("nistp256", "secp256r1", "1.2.840.10045.3.1.7", 256, "SHA-256"),
    /** P-384, signed with SHA-384. */
    NISTP384("nistp384", "secp384r1", "1.3.132.0.34", 384, "SHA-384"),
    /** P-521, signed with SHA-512. */
    NISTP521("nistp521", "secp521r1", "1.3.132.0.35", 521, "SHA-512");

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
     * Decodes an uncompressed point ({@code 04 || X || Y}) and checks that it lies on the curve,
     * so a forged key cannot steer the arithmetic off the curve.
     *
     * @param encoded the point
     * @return the point
     * @throws SshException when the encoding is wrong or the point is not on the curve
     */
    public ECPoint decodePoint(byte[] encoded) throws SshException {
        int n = fieldBytes();
        if (encoded.length != 1 + 2 * n || encoded[0] != 4) {
            throw new SshException("Malformed " + sshName + " public point: expected " + (1 + 2 * n)
                    + " bytes starting with 04 (uncompressed), got " + encoded.length);
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(encoded, 1, 1 + n));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(encoded, 1 + n, encoded.length));
        ECParameterSpec p = params();
        BigInteger prime = ((ECFieldFp) p.getCurve().getField()).getP();
        if (x.compareTo(prime) >= 0 || y.compareTo(prime) >= 0) {
            throw new SshException("The " + sshName + " public point has a coordinate outside the field");
        }
        BigInteger lhs = y.multiply(y).mod(prime);
        BigInteger rhs = x.pow(3).add(p.getCurve().getA().multiply(x)).add(p.getCurve().getB()).mod(prime);
        if (!lhs.equals(rhs)) {
            throw new SshException("The " + sshName + " public point is not on the curve");
        }
        return new ECPoint(x, y);
    }

    /**
     * @param point a point on this curve
     * @return {@code 04 || X || Y}, each coordinate in fixed width
     */
    public byte[] encodePoint(ECPoint point) {
        int n = fieldBytes();
        byte[] out = new byte[1 + 2 * n];
        out[0] = 4;
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
