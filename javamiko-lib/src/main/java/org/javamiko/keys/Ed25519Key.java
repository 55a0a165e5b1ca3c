package org.javamiko.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.List;

import org.javamiko.SshException;
import org.javamiko.internal.keyformat.JcaKeys;
import org.javamiko.internal.wire.SshBuffer;

/** An Ed25519 key (RFC 8709), signing with the JDK's EdDSA. */
public class Ed25519Key extends PKey {
    /** The key type and its only signature algorithm. */
    public static final String TYPE = "ssh-ed25519";

    // DER prefixes turning raw keys into the X.509 / PKCS#8 encodings the JDK's KeyFactory takes.

    private final byte[] publicKey;
    private final byte[] seed;
    private final PublicKey jdkPublic;
    private final PrivateKey jdkPrivate;

    /**
     * A public key.
     *
     * @param publicKey the 32-byte encoded point
     * @throws SshException when the key is not 32 bytes or not a valid point
     */
    public Ed25519Key(byte[] publicKey) throws SshException {
        this(publicKey, null);
    }

    /**
     * A key pair.
     *
     * @param publicKey the 32-byte encoded point
     * @param seed the 32-byte private seed, or null for a public key only
     * @throws SshException when a length is wrong, or the seed does not belong to the public key
     */
    public Ed25519Key(byte[] publicKey, byte[] seed) throws SshException {
        if (publicKey.length != 32) {
            throw new SshException("An Ed25519 public key has 32 bytes, not " + publicKey.length);
        }
        if (seed != null && seed.length != 32) {
            throw new SshException("An Ed25519 private seed has 32 bytes, not " + seed.length);
        }
        this.publicKey = publicKey.clone();
        this.seed = seed == null ? null : seed.clone();
        this.jdkPublic = JcaKeys.ed25519Public(publicKey);
        this.jdkPrivate = seed == null ? null : JcaKeys.ed25519Private(seed);
        if (seed != null) {
            checkPair();
        }
    }

    /** @return a new random key pair */
    public static Ed25519Key generate() {
        try {
            KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new Ed25519Key(JcaKeys.ed25519Raw(kp.getPublic()), JcaKeys.ed25519Seed(kp.getPrivate()));
        } catch (GeneralSecurityException | SshException e) {
            throw new IllegalStateException("The JDK could not generate an Ed25519 key", e);
        }
    }

    /**
     * A seed that does not match the public half would sign with a key the server does not know.
     * The public key derived from the seed (one scalar multiplication) settles a match; only a
     * mismatch is confirmed by signing and verifying (three times the work), so that a JDK whose
     * key generator drew its seed differently could never make a good key look bad.
     */
    private void checkPair() throws SshException {
        if (MessageDigest.isEqual(publicKeyOf(seed), publicKey)) {
            return;
        }
        byte[] probe = "javamiko key check".getBytes(StandardCharsets.US_ASCII);
        try {
            if (!verifyRaw(probe, rawSign(probe))) {
                throw new SshException("The Ed25519 private key does not match its public key (corrupt key file?)");
            }
        } catch (GeneralSecurityException e) {
            throw new SshException("Invalid Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /**
     * The public key of a seed, from the JDK's key pair generator fed the seed as its "random"
     * private key (RFC 8032 §5.1.5: the public key is a pure function of the 32-byte seed).
     *
     * @return the encoded public key, or an empty array when the JDK cannot derive it this way
     */
    static byte[] publicKeyOf(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedAsRandom(seed));
            byte[] x509 = generator.generateKeyPair().getPublic().getEncoded();
            return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
        } catch (GeneralSecurityException | IllegalStateException e) {
            return new byte[0];
        }
    }

    /** Hands out one seed as the only "random" bytes, and refuses any other request. */
    private static final class SeedAsRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;
        private boolean used;

        SeedAsRandom(byte[] seed) {
            super(new NoSpi(), null);
            this.seed = seed;
        }

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            if (used || bytes.length != seed.length) {
                throw new IllegalStateException("the key generator asked for other random bytes than one seed");
            }
            used = true;
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }

    /** The engine of {@link SeedAsRandom}, which overrides the only method the generator calls. */
    private static final class NoSpi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;

        @Override
        protected void engineSetSeed(byte[] seed) {
            throw new IllegalStateException("not a random source");
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            throw new IllegalStateException("not a random source");
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            throw new IllegalStateException("not a random source");
        }
    }

    /** @return the 32-byte public key */
    public byte[] getPublicKeyBytes() {
        return publicKey.clone();
    }

    /** @return the 32-byte private seed; the key must be able to sign */
    public byte[] getSeed() {
        if (seed == null) {
            throw new IllegalStateException("This Ed25519 key has no private half");
        }
        return seed.clone();
    }

    @Override
    public String getKeyType() {
        return TYPE;
    }

    @Override
    public int getBits() {
        return 256;
    }

    @Override
    public byte[] keyBlob() {
        return new SshBuffer(51).putString(TYPE).putString(publicKey).toByteArray();
    }

    @Override
    public boolean canSign() {
        return seed != null;
    }

    @Override
    public List<String> signatureAlgorithms() {
        return offeredAlgorithms(List.of(TYPE));
    }

    @Override
    public byte[] signSshData(byte[] data, String algorithm) throws IOException {
        if (!TYPE.equals(plainAlgorithm(algorithm))) {
            throw new SshException("An Ed25519 key cannot sign with " + algorithm);
        }
        if (seed == null) {
            throw new SshException("This Ed25519 key has no private half: it cannot sign");
        }
        try {
            return new SshBuffer(83).putString(TYPE).putString(rawSign(data)).toByteArray();
        } catch (GeneralSecurityException e) {
            throw new SshException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean verifySshSignature(byte[] data, byte[] signatureBlob) throws IOException {
        SshBuffer buf = SshBuffer.wrap(signatureBlob);
        String alg = buf.getStringUtf8();
        byte[] sig = buf.getString();
        if (!TYPE.equals(alg) || sig.length != 64) {
            return false;
        }
        try {
            return verifyRaw(data, sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private byte[] rawSign(byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(jdkPrivate);
        s.update(data);
        return s.sign();
    }

    private boolean verifyRaw(byte[] data, byte[] sig) throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(jdkPublic);
        s.update(data);
        return s.verify(sig);
    }
}
