package org.javamiko.internal.kex;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Arrays;

import javax.crypto.SecretKey;

import org.javamiko.SshException;

/**
 * ML-KEM-768 on the JDK's own provider (JDK 24+). We compile for Java 17, which has no
 * {@code javax.crypto.KEM}, so that API is reached through method handles looked up once.
 */
final class MlKem768JdkKeyPair implements KemKeyPair {
    /**
     * The fixed DER header of an ML-KEM-768 SubjectPublicKeyInfo (algorithm id-alg-ml-kem-768,
     * OID 2.16.840.1.101.3.4.4.2, no parameters); the raw encapsulation key follows it.
     */
    private static final byte[] SPKI_HEADER = {
        0x30, (byte) 0x82, 0x04, (byte) 0xb2, 0x30, 0x0b, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01,
        0x65, 0x03, 0x04, 0x04, 0x02, 0x03, (byte) 0x82, 0x04, (byte) 0xa1, 0x00,
    };

    private static final MethodHandle KEM_GET_INSTANCE;
    private static final MethodHandle NEW_DECAPSULATOR;
    private static final MethodHandle DECAPSULATE;

    static {
        MethodHandle getInstance = null;
        MethodHandle newDecapsulator = null;
        MethodHandle decapsulate = null;
        try {
            Class<?> kem = Class.forName("javax.crypto.KEM");
            Class<?> decapsulator = Class.forName("javax.crypto.KEM$Decapsulator");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            getInstance = lookup.findStatic(kem, "getInstance", MethodType.methodType(kem, String.class));
            newDecapsulator = lookup.findVirtual(kem, "newDecapsulator",
                    MethodType.methodType(decapsulator, PrivateKey.class));
            decapsulate = lookup.findVirtual(decapsulator, "decapsulate",
                    MethodType.methodType(SecretKey.class, byte[].class));
        } catch (ReflectiveOperationException e) {
            // Before JDK 21 there is no KEM API: Bouncy Castle is used instead.
            getInstance = null;
        }
        KEM_GET_INSTANCE = getInstance;
        NEW_DECAPSULATOR = newDecapsulator;
        DECAPSULATE = decapsulate;
    }

    private final byte[] publicKey;
    private final PrivateKey privateKey;

    /** Generates a fresh key pair; only when {@link #isAvailable()}. */
    MlKem768JdkKeyPair() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("ML-KEM-768").generateKeyPair();
            publicKey = rawPublicKey(pair.getPublic().getEncoded());
            privateKey = pair.getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK's ML-KEM-768 failed to make a key pair", e);
        }
    }

    /** @return whether this runtime has both the KEM API and an ML-KEM-768 implementation */
    static boolean isAvailable() {
        if (KEM_GET_INSTANCE == null) {
            return false;
        }
        try {
            KeyPairGenerator.getInstance("ML-KEM-768");
            KEM_GET_INSTANCE.invoke("ML-KEM");
            return true;
        } catch (Throwable e) {
            return false;
        }
    }

    private static byte[] rawPublicKey(byte[] spki) {
        int headerLength = SPKI_HEADER.length;
        if (spki.length != headerLength + MlKem768.PUBLIC_KEY_LENGTH
                || !Arrays.equals(spki, 0, headerLength, SPKI_HEADER, 0, headerLength)) {
            throw new IllegalStateException("Unexpected encoding of the JDK's ML-KEM-768 public key ("
                    + spki.length + " bytes)");
        }
        return Arrays.copyOfRange(spki, headerLength, spki.length);
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
        try {
            Object kem = KEM_GET_INSTANCE.invoke("ML-KEM");
            Object decapsulator = NEW_DECAPSULATOR.invoke(kem, privateKey);
            return ((SecretKey) DECAPSULATE.invoke(decapsulator, ciphertext)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new SshException("ML-KEM-768 decapsulation failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("ML-KEM-768 decapsulation failed", e);
        }
    }
}
