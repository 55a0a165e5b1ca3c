package org.javamiko.internal.channel;

import java.io.IOException;

/** An input stream whose bytes can be pushed to a {@link ChannelDataSink} instead of being read. */
public interface PushableInput {
    /**
     * From now on, hands every received byte to {@code sink} on the reader thread; the stream
     * itself is not to be read any more.
     *
     * @throws IOException when bytes were already received and not read (they would be lost or
     *         delivered out of order), or the stream already has a sink
     */
    void pushTo(ChannelDataSink sink) throws IOException;
}
