package org.javamiko.internal.kex;

import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMExtractor;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyPairGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePrivateKeyParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePublicKeyParameters;
import org.javamiko.SshException;

/** Streamlined NTRU Prime 761 on Bouncy Castle (the JDK has no NTRU Prime). */
final class Sntrup761KeyPair implements KemKeyPair {
    /** Public key length (sntrup761). */
    static final int PUBLIC_KEY_LENGTH = 1158;
    /** Ciphertext length (sntrup761). */
    static final int CIPHERTEXT_LENGTH = 1039;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] publicKey;
    private final SNTRUPrimePrivateKeyParameters privateKey;

    /** Generates a fresh key pair. */
    Sntrup761KeyPair() {
        SNTRUPrimeKeyPairGenerator gen = new SNTRUPrimeKeyPairGenerator();
        gen.init(new SNTRUPrimeKeyGenerationParameters(RANDOM, SNTRUPrimeParameters.sntrup761));
        AsymmetricCipherKeyPair pair = gen.generateKeyPair();
        publicKey = ((SNTRUPrimePublicKeyParameters) pair.getPublic()).getEncoded();
        privateKey = (SNTRUPrimePrivateKeyParameters) pair.getPrivate();
        if (publicKey.length != PUBLIC_KEY_LENGTH) {
            throw new IllegalStateException("Bouncy Castle made an sntrup761 public key of " + publicKey.length
                    + " bytes, expected " + PUBLIC_KEY_LENGTH);
        }
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public int ciphertextLength() {
        return CIPHERTEXT_LENGTH;
    }

    @Override
    public byte[] decapsulate(byte[] ciphertext) throws SshException {
        if (ciphertext.length != CIPHERTEXT_LENGTH) {
            throw new SshException("sntrup761 ciphertext of " + ciphertext.length + " bytes; expected " + CIPHERTEXT_LENGTH);
        }
        return new SNTRUPrimeKEMExtractor(privateKey).extractSecret(ciphertext);
    }
}
