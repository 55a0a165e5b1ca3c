package org.javamiko.internal.cipher;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.javamiko.SshException;

/** Obtains JCA primitives, turning a missing or refused algorithm into an {@link SshException}. */
final class Jca {
    private Jca() {
    }

    /** @return a Cipher for {@code transformation} from the default providers (SunJCE first) */
    static Cipher cipher(String transformation) throws SshException {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new SshException("This Java runtime has no " + transformation + " cipher", e);
        }
    }

    /** @return an HMAC keyed with {@code key} */
    static Mac mac(String algorithm, byte[] key) throws SshException {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new SshException("This Java runtime cannot key a " + algorithm + " MAC", e);
        }
    }

    /** @return whether the default providers offer the cipher transformation */
    static boolean has(String transformation) {
        try {
            Cipher.getInstance(transformation);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** @return whether the default providers offer the MAC */
    static boolean hasMac(String algorithm) {
        try {
            Mac.getInstance(algorithm);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Wraps a failure to (re)initialise a cipher for one packet, which a correct key never causes. */
    static SshException initFailed(String algorithm, GeneralSecurityException e) {
        return new SshException(algorithm + " cipher refused its key or nonce", e);
    }
}
