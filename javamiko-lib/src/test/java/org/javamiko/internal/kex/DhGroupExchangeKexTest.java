package org.javamiko.internal.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.junit.jupiter.api.Test;

class DhGroupExchangeKexTest {
    private static final BigInteger P = DhGroups.GROUP16;
    private static final BigInteger G = BigInteger.TWO;
    private final RecordingContext ctx = new RecordingContext();
    private final DhGroupExchangeKex kex = new DhGroupExchangeKex(2048, 3072, 8192);

    @Test
    void requestsMinPreferredAndMax() throws Exception {
        kex.start(ctx);
        SshBuffer request = ctx.lastSent(34);
        assertThat(new int[] {request.getInt(), request.getInt(), request.getInt()}).containsExactly(2048, 3072, 8192);
        assertThat(request.available()).isZero();
    }

    @Test
    void runsTheExchangeAndHashesTheRequestAndTheGroup() throws Exception {
        kex.start(ctx);
        assertThat(kex.handle(31, group(P, G), ctx)).isFalse();
        BigInteger e = ctx.lastSent(32).getMpint();
        BigInteger y = new BigInteger("fedcba9876543210fedcba9876543210", 16);
        BigInteger f = G.modPow(y, P);

        assertThat(kex.handle(33, RecordingContext.reply(b -> b.putMpint(f)), ctx)).isTrue();

        byte[] expectedK = new SshBuffer().putMpint(e.modPow(y, P)).toByteArray();
        byte[] fields = new SshBuffer().putInt(2048).putInt(3072).putInt(8192)
                .putMpint(P).putMpint(G).putMpint(e).putMpint(f).toByteArray();
        assertThat(kex.result().sharedSecret()).isEqualTo(expectedK);
        assertThat(kex.result().exchangeHash()).isEqualTo(
                ExchangeHash.compute("SHA-256", ctx, RecordingContext.HOST_KEY, fields, expectedK));
    }

    @Test
    void refusesAGroupSmallerThanMin() throws Exception {
        kex.start(ctx);
        assertThatThrownBy(() -> kex.handle(31, group(BigInteger.ONE.shiftLeft(1535).add(BigInteger.ONE), G), ctx))
                .isInstanceOf(SshException.class).hasMessageContaining("1536 bits");
    }

    @Test
    void refusesAGroupLargerThanMax() throws Exception {
        kex.start(ctx);
        assertThatThrownBy(() -> kex.handle(31, group(BigInteger.ONE.shiftLeft(8192).add(BigInteger.ONE), G), ctx))
                .isInstanceOf(SshException.class).hasMessageContaining("8193 bits");
    }

    @Test
    void refusesAnEvenModulus() throws Exception {
        kex.start(ctx);
        assertThatThrownBy(() -> kex.handle(31, group(P.add(BigInteger.ONE), G), ctx))
                .isInstanceOf(SshException.class).hasMessageContaining("even");
    }

    @Test
    void refusesGeneratorOne() throws Exception {
        kex.start(ctx);
        assertThatThrownBy(() -> kex.handle(31, group(P, BigInteger.ONE), ctx))
                .isInstanceOf(SshException.class).hasMessageContaining("generator");
    }

    @Test
    void refusesGeneratorPMinusOne() throws Exception {
        kex.start(ctx);
        assertThatThrownBy(() -> kex.handle(31, group(P, P.subtract(BigInteger.ONE)), ctx))
                .isInstanceOf(SshException.class).hasMessageContaining("generator");
    }

    @Test
    void refusesAnFOutOfRange() throws Exception {
        kex.start(ctx);
        kex.handle(31, group(P, G), ctx);
        assertThatThrownBy(() -> kex.handle(33, RecordingContext.reply(b -> b.putMpint(P)), ctx))
                .isInstanceOf(SshException.class).hasMessageContaining("1 < f < p-1");
    }

    @Test
    void refusesTheReplyBeforeTheGroup() throws Exception {
        kex.start(ctx);
        assertThatThrownBy(() -> kex.handle(33, RecordingContext.reply(b -> b.putMpint(G)), ctx))
                .isInstanceOf(SshException.class).hasMessageContaining("expected the group");
    }

    @Test
    void refusesBoundsOutsideRfc4419() {
        assertThatThrownBy(() -> new DhGroupExchangeKex(512, 2048, 8192)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DhGroupExchangeKex(2048, 1024, 8192)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DhGroupExchangeKex(2048, 3072, 16384)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SshBuffer group(BigInteger p, BigInteger g) {
        return new SshBuffer().putMpint(p).putMpint(g);
    }
}
