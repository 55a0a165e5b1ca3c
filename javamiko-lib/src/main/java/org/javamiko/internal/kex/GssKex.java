package org.javamiko.internal.kex;

import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;

import org.javamiko.SshException;
import org.javamiko.internal.gss.GssContext;
import org.javamiko.internal.gss.GssTarget;
import org.javamiko.internal.wire.SshBuffer;

/**
 * GSS-API key exchange (RFC 4462 §2, RFC 8732), the client side: the Diffie-Hellman or X25519
 * values of an ordinary method travel with the tokens of a Kerberos security context, and the
 * server proves itself with a MIC over the exchange hash made with that context instead of a
 * host key signature. The host key, when the server sends one (SSH_MSG_KEXGSS_HOSTKEY), only
 * enters the hash; without one K_S is the empty string (the {@code null} host key algorithm).
 *
 * <p>Each exchange, re-keys included, makes a fresh context, as OpenSSH's GSS patch does. The
 * values and K come from the method this one wraps ({@code group14}, {@code group16},
 * {@code curve25519}), which encodes them exactly as in its own exchange.
 */
final class GssKex implements KeyExchange {
    /** The name suffix for Kerberos V5: base64 of the MD5 of its DER OID (RFC 4462 §2). */
    static final String KERBEROS_SUFFIX = Base64.getEncoder()
            .encodeToString(ExchangeHash.digest("MD5").digest(GssTarget.kerberosOidDer()));
    private static final int MAX_ROUNDS = 16;

    private final SingleRoundKex values;
    private GssContext gss;
    private byte[] clientField;
    private byte[] hostKey;
    private int rounds;
    private KexResult result;

    /** @param values the ordinary method whose values and hash this exchange uses (never started itself) */
    GssKex(SingleRoundKex values) {
        this.values = values;
    }

    @Override
    public void start(KexContext ctx) throws IOException {
        if (clientField != null) {
            throw new IllegalStateException("This key exchange was already started; make a new one");
        }
        GssTarget target = ctx.gssTarget();
        if (target == null) {
            throw new SshException("A GSS-API key exchange was negotiated but gssKex is off for this connection");
        }
        gss = target.newContext();
        byte[] token;
        try {
            token = gss.step(new byte[0]);
        } catch (SshException e) {
            gss.dispose();
            throw e;
        }
        if (token == null) {
            gss.dispose();
            throw new SshException("GSS-API key exchange with " + gss.principal() + ": Kerberos gave no first token");
        }
        SshBuffer msg = new SshBuffer(token.length + 1100);
        msg.putByte(KexMessages.KEXGSS_INIT).putString(token);
        int from = msg.writePosition();
        values.writeClientValue(msg, ctx);
        clientField = Arrays.copyOfRange(msg.array(), from, msg.writePosition());
        ctx.send(msg);
    }

    @Override
    public boolean handle(int type, SshBuffer payload, KexContext ctx) throws IOException {
        if (clientField == null || result != null) {
            throw new SshException("Server sent key-exchange message " + type + " when none was expected");
        }
        try {
            return switch (type) {
                case KexMessages.KEXGSS_HOSTKEY -> hostKey(payload);
                case KexMessages.KEXGSS_CONTINUE -> continueContext(payload, ctx);
                case KexMessages.KEXGSS_COMPLETE -> complete(payload, ctx);
                case KexMessages.KEXGSS_ERROR -> throw serverError(payload);
                default -> throw new SshException("Server sent message " + type + " during the GSS-API key exchange");
            };
        } catch (IOException | RuntimeException e) {
            gss.dispose();
            throw e;
        }
    }

    private boolean hostKey(SshBuffer payload) throws SshException {
        if (hostKey != null) {
            throw new SshException("The server sent its host key twice in the GSS-API key exchange");
        }
        hostKey = payload.getString();
        SingleRoundKex.requireEnd(payload);
        return false;
    }

    private boolean continueContext(SshBuffer payload, KexContext ctx) throws IOException {
        if (gss.established()) {
            throw new SshException("The server sent a GSS-API token after the context was established");
        }
        if (++rounds > MAX_ROUNDS) {
            throw new SshException("The GSS-API key exchange took more than " + MAX_ROUNDS + " rounds");
        }
        byte[] token = gss.step(payload.getString());
        SingleRoundKex.requireEnd(payload);
        if (token != null) {
            ctx.send(new SshBuffer(token.length + 16).putByte(KexMessages.KEXGSS_CONTINUE).putString(token));
        }
        return false;
    }

    private boolean complete(SshBuffer payload, KexContext ctx) throws IOException {
        int from = payload.readPosition();
        byte[] sharedSecret = values.readServerValue(payload);
        byte[] serverField = Arrays.copyOfRange(payload.array(), from, payload.readPosition());
        byte[] mic = payload.getString();
        if (payload.getBoolean()) {
            if (gss.established()) {
                throw new SshException("The server sent a final GSS-API token after the context was established");
            }
            if (gss.step(payload.getString()) != null) {
                throw new SshException("GSS-API wants to send another token after the server's COMPLETE");
            }
        }
        SingleRoundKex.requireEnd(payload);
        if (!gss.established()) {
            throw new SshException("The server completed the GSS-API key exchange before the context was established");
        }
        gss.requireMutualAndIntegrity();

        byte[] hostKeyBlob = hostKey != null ? hostKey : new byte[0];
        byte[] fields = new byte[clientField.length + serverField.length];
        System.arraycopy(clientField, 0, fields, 0, clientField.length);
        System.arraycopy(serverField, 0, fields, clientField.length, serverField.length);
        byte[] h = ExchangeHash.compute(values.hashAlgorithm(), ctx, hostKeyBlob, fields, sharedSecret);
        gss.verifyMic(h, mic);
        result = new KexResult(hostKeyBlob, null, h, sharedSecret, values.hashAlgorithm(), gss);
        return true;
    }

    private SshException serverError(SshBuffer payload) throws SshException {
        long major = payload.getUInt32();
        long minor = payload.getUInt32();
        String message = payload.getStringUtf8();
        return new SshException("The server's GSS-API key exchange with " + gss.principal() + " failed (major "
                + major + ", minor " + minor + "): " + message.strip());
    }

    @Override
    public KexResult result() {
        if (result == null) {
            throw new IllegalStateException("The key exchange has not finished");
        }
        return result;
    }
}
