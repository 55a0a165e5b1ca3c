package org.javamiko.internal.kex;

import org.javamiko.SshException;

/**
 * ML-KEM-768 (FIPS 203): the JDK's own implementation where the runtime has one (JDK 24 and
 * later), Bouncy Castle's otherwise. The choice is made once, when this class loads.
 */
final class MlKem768 {
    /** Encapsulation key length. */
    static final int PUBLIC_KEY_LENGTH = 1184;
    /** Ciphertext length. */
    static final int CIPHERTEXT_LENGTH = 1088;

    private static final boolean USE_JDK = MlKem768JdkKeyPair.isAvailable();

    private MlKem768() {
    }

    /** @return a fresh key pair */
    static KemKeyPair generate() {
        return USE_JDK ? new MlKem768JdkKeyPair() : new MlKem768BcKeyPair();
    }

    /** @return which implementation {@link #generate()} uses: {@code "JDK"} or {@code "Bouncy Castle"} */
    static String implementation() {
        return USE_JDK ? "JDK" : "Bouncy Castle";
    }

    /** @throws SshException unless the ciphertext has the ML-KEM-768 length */
    static void checkCiphertext(byte[] ciphertext) throws SshException {
        if (ciphertext.length != CIPHERTEXT_LENGTH) {
            throw new SshException("ML-KEM-768 ciphertext of " + ciphertext.length + " bytes; expected " + CIPHERTEXT_LENGTH);
        }
    }
}
