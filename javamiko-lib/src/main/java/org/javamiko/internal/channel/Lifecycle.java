package org.javamiko.internal.channel;

/**
 * Where a channel is between open and gone. EOF in each direction is separate: it is a half-close
 * the channel stays {@link #OPEN} through.
 */
enum Lifecycle {
    /** CHANNEL_OPEN sent, no answer yet. */
    OPENING,
    /** Both sides may send. */
    OPEN,
    /** We sent CLOSE and wait for the server's. Nothing more is read or written. */
    CLOSING,
    /** Both CLOSE messages are exchanged (or the connection ended after we sent ours). */
    CLOSED,
    /** The server refused to open the channel. */
    REFUSED,
    /** The connection ended before the channel was closed. */
    LOST;

    /** @return true once we sent CLOSE, or no longer can: received data is dropped and reads end */
    boolean closedOnOurSide() {
        return this == CLOSING || this == CLOSED;
    }

    /** @return true when the channel is no longer open, for whatever reason */
    boolean isOver() {
        return this != OPENING && this != OPEN;
    }
}
