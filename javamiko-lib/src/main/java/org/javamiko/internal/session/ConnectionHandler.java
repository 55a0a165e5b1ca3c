package org.javamiko.internal.session;

import java.io.IOException;

import org.javamiko.internal.wire.SshBuffer;

/** Receives the connection-protocol messages (RFC 4254, numbers 90 to 127) on the reader thread. */
public interface ConnectionHandler {

    /**
     * Handles one message. Runs on the reader thread: must not block on anything but the send path.
     *
     * @param type the message number
     * @param payload the message after its type byte; valid only during the call
     */
    void handle(int type, SshBuffer payload) throws IOException;

    /**
     * The session ended; every channel must wake its waiters with this cause.
     *
     * @param cause why, never null
     */
    void sessionClosed(IOException cause);
}
