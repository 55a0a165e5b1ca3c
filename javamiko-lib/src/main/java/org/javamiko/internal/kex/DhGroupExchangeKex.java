package org.javamiko.internal.kex;

import java.io.IOException;
import java.math.BigInteger;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * {@code diffie-hellman-group-exchange-sha256} (RFC 4419): the client asks for a group of
 * between {@code min} and {@code max} bits, preferably {@code preferred}; the server picks p and
 * g; then Diffie-Hellman runs as over a fixed group. The exchange hash also covers the request
 * and the group: {@code min, n, max} as uint32, then {@code p, g, e, f} as mpints.
 *
 * <p>The group is checked for size and for {@code 1 < g < p-1}, but not tested for primality:
 * that costs as much as the exchange itself for large p, OpenSSH's client does not do it either,
 * and a server able to send a weak group is the very server the host key authenticates.
 */
final class DhGroupExchangeKex implements KeyExchange {
    /** RFC 4419 §3: a group smaller than this must not be asked for. */
    static final int SMALLEST = 1024;
    /** RFC 4419 §3: the largest group a request may name. */
    static final int LARGEST = 8192;

    private enum State { NEW, AWAITING_GROUP, AWAITING_REPLY, DONE }

    private final int min;
    private final int preferred;
    private final int max;
    private State state = State.NEW;
    private BigInteger p;
    private BigInteger g;
    private FiniteFieldDh dh;
    private KexResult result;

    /**
     * @param min the smallest group accepted, in bits
     * @param preferred the size asked for
     * @param max the largest group accepted
     */
    DhGroupExchangeKex(int min, int preferred, int max) {
        checkBounds(min, preferred, max);
        this.min = min;
        this.preferred = preferred;
        this.max = max;
    }

    /** @throws IllegalArgumentException unless {@code 1024 <= min <= preferred <= max <= 8192} */
    static void checkBounds(int min, int preferred, int max) {
        if (min < SMALLEST || min > preferred || preferred > max || max > LARGEST) {
            throw new IllegalArgumentException("Group-exchange sizes must satisfy " + SMALLEST
                    + " <= min <= preferred <= max <= " + LARGEST + ", got " + min + "/" + preferred + "/" + max);
        }
    }

    @Override
    public void start(KexContext ctx) throws IOException {
        if (state != State.NEW) {
            throw new IllegalStateException("This key exchange was already started; make a new one");
        }
        SshBuffer msg = new SshBuffer(16);
        msg.putByte(KexMessages.KEX_DH_GEX_REQUEST).putInt(min).putInt(preferred).putInt(max);
        state = State.AWAITING_GROUP;
        ctx.send(msg);
    }

    @Override
    public boolean handle(int type, SshBuffer payload, KexContext ctx) throws IOException {
        if (state == State.AWAITING_GROUP && type == KexMessages.KEX_DH_GEX_GROUP) {
            acceptGroup(payload, ctx);
            return false;
        }
        if (state == State.AWAITING_REPLY && type == KexMessages.KEX_DH_GEX_REPLY) {
            finish(payload, ctx);
            return true;
        }
        throw new SshException("Server sent message " + type + " during the group exchange; expected "
                + (state == State.AWAITING_GROUP ? "the group (" + KexMessages.KEX_DH_GEX_GROUP + ")"
                : state == State.AWAITING_REPLY ? "the reply (" + KexMessages.KEX_DH_GEX_REPLY + ")"
                : "nothing"));
    }

    private void acceptGroup(SshBuffer payload, KexContext ctx) throws IOException {
        BigInteger prime = payload.getMpint();
        BigInteger generator = payload.getMpint();
        SingleRoundKex.requireEnd(payload);
        int bits = prime.bitLength();
        if (prime.signum() <= 0 || bits < min || bits > max) {
            throw new SshException("Server offered a Diffie-Hellman group of " + bits + " bits; we asked for "
                    + min + " to " + max);
        }
        if (!prime.testBit(0)) {
            throw new SshException("Server offered a Diffie-Hellman group whose modulus is even, so not a prime");
        }
        if (!FiniteFieldDh.isValidPublic(generator, prime)) {
            throw new SshException("Server offered a Diffie-Hellman generator outside 1 < g < p-1");
        }
        p = prime;
        g = generator;
        dh = new FiniteFieldDh(p, g);
        SshBuffer msg = new SshBuffer(p.bitLength() / 8 + 16);
        msg.putByte(KexMessages.KEX_DH_GEX_INIT).putMpint(dh.publicValue());
        state = State.AWAITING_REPLY;
        ctx.send(msg);
    }

    private void finish(SshBuffer payload, KexContext ctx) throws SshException {
        byte[] hostKey = payload.getString();
        BigInteger f = payload.getMpint();
        byte[] signature = payload.getString();
        SingleRoundKex.requireEnd(payload);
        byte[] sharedSecret = dh.agree(f);

        SshBuffer fields = new SshBuffer(3 * p.bitLength() / 8 + 64);
        fields.putInt(min).putInt(preferred).putInt(max)
                .putMpint(p).putMpint(g).putMpint(dh.publicValue()).putMpint(f);
        byte[] h = ExchangeHash.compute("SHA-256", ctx, hostKey, fields.toByteArray(), sharedSecret);
        result = new KexResult(hostKey, signature, h, sharedSecret, "SHA-256");
        state = State.DONE;
    }

    @Override
    public KexResult result() {
        if (result == null) {
            throw new IllegalStateException("The key exchange has not finished");
        }
        return result;
    }
}
