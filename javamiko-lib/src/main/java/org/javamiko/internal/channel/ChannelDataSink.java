package org.javamiko.internal.channel;

import java.io.IOException;

/**
 * Takes a channel's stdout as it arrives, on the connection's reader thread, instead of letting
 * it queue for a reading thread. For protocols that parse the stream themselves (SFTP): the
 * bytes go straight to where they belong, with no buffer and no thread hand-off in between.
 *
 * <p>Both methods run on the reader thread, so they must neither block nor throw: a sink that
 * finds the stream malformed ends its own protocol session (closing the channel is fine), never
 * the connection.
 */
public interface ChannelDataSink {
    /**
     * Bytes received, in order. The array is the reader's packet buffer: copy what you keep
     * before returning.
     */
    void accept(byte[] data, int off, int len);

    /**
     * The stream has ended: the server sent EOF or closed the channel, the channel was closed
     * here, or the connection was lost ({@code failure} then says why; null otherwise). Called
     * once, after the last {@link #accept}.
     */
    void end(IOException failure);
}
