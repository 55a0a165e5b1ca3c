package org.javamiko.internal.kex;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;

import javax.crypto.KeyAgreement;

import org.javamiko.SshException;

/**
 * One ephemeral X25519 key pair (RFC 7748) on the JDK's XDH, with the public value and the
 * shared secret in the 32-byte little-endian form SSH sends (RFC 8731).
 */
public final class X25519KeyPair {
    /** Length of a public value and of the shared secret. */
    static final int LENGTH = 32;

    private final PrivateKey privateKey;
    private final byte[] publicValue;

    /** Generates a fresh key pair. */
    public X25519KeyPair() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            privateKey = pair.getPrivate();
            publicValue = toLittleEndian(((XECPublicKey) pair.getPublic()).getU());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks X25519", e);
        }
    }

    /** @return our public value, 32 bytes little-endian */
    byte[] publicValue() {
        return publicValue.clone();
    }

    /**
     * Computes the shared secret with the peer's public value.
     *
     * @param peer the peer's 32-byte public value
     * @return the 32-byte shared secret, as X25519 outputs it
     * @throws SshException if the value has the wrong length or yields the all-zero secret
     *                      (a point of small order, which RFC 8731 §3 requires us to refuse)
     */
    byte[] agree(byte[] peer) throws SshException {
        if (peer.length != LENGTH) {
            throw new SshException("Server sent an X25519 public value of " + peer.length
                    + " bytes; it must be exactly " + LENGTH);
        }
        byte[] secret;
        try {
            KeyAgreement ka = KeyAgreement.getInstance("X25519");
            ka.init(privateKey);
            ka.doPhase(KeyFactory.getInstance("XDH").generatePublic(
                    new XECPublicKeySpec(NamedParameterSpec.X25519, fromLittleEndian(peer))), true);
            secret = ka.generateSecret();
        } catch (InvalidKeyException e) {
            // The JDK refuses points of small order itself, which is exactly the all-zero case.
            throw zeroSecret(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 key agreement failed", e);
        }
        if (isAllZero(secret)) {
            throw zeroSecret(null);
        }
        return secret;
    }

    private static SshException zeroSecret(Throwable cause) {
        return new SshException("Server sent an X25519 public value of small order (the shared secret "
                + "would be all zero); refusing it as RFC 8731 requires", cause);
    }

    private static boolean isAllZero(byte[] b) {
        int acc = 0;
        for (byte x : b) {
            acc |= x;
        }
        return acc == 0;
    }

    /** RFC 7748 §5: little-endian u-coordinate, the unused top bit masked off. */
    private static BigInteger fromLittleEndian(byte[] le) {
        byte[] be = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            be[i] = le[LENGTH - 1 - i];
        }
        be[0] &= 0x7f;
        return new BigInteger(1, be);
    }

    private static byte[] toLittleEndian(BigInteger u) {
        byte[] be = u.toByteArray();
        byte[] le = new byte[LENGTH];
        // toByteArray may carry a leading sign byte or be shorter than 32 bytes.
        for (int i = 0; i < LENGTH && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        Arrays.fill(be, (byte) 0);
        return le;
    }
}
