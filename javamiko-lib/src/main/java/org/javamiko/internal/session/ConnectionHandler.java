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
     * The reader thread has handled every message it had and is about to read from the socket,
     * where it may block: wake whoever waits for what those messages brought. Waking readers
     * once per socket read instead of once per packet saves a thread switch per packet in bulk
     * transfers, and delays nobody.
     */
    void beforeSocketRead();

    /**
     * The session ended; every channel must wake its waiters with this cause.
     *
     * @param cause why, never null
     */
    void sessionClosed(IOException cause);
}
