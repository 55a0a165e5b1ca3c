package org.javamiko.internal.kex;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.util.Arrays;

import org.javamiko.SshException;

/**
 * The NIST curves of RFC 5656 with their SEC 1 point encoding: {@code 04 || X || Y}, each
 * coordinate as many bytes as the field. Decoding checks that a point lies on the curve, which
 * for these prime-order curves also puts it in the right group.
 */
enum EcCurve {
    NISTP256("secp256r1", "SHA-256"),
    NISTP384("secp384r1", "SHA-384"),
    NISTP521("secp521r1", "SHA-512");

    private static final int UNCOMPRESSED = 0x04;

    private final String jcaName;
    private final String hashAlgorithm;

    EcCurve(String jcaName, String hashAlgorithm) {
        this.jcaName = jcaName;
        this.hashAlgorithm = hashAlgorithm;
    }

    /** @return the JCA hash RFC 5656 §6.2.1 pairs with the curve */
    String hashAlgorithm() {
        return hashAlgorithm;
    }

    /** @return a fresh key pair on this curve */
    KeyPair generateKeyPair() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec(jcaName));
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks the EC curve " + jcaName, e);
        }
    }

    /** @return the uncompressed encoding of a public key on this curve */
    static byte[] encode(ECPublicKey key) {
        ECParameterSpec params = key.getParams();
        int size = fieldSize(params.getCurve());
        byte[] out = new byte[1 + 2 * size];
        out[0] = UNCOMPRESSED;
        putFixed(key.getW().getAffineX(), out, 1, size);
        putFixed(key.getW().getAffineY(), out, 1 + size, size);
        return out;
    }

    /**
     * Decodes and validates a peer's point.
     *
     * @param encoded the point as sent
     * @param params the curve it must lie on
     * @return the point
     * @throws SshException if it is not an uncompressed point of this curve
     */
    ECPoint decode(byte[] encoded, ECParameterSpec params) throws SshException {
        EllipticCurve curve = params.getCurve();
        int size = fieldSize(curve);
        if (encoded.length != 1 + 2 * size || encoded[0] != UNCOMPRESSED) {
            throw new SshException("Server sent an invalid " + jcaName + " public value: expected an "
                    + "uncompressed point of " + (1 + 2 * size) + " bytes starting with 04, got "
                    + encoded.length + " bytes" + (encoded.length > 0 ? String.format(" starting with %02x", encoded[0]) : ""));
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(encoded, 1, 1 + size));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(encoded, 1 + size, encoded.length));
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw new SshException("Server sent a " + jcaName + " public value with a coordinate outside the field");
        }
        // y^2 = x^3 + a*x + b (mod p)
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.multiply(x).add(curve.getA()).multiply(x).add(curve.getB()).mod(p);
        if (!left.equals(right)) {
            throw new SshException("Server sent a " + jcaName + " public value that is not a point on the curve");
        }
        return new ECPoint(x, y);
    }

    private static int fieldSize(EllipticCurve curve) {
        return (curve.getField().getFieldSize() + 7) / 8;
    }

    private static void putFixed(BigInteger v, byte[] out, int off, int size) {
        byte[] b = v.toByteArray();
        int skip = b.length > size ? b.length - size : 0; // a sign byte
        int len = b.length - skip;
        System.arraycopy(b, skip, out, off + size - len, len);
    }
}
