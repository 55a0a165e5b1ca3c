package org.javamiko.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.List;
import java.util.Map;

import org.javamiko.SshException;
import org.javamiko.internal.keyformat.JcaKeys;
import org.javamiko.internal.wire.SshBuffer;

/**
 * An RSA key, signing with PKCS#1 v1.5 over SHA-512, SHA-256 (RFC 8332) or, when asked, SHA-1.
 */
public class RsaKey extends PKey {
    /** The key type. */
    public static final String TYPE = "ssh-rsa";

    private static final Map<String, String> JCA = Map.of(
            "rsa-sha2-512", "SHA512withRSA",
            "rsa-sha2-256", "SHA256withRSA",
            "ssh-rsa", "SHA1withRSA");
    private static final List<String> ALGORITHMS = List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
    private static final int MAX_BITS = 16384;
    /** OpenSSH's minimum (SSH_RSA_MINIMUM_MODULUS_SIZE): shorter moduli have been factored. */
    public static final int MIN_BITS = 1024;

    private final RSAPublicKey publicKey;
    private final RSAPrivateCrtKey privateKey;

    /**
     * @param publicKey the public key
     * @param privateKey its private half, or null
     * @throws SshException when the modulus is too short (under {@value #MIN_BITS} bits, for a host,
     *         user or CA key alike) or absurd (over 16384 bits or even)
     */
    public RsaKey(RSAPublicKey publicKey, RSAPrivateCrtKey privateKey) throws SshException {
        BigInteger n = publicKey.getModulus();
        if (n.bitLength() < MIN_BITS) {
            throw new SshException("RSA key refused: its modulus has " + n.bitLength() + " bits, under the "
                    + MIN_BITS + " OpenSSH requires (keys that short can be factored); use a key of 3072 bits or more");
        }
        if (n.bitLength() > MAX_BITS || !n.testBit(0) || publicKey.getPublicExponent().signum() <= 0) {
            throw new SshException("Invalid RSA public key (" + n.bitLength() + "-bit modulus)");
        }
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /**
     * Builds a key from its numbers.
     *
     * @param e public exponent
     * @param n modulus
     * @return the public key
     * @throws SshException when the numbers are not an RSA key
     */
    public static RsaKey ofPublic(BigInteger e, BigInteger n) throws SshException {
        return new RsaKey(JcaKeys.rsaPublic(e, n), null);
    }

    /**
     * Builds a key pair from the numbers key files hold; the CRT exponents are derived.
     *
     * @param n modulus
     * @param e public exponent
     * @param d private exponent
     * @param p first prime
     * @param q second prime
     * @param iqmp q^-1 mod p, or null to compute it
     * @return the key pair
     * @throws SshException when the numbers do not form an RSA key
     */
    public static RsaKey ofPrivate(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q,
            BigInteger iqmp) throws SshException {
        KeyPair kp = JcaKeys.rsaPair(n, e, d, p, q, iqmp);
        return new RsaKey((RSAPublicKey) kp.getPublic(), (RSAPrivateCrtKey) kp.getPrivate());
    }

    /**
     * @param bits modulus size, at least 2048
     * @return a new random key pair with exponent 65537
     * @throws IllegalArgumentException when bits is under 2048 or over 16384
     */
    public static RsaKey generate(int bits) {
        if (bits < 2048 || bits > MAX_BITS) {
            throw new IllegalArgumentException("RSA keys need 2048 to 16384 bits, not " + bits);
        }
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4));
            KeyPair kp = g.generateKeyPair();
            return new RsaKey((RSAPublicKey) kp.getPublic(), (RSAPrivateCrtKey) kp.getPrivate());
        } catch (GeneralSecurityException | SshException e) {
            throw new IllegalStateException("The JDK could not generate an RSA key", e);
        }
    }

    /** @return the JDK public key */
    public RSAPublicKey getPublicKey() {
        return publicKey;
    }

    /** @return the JDK private key, or null when absent */
    public RSAPrivateCrtKey getPrivateKey() {
        return privateKey;
    }

    @Override
    public String getKeyType() {
        return TYPE;
    }

    @Override
    public int getBits() {
        return publicKey.getModulus().bitLength();
    }

    @Override
    public byte[] keyBlob() {
        return new SshBuffer(600).putString(TYPE).putMpint(publicKey.getPublicExponent())
                .putMpint(publicKey.getModulus()).toByteArray();
    }

    @Override
    public boolean canSign() {
        return privateKey != null;
    }

    @Override
    public List<String> signatureAlgorithms() {
        return offeredAlgorithms(ALGORITHMS);
    }

    @Override
    public byte[] signSshData(byte[] data, String algorithm) throws IOException {
        String plain = plainAlgorithm(algorithm);
        String jca = JCA.get(plain);
        if (jca == null) {
            throw new SshException("An RSA key cannot sign with " + algorithm + " (it signs with " + ALGORITHMS + ")");
        }
        if (privateKey == null) {
            throw new SshException("This RSA key has no private half: it cannot sign");
        }
        try {
            Signature s = Signature.getInstance(jca);
            s.initSign(privateKey);
            s.update(data);
            return new SshBuffer(600).putString(plain).putString(s.sign()).toByteArray();
        } catch (GeneralSecurityException e) {
            throw new SshException("RSA signing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean verifySshSignature(byte[] data, byte[] signatureBlob) throws IOException {
        SshBuffer buf = SshBuffer.wrap(signatureBlob);
        String jca = JCA.get(buf.getStringUtf8());
        byte[] sig = buf.getString();
        int modulusBytes = (getBits() + 7) / 8;
        if (jca == null || sig.length > modulusBytes) {
            return false;
        }
        if (sig.length < modulusBytes) {
            // OpenSSH accepts signatures with their leading zero bytes dropped; the JDK wants full width.
            byte[] padded = new byte[modulusBytes];
            System.arraycopy(sig, 0, padded, modulusBytes - sig.length, sig.length);
            sig = padded;
        }
        try {
            Signature s = Signature.getInstance(jca);
            s.initVerify(publicKey);
            s.update(data);
            return s.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
