package org.javamiko.internal.kex;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;

import javax.crypto.KeyAgreement;

import org.javamiko.SshException;
import org.javamiko.internal.crypto.EcCurves;
import org.javamiko.internal.wire.SshBuffer;

/**
 * {@code ecdh-sha2-nistp256}, {@code -nistp384} and {@code -nistp521} (RFC 5656 §4): ephemeral
 * ECDH with the public values as strings holding uncompressed points and K as the shared
 * x-coordinate read as an unsigned mpint.
 */
final class EcdhKex extends SingleRoundKex {
    private final EcCurves curve;
    private KeyPair keyPair;

    /** @param curve the method's curve */
    EcdhKex(EcCurves curve) {
        super(curve.digest());
        this.curve = curve;
    }

    @Override
    void writeClientValue(SshBuffer msg, KexContext ctx) {
        keyPair = curve.generateKeyPair();
        msg.putString(curve.encode((ECPublicKey) keyPair.getPublic()));
    }

    @Override
    byte[] readServerValue(SshBuffer reply) throws SshException {
        ECParameterSpec params = ((ECPublicKey) keyPair.getPublic()).getParams();
        ECPoint point = curve.decodePeerPoint(reply.getString());
        try {
            PublicKey server = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, params));
            KeyAgreement ka = KeyAgreement.getInstance("ECDH");
            ka.init(keyPair.getPrivate());
            ka.doPhase(server, true);
            return SecretEncoding.mpintUnsigned(ka.generateSecret());
        } catch (GeneralSecurityException e) {
            // Not expected for a point validated above; still a failed exchange, so an SshException.
            throw new SshException("ECDH key agreement failed: " + e.getMessage(), e);
        }
    }
}
