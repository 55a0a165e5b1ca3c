package org.javamiko.internal.kex;

import java.io.IOException;
import java.util.Arrays;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * The shape shared by the methods of one round trip: the client sends its ephemeral public value
 * (message 30), the server answers with its host key, its public value and a signature
 * (message 31). Diffie-Hellman over fixed groups, ECDH, X25519 and the hybrid post-quantum
 * methods differ only in how they encode the values and compute K.
 *
 * <p>The exchange hash takes both public values exactly as they were encoded on the wire, so
 * this class hashes the very bytes sent and received instead of encoding them a second time.
 */
abstract class SingleRoundKex implements KeyExchange {
    private final String hashAlgorithm;
    private byte[] clientField;
    private KexResult result;

    /** @param hashAlgorithm the method's JCA hash name */
    SingleRoundKex(String hashAlgorithm) {
        this.hashAlgorithm = hashAlgorithm;
    }

    /** @return the method's JCA hash name */
    final String hashAlgorithm() {
        return hashAlgorithm;
    }

    @Override
    public final void start(KexContext ctx) throws IOException {
        if (clientField != null) {
            throw new IllegalStateException("This key exchange was already started; make a new one");
        }
        SshBuffer msg = new SshBuffer(2048);
        msg.putByte(KexMessages.KEXDH_INIT);
        int from = msg.writePosition();
        writeClientValue(msg, ctx);
        clientField = Arrays.copyOfRange(msg.array(), from, msg.writePosition());
        ctx.send(msg);
    }

    @Override
    public final boolean handle(int type, SshBuffer payload, KexContext ctx) throws IOException {
        if (clientField == null || result != null) {
            throw new SshException("Server sent key-exchange message " + type + " when none was expected");
        }
        if (type != KexMessages.KEXDH_REPLY) {
            throw new SshException("Server sent message " + type + " during the key exchange; expected the reply ("
                    + KexMessages.KEXDH_REPLY + ")");
        }
        byte[] hostKey = payload.getString();
        int from = payload.readPosition();
        byte[] sharedSecret = readServerValue(payload);
        byte[] serverField = Arrays.copyOfRange(payload.array(), from, payload.readPosition());
        byte[] signature = payload.getString();
        requireEnd(payload);

        byte[] fields = new byte[clientField.length + serverField.length];
        System.arraycopy(clientField, 0, fields, 0, clientField.length);
        System.arraycopy(serverField, 0, fields, clientField.length, serverField.length);
        byte[] h = ExchangeHash.compute(hashAlgorithm, ctx, hostKey, fields, sharedSecret);
        result = new KexResult(hostKey, signature, h, sharedSecret, hashAlgorithm);
        return true;
    }

    @Override
    public final KexResult result() {
        if (result == null) {
            throw new IllegalStateException("The key exchange has not finished");
        }
        return result;
    }

    /**
     * Makes the ephemeral key pair and writes the client's public value (an mpint or a string).
     *
     * @param msg the INIT message, positioned after its type byte
     * @param ctx the transport, which may hold an X25519 key pair made ahead ({@link KexContext#x25519KeyPair})
     */
    abstract void writeClientValue(SshBuffer msg, KexContext ctx);

    /**
     * Reads and checks the server's public value and computes K.
     *
     * @param reply the reply, positioned at the server's public value
     * @return K, encoded as it enters the hash
     * @throws SshException for a malformed or invalid value
     */
    abstract byte[] readServerValue(SshBuffer reply) throws SshException;

    /** @throws SshException when bytes follow the last field of a message */
    static void requireEnd(SshBuffer payload) throws SshException {
        if (payload.available() != 0) {
            throw new SshException("Malformed key-exchange reply: " + payload.available()
                    + " unexpected bytes after its last field");
        }
    }
}
