package org.javamiko.internal.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

import javax.crypto.KeyAgreement;

import org.javamiko.SshException;
import org.javamiko.internal.crypto.EcCurves;
import org.javamiko.internal.wire.SshBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EcdhKexTest {
    private final RecordingContext ctx = new RecordingContext();

    @ParameterizedTest
    @EnumSource(EcCurves.class)
    void agreesWithAServerOnTheJdkAndHashesWithTheCurvesHash(EcCurves curve) throws Exception {
        EcdhKex kex = new EcdhKex(curve);
        kex.start(ctx);
        byte[] qc = ctx.lastSent(30).getString();
        KeyPair server = curve.generateKeyPair();
        ECParameterSpec params = ((ECPublicKey) server.getPublic()).getParams();
        byte[] qs = curve.encode((ECPublicKey) server.getPublic());

        kex.handle(31, RecordingContext.reply(b -> b.putString(qs)), ctx);

        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(server.getPrivate());
        ka.doPhase(KeyFactory.getInstance("EC").generatePublic(
                new ECPublicKeySpec(curve.decodePeerPoint(qc), params)), true);
        byte[] expectedK = new SshBuffer().putMpintUnsigned(ka.generateSecret()).toByteArray();
        byte[] fields = new SshBuffer().putString(qc).putString(qs).toByteArray();
        assertThat(kex.result().sharedSecret()).isEqualTo(expectedK);
        assertThat(kex.result().exchangeHash()).isEqualTo(
                ExchangeHash.compute(curve.digest(), ctx, RecordingContext.HOST_KEY, fields, expectedK));
    }

    @Test
    void sendsAnUncompressedPointOfTheFieldSize() throws Exception {
        EcdhKex kex = new EcdhKex(EcCurves.NISTP521);
        kex.start(ctx);
        byte[] qc = ctx.lastSent(30).getString();
        assertThat(qc).hasSize(133);
        assertThat(qc[0]).isEqualTo((byte) 4);
    }

    @Test
    void refusesAPointOffTheCurve() throws Exception {
        byte[] qs = validServerPoint(EcCurves.NISTP256);
        qs[qs.length - 1] ^= 1;
        assertRejected(EcCurves.NISTP256, qs, "not a point on the curve");
    }

    @Test
    void refusesThePointAtInfinity() throws Exception {
        assertRejected(EcCurves.NISTP256, new byte[] {0}, "1 bytes");
    }

    @Test
    void refusesACompressedPoint() throws Exception {
        byte[] qs = Arrays.copyOf(validServerPoint(EcCurves.NISTP384), 49);
        qs[0] = 2;
        assertRejected(EcCurves.NISTP384, qs, "uncompressed point");
    }

    @Test
    void refusesAPointOfAnotherCurve() throws Exception {
        assertRejected(EcCurves.NISTP256, validServerPoint(EcCurves.NISTP384), "97 bytes");
    }

    @Test
    void refusesACoordinateOutsideTheField() throws Exception {
        // x = p + x0 is the same x modulo p: only the range check can catch it, on P-521 where
        // the 66-byte encoding has room above p.
        ECPublicKey pub = (ECPublicKey) EcCurves.NISTP521.generateKeyPair().getPublic();
        BigInteger p = ((ECFieldFp) pub.getParams().getCurve().getField()).getP();
        byte[] qs = EcCurves.NISTP521.encode(pub);
        byte[] bigX = pub.getW().getAffineX().add(p).toByteArray(); // at most 66 bytes: p has 521 bits
        Arrays.fill(qs, 1, 67, (byte) 0);
        System.arraycopy(bigX, 0, qs, 67 - bigX.length, bigX.length);
        assertRejected(EcCurves.NISTP521, qs, "outside the field");
    }

    private static byte[] validServerPoint(EcCurves curve) {
        return curve.encode((ECPublicKey) curve.generateKeyPair().getPublic());
    }

    private void assertRejected(EcCurves curve, byte[] qs, String why) throws Exception {
        EcdhKex kex = new EcdhKex(curve);
        kex.start(ctx);
        assertThatThrownBy(() -> kex.handle(31, RecordingContext.reply(b -> b.putString(qs)), ctx))
                .isInstanceOf(SshException.class).hasMessageContaining(why);
    }
}
