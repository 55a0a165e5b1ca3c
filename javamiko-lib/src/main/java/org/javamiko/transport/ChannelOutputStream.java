package org.javamiko.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A channel's stdin as a blocking stream: writes wait while the server's window is full;
 * {@link #close()} sends EOF.
 */
final class ChannelOutputStream extends OutputStream {
    private final Channel channel;

    ChannelOutputStream(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        channel.core().write(b, off, len, false, channel.timeout());
    }

    @Override
    public void close() throws IOException {
        channel.shutdownWrite();
    }
}
