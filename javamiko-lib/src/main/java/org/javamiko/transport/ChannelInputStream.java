package org.javamiko.transport;

import java.io.IOException;
import java.io.InputStream;

import org.javamiko.internal.channel.ChannelCore;

/** A channel's stdout or stderr as a blocking stream, honouring the channel's timeout. */
final class ChannelInputStream extends InputStream {
    private final Channel channel;
    private final ChannelCore.Stream which;

    ChannelInputStream(Channel channel, ChannelCore.Stream which) {
        this.channel = channel;
        this.which = which;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        return channel.core().read(which, b, off, len, channel.timeout());
    }

    @Override
    public int available() {
        return channel.core().available(which);
    }
}
