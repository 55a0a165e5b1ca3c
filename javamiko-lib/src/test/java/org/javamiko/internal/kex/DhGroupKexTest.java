package org.javamiko.internal.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DhGroupKexTest {
    private static final BigInteger P = DhGroups.GROUP14;
    private final RecordingContext ctx = new RecordingContext();
    private final DhGroupKex kex = new DhGroupKex(P, "SHA-256");

    @Test
    void agreesWithAServerAndHashesEAndFAsMpints() throws Exception {
        kex.start(ctx);
        BigInteger e = ctx.lastSent(30).getMpint();
        BigInteger y = new BigInteger("123456789abcdef0123456789abcdef", 16);
        BigInteger f = BigInteger.TWO.modPow(y, P);

        kex.handle(31, RecordingContext.reply(b -> b.putMpint(f)), ctx);

        byte[] expectedK = new SshBuffer().putMpint(e.modPow(y, P)).toByteArray();
        byte[] fields = new SshBuffer().putMpint(e).putMpint(f).toByteArray();
        assertThat(kex.result().sharedSecret()).isEqualTo(expectedK);
        assertThat(kex.result().exchangeHash()).isEqualTo(
                ExchangeHash.compute("SHA-256", ctx, RecordingContext.HOST_KEY, fields, expectedK));
    }

    @Test
    void sendsAnEInsideTheGroup() throws Exception {
        kex.start(ctx);
        BigInteger e = ctx.lastSent(30).getMpint();
        assertThat(e).isGreaterThan(BigInteger.ONE).isLessThan(P.subtract(BigInteger.ONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "-5", "p-1", "p", "p+1"})
    void refusesAnFOutsideOneToPMinusOne(String which) throws Exception {
        BigInteger f = switch (which) {
            case "p-1" -> P.subtract(BigInteger.ONE);
            case "p" -> P;
            case "p+1" -> P.add(BigInteger.ONE);
            default -> new BigInteger(which);
        };
        kex.start(ctx);
        assertThatThrownBy(() -> kex.handle(31, RecordingContext.reply(b -> b.putMpint(f)), ctx))
                .isInstanceOf(SshException.class).hasMessageContaining("1 < f < p-1");
    }
}
