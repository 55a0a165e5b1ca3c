package org.javamiko.internal.session;

import java.io.IOException;

import org.javamiko.internal.cipher.PacketCipher;
import org.javamiko.internal.packet.CompressionSlot;
import org.slf4j.Logger;

/**
 * What the {@link KexDriver} needs of its session, and nothing more (as {@code KexContext} is
 * what a kex method needs of the driver): a way to send key-exchange steps that never waits for
 * the write lock, the send gate, the reader's cipher, and a few facts. Unit tests drive the
 * driver through a fake of it.
 */
interface KexSession {
    /** Queues a key-exchange step; it passes the closed gate, in order, and the caller never waits. */
    void sendKexStep(SendPath.KexStep step) throws IOException;

    /** Queues a key-exchange step without writing it; {@link #flushSends} writes it. */
    void queueKexStep(SendPath.KexStep step) throws IOException;

    /** Writes what is queued, if the write lock is free (otherwise its holder does, on release). */
    void flushSends();

    /** With the write lock held (inside a step): only kex messages go out from now on. */
    void closeSendGate();

    /** With the write lock held (inside a step, after our NEWKEYS): everything may go out again. */
    void openSendGate();

    /** @return the incoming compression slot, switched on the reader thread */
    CompressionSlot readerCompression();


    /** Installs the cipher for what the server sends after its NEWKEYS. */
    void setReaderCipher(PacketCipher cipher, boolean resetSequence);

    /** @return the message to send right behind our first NEWKEYS (the auth layer's service request), or null */
    byte[] afterFirstNewKeys();

    /** The first key exchange is done. */
    void firstKexDone();

    /** @return the server's identification string */
    String serverVersion();

    boolean isActive();

    Logger log();

    /** A step of the first exchange happened (the connect timeline listens). */
    void reached(String step);
}
