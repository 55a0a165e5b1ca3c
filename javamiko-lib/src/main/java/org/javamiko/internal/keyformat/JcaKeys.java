package org.javamiko.internal.keyformat;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

import org.javamiko.SshException;

/** JCA keys from the numbers and bytes key files and blobs hold, and back. */
public final class JcaKeys {
    private static final byte[] ED25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] ED25519_PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private JcaKeys() {
    }

    /**
     * @param e public exponent
     * @param n modulus
     * @return the JCA public key
     * @throws SshException when the numbers are not an RSA key
     */
    public static RSAPublicKey rsaPublic(BigInteger e, BigInteger n) throws SshException {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        } catch (GeneralSecurityException ex) {
            throw new SshException("Invalid RSA public key: " + ex.getMessage(), ex);
        }
    }

    /**
     * A key pair from the numbers key files hold; the CRT exponents are derived.
     *
     * @param iqmp q^-1 mod p, or null to compute it
     * @return the public and the private key
     * @throws SshException when the numbers do not form an RSA key
     */
    public static KeyPair rsaPair(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q,
            BigInteger iqmp) throws SshException {
        if (p.signum() <= 0 || q.signum() <= 0 || !p.multiply(q).equals(n)) {
            throw new SshException("The RSA private key is inconsistent: p*q is not the modulus (corrupt key?)");
        }
        BigInteger crt = iqmp != null && iqmp.signum() > 0 ? iqmp : q.modInverse(p);
        try {
            KeyFactory kf = KeyFactory.getInstance("RSA");
            RSAPublicKey pub = (RSAPublicKey) kf.generatePublic(new RSAPublicKeySpec(n, e));
            RSAPrivateCrtKey priv = (RSAPrivateCrtKey) kf.generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, p, q,
                    d.mod(p.subtract(BigInteger.ONE)), d.mod(q.subtract(BigInteger.ONE)), crt));
            return new KeyPair(pub, priv);
        } catch (GeneralSecurityException | ArithmeticException ex) {
            throw new SshException("Invalid RSA private key: " + ex.getMessage(), ex);
        }
    }

    /**
     * @param raw the 32-byte encoded point
     * @return the JCA Ed25519 public key
     * @throws SshException when the key is not 32 bytes or not a valid point
     */
    public static PublicKey ed25519Public(byte[] raw) throws SshException {
        if (raw.length != 32) {
            throw new SshException("An Ed25519 public key has 32 bytes, not " + raw.length);
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(ED25519_X509_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new SshException("Invalid Ed25519 key: " + e.getMessage(), e);
        }
    }

    /**
     * @param seed the 32-byte private seed
     * @return the JCA Ed25519 private key
     * @throws SshException when the seed is not 32 bytes
     */
    public static PrivateKey ed25519Private(byte[] seed) throws SshException {
        if (seed.length != 32) {
            throw new SshException("An Ed25519 private seed has 32 bytes, not " + seed.length);
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(ED25519_PKCS8_PREFIX, seed)));
        } catch (GeneralSecurityException e) {
            throw new SshException("Invalid Ed25519 key: " + e.getMessage(), e);
        }
    }

    /**
     * @param key a JCA Ed25519 public key
     * @return its 32-byte encoded point
     */
    public static byte[] ed25519Raw(PublicKey key) {
        byte[] x509 = key.getEncoded();
        return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    }

    /**
     * @param key a JCA Ed25519 private key
     * @return its 32-byte seed
     */
    public static byte[] ed25519Seed(PrivateKey key) {
        return ((EdECPrivateKey) key).getBytes().orElseThrow(
                () -> new IllegalStateException("The Ed25519 private key does not reveal its seed"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
