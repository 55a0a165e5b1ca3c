package org.javamiko.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.List;

import org.javamiko.SshException;
import org.javamiko.internal.crypto.EcCurves;
import org.javamiko.internal.wire.SshBuffer;

/** An ECDSA key on NIST P-256, P-384 or P-521 (RFC 5656), signing with the JDK. */
public class EcdsaKey extends PKey {
    private final EcCurves curve;
    private final ECPublicKey publicKey;
    private final ECPrivateKey privateKey;

    /**
     * @param publicKey the public key, on one of the three NIST curves
     * @param privateKey its private half, or null
     * @throws SshException when the curve is not supported
     */
    public EcdsaKey(ECPublicKey publicKey, ECPrivateKey privateKey) throws SshException {
        this.curve = EcCurves.bySpec(publicKey.getParams());
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /**
     * Builds a key from its SSH parts.
     *
     * @param curveName {@code nistp256}, {@code nistp384} or {@code nistp521}
     * @param point the uncompressed public point
     * @param privateScalar the private scalar, or null for a public key
     * @return the key
     * @throws SshException when the curve is unknown or the point is not on it
     */
    public static EcdsaKey of(String curveName, byte[] point, BigInteger privateScalar) throws SshException {
        EcCurves c = EcCurves.bySshName(curveName);
        ECPublicKey pub = c.publicKey(point);
        return new EcdsaKey(pub, privateScalar == null ? null : c.privateKey(privateScalar));
    }

    /**
     * @param bits 256, 384 or 521
     * @return a new random key pair on that curve
     * @throws IllegalArgumentException for any other size
     */
    public static EcdsaKey generate(int bits) {
        EcCurves c = EcCurves.byBits(bits);
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(c.params());
            KeyPair kp = g.generateKeyPair();
            return new EcdsaKey((ECPublicKey) kp.getPublic(), (ECPrivateKey) kp.getPrivate());
        } catch (GeneralSecurityException | SshException e) {
            throw new IllegalStateException("The JDK could not generate a " + c.sshName() + " key", e);
        }
    }

    /** @return the curve's SSH name, e.g. {@code nistp256} */
    public String getCurveName() {
        return curve.sshName();
    }

    /** @return the public point, uncompressed ({@code 04 || X || Y}) */
    public byte[] getPublicPoint() {
        return curve.encodePoint(publicKey.getW());
    }

    /** @return the JDK public key */
    public ECPublicKey getPublicKey() {
        return publicKey;
    }

    /** @return the JDK private key, or null when absent */
    public ECPrivateKey getPrivateKey() {
        return privateKey;
    }

    @Override
    public String getKeyType() {
        return curve.keyType();
    }

    @Override
    public int getBits() {
        return curve.bits();
    }

    @Override
    public byte[] keyBlob() {
        return new SshBuffer(200).putString(curve.keyType()).putString(curve.sshName())
                .putString(getPublicPoint()).toByteArray();
    }

    @Override
    public boolean canSign() {
        return privateKey != null;
    }

    @Override
    public List<String> signatureAlgorithms() {
        return offeredAlgorithms(List.of(curve.keyType()));
    }

    @Override
    public byte[] signSshData(byte[] data, String algorithm) throws IOException {
        if (!curve.keyType().equals(plainAlgorithm(algorithm))) {
            throw new SshException("A " + curve.keyType() + " key cannot sign with " + algorithm);
        }
        if (privateKey == null) {
            throw new SshException("This " + curve.keyType() + " key has no private half: it cannot sign");
        }
        try {
            Signature s = Signature.getInstance(curve.jcaSignature());
            s.initSign(privateKey);
            s.update(data);
            byte[] rs = s.sign();
            int n = rs.length / 2;
            SshBuffer inner = new SshBuffer(2 * n + 16)
                    .putMpint(new BigInteger(1, Arrays.copyOfRange(rs, 0, n)))
                    .putMpint(new BigInteger(1, Arrays.copyOfRange(rs, n, rs.length)));
            return new SshBuffer(2 * n + 64).putString(curve.keyType()).putString(inner.toByteArray()).toByteArray();
        } catch (GeneralSecurityException e) {
            throw new SshException("ECDSA signing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean verifySshSignature(byte[] data, byte[] signatureBlob) throws IOException {
        SshBuffer buf = SshBuffer.wrap(signatureBlob);
        if (!curve.keyType().equals(buf.getStringUtf8())) {
            return false;
        }
        byte[] p1363 = ecdsaRs(curve, buf.getString());
        if (p1363 == null) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(curve.jcaSignature());
            s.initVerify(publicKey);
            s.update(data);
            return s.verify(p1363);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * Turns the SSH inner signature ({@code mpint r, mpint s}) into fixed-width r||s.
     *
     * @return r||s, or null when r or s is out of range
     */
    static byte[] ecdsaRs(EcCurves curve, byte[] inner) throws SshException {
        SshBuffer rs = SshBuffer.wrap(inner);
        BigInteger r = rs.getMpint();
        BigInteger s = rs.getMpint();
        BigInteger order = curve.params().getOrder();
        if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(order) >= 0 || s.compareTo(order) >= 0) {
            return null;
        }
        int n = (order.bitLength() + 7) / 8;
        byte[] out = new byte[2 * n];
        byte[] rb = r.toByteArray();
        byte[] sb = s.toByteArray();
        int rl = Math.min(rb.length, n);
        int sl = Math.min(sb.length, n);
        System.arraycopy(rb, rb.length - rl, out, n - rl, rl);
        System.arraycopy(sb, sb.length - sl, out, 2 * n - sl, sl);
        return out;
    }
}
