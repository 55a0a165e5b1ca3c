package org.javamiko.internal.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.security.KeyFactory;

import javax.crypto.KeyAgreement;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.junit.jupiter.api.Test;

class Curve25519KexTest {
    private final RecordingContext ctx = new RecordingContext();
    private final Curve25519Kex kex = new Curve25519Kex();

    @Test
    void sendsA32ByteX25519PublicValue() throws Exception {
        kex.start(ctx);
        assertThat(ctx.lastSent(30).getString()).hasSize(32);
    }

    @Test
    void usesTheKeyPairTheTransportMadeAhead() throws Exception {
        X25519KeyPair madeAhead = new X25519KeyPair();
        RecordingContext handsOver = new RecordingContext() {
            @Override
            public X25519KeyPair x25519KeyPair() {
                return madeAhead;
            }
        };
        kex.start(handsOver);
        assertThat(handsOver.lastSent(30).getString()).isEqualTo(madeAhead.publicValue());
    }

    @Test
    void agreesWithAServerOnTheJdkAndHashesQcQsAndKAsAnMpint() throws Exception {
        kex.start(ctx);
        byte[] qc = ctx.lastSent(30).getString();
        KeyPair server = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        byte[] qs = littleEndian(((XECPublicKey) server.getPublic()).getU());

        assertThat(kex.handle(31, RecordingContext.reply(b -> b.putString(qs)), ctx)).isTrue();

        KeyAgreement ka = KeyAgreement.getInstance("X25519");
        ka.init(server.getPrivate());
        ka.doPhase(KeyFactory.getInstance("XDH").generatePublic(
                new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, reverse(qc)))), true);
        byte[] expectedK = new SshBuffer().putMpintUnsigned(ka.generateSecret()).toByteArray();
        byte[] fields = new SshBuffer().putString(qc).putString(qs).toByteArray();
        KexResult r = kex.result();
        assertThat(r.sharedSecret()).isEqualTo(expectedK);
        assertThat(r.exchangeHash()).isEqualTo(
                ExchangeHash.compute("SHA-256", ctx, RecordingContext.HOST_KEY, fields, expectedK));
        assertThat(r.hostKeyBlob()).isEqualTo(RecordingContext.HOST_KEY);
        assertThat(r.signature()).isEqualTo(RecordingContext.SIGNATURE);
        assertThat(r.hashAlgorithm()).isEqualTo("SHA-256");
    }

    @Test
    void refusesAShortServerValue() throws Exception {
        kex.start(ctx);
        assertThatThrownBy(() -> kex.handle(31, RecordingContext.reply(b -> b.putString(new byte[31])), ctx))
                .isInstanceOf(SshException.class).hasMessageContaining("31 bytes");
    }

    @Test
    void refusesALongServerValue() throws Exception {
        kex.start(ctx);
        assertThatThrownBy(() -> kex.handle(31, RecordingContext.reply(b -> b.putString(new byte[33])), ctx))
                .isInstanceOf(SshException.class).hasMessageContaining("33 bytes");
    }

    @Test
    void refusesAServerValueGivingTheAllZeroSecret() throws Exception {
        kex.start(ctx);
        assertThatThrownBy(() -> kex.handle(31, RecordingContext.reply(b -> b.putString(new byte[32])), ctx))
                .isInstanceOf(SshException.class).hasMessageContaining("all zero");
    }

    @Test
    void refusesAPointOfOrderTwoWithItsTopBitSet() throws Exception {
        // u = 1 has small order; the unused top bit must be masked, not make it a new point.
        byte[] one = new byte[32];
        one[0] = 1;
        one[31] = (byte) 0x80;
        kex.start(ctx);
        assertThatThrownBy(() -> kex.handle(31, RecordingContext.reply(b -> b.putString(one)), ctx))
                .isInstanceOf(SshException.class).hasMessageContaining("all zero");
    }

    @Test
    void refusesTrailingBytesAfterTheSignature() throws Exception {
        kex.start(ctx);
        SshBuffer reply = RecordingContext.reply(b -> b.putString(new byte[32])).putByte(0);
        assertThatThrownBy(() -> kex.handle(31, reply, ctx)).isInstanceOf(SshException.class);
    }

    @Test
    void refusesAnUnexpectedMessageType() throws Exception {
        kex.start(ctx);
        assertThatThrownBy(() -> kex.handle(33, RecordingContext.reply(b -> b.putString(new byte[32])), ctx))
                .isInstanceOf(SshException.class).hasMessageContaining("33");
    }

    @Test
    void refusesAReplyBeforeStart() {
        assertThatThrownBy(() -> kex.handle(31, RecordingContext.reply(b -> b.putString(new byte[32])), ctx))
                .isInstanceOf(SshException.class);
    }

    @Test
    void hasNoResultBeforeTheReply() throws Exception {
        kex.start(ctx);
        assertThatThrownBy(kex::result).isInstanceOf(IllegalStateException.class);
    }

    static byte[] littleEndian(BigInteger u) {
        byte[] be = u.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }
}
