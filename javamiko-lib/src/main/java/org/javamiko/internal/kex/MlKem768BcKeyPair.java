package org.javamiko.internal.kex;

import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.javamiko.SshException;

/** ML-KEM-768 (FIPS 203) on Bouncy Castle, for runtimes older than JDK 24. */
final class MlKem768BcKeyPair implements KemKeyPair {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] publicKey;
    private final MLKEMPrivateKeyParameters privateKey;

    /** Generates a fresh key pair. */
    MlKem768BcKeyPair() {
        MLKEMKeyPairGenerator gen = new MLKEMKeyPairGenerator();
        gen.init(new MLKEMKeyGenerationParameters(RANDOM, MLKEMParameters.ml_kem_768));
        AsymmetricCipherKeyPair pair = gen.generateKeyPair();
        publicKey = ((MLKEMPublicKeyParameters) pair.getPublic()).getEncoded();
        privateKey = (MLKEMPrivateKeyParameters) pair.getPrivate();
        if (publicKey.length != MlKem768.PUBLIC_KEY_LENGTH) {
            throw new IllegalStateException("Bouncy Castle made an ML-KEM-768 public key of " + publicKey.length
                    + " bytes, expected " + MlKem768.PUBLIC_KEY_LENGTH);
        }
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public int ciphertextLength() {
        return MlKem768.CIPHERTEXT_LENGTH;
    }

    @Override
    public byte[] decapsulate(byte[] ciphertext) throws SshException {
        MlKem768.checkCiphertext(ciphertext);
        return new MLKEMExtractor(privateKey).extractSecret(ciphertext);
    }
}
