package org.javamiko.internal.kex;

import java.io.IOException;

import org.javamiko.internal.wire.SshBuffer;

/**
 * One run of a key-exchange method (the client side), from its first message to the server's
 * reply that carries the host key and the signature over the exchange hash. The transport
 * verifies that signature and derives the keys; an instance is used for one exchange only.
 */
public interface KeyExchange {

    /** Sends the client's first message (e.g. SSH_MSG_KEX_ECDH_INIT). */
    void start(KexContext ctx) throws IOException;

    /**
     * Handles one message of this method (types 30 to 49).
     *
     * @param type the message type
     * @param payload the message, positioned after the type byte
     * @return true when the exchange is complete and {@link #result()} may be called
     * @throws org.javamiko.SshException for an unexpected type or an invalid value from the server
     */
    boolean handle(int type, SshBuffer payload, KexContext ctx) throws IOException;

    /** @return what the exchange produced; only after {@link #handle} returned true */
    KexResult result();
}
