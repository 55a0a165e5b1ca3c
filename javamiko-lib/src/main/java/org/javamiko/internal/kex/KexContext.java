package org.javamiko.internal.kex;

import java.io.IOException;

import org.javamiko.internal.gss.GssTarget;
import org.javamiko.internal.wire.SshBuffer;

/**
 * What a key exchange needs from the transport running it: the inputs to the exchange hash and
 * a way to send its messages.
 */
public interface KexContext {

    /** @return V_C, the client's identification string without CR LF */
    byte[] clientVersion();

    /** @return V_S, the server's identification string without CR LF */
    byte[] serverVersion();

    /** @return I_C, the payload of the client's SSH_MSG_KEXINIT */
    byte[] clientKexInit();

    /** @return I_S, the payload of the server's SSH_MSG_KEXINIT */
    byte[] serverKexInit();

    /**
     * Sends one message of the exchange.
     *
     * @param payload the message, starting with its type byte
     */
    void send(SshBuffer payload) throws IOException;

    /**
     * @return the ephemeral X25519 key pair for this exchange, never used before: by default a
     *         fresh one; a transport may hand over one it made while it waited for the server
     */
    default X25519KeyPair x25519KeyPair() {
        return new X25519KeyPair();
    }

    /** @return the Kerberos target and credential of a GSS-API key exchange, or null when gssKex is off */
    default GssTarget gssTarget() {
        return null;
    }
}
