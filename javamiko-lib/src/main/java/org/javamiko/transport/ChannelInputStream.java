package org.javamiko.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

import org.javamiko.SshException;
import org.javamiko.internal.channel.ChannelCore;
import org.javamiko.internal.channel.ChannelDataSink;
import org.javamiko.internal.channel.PushableInput;

/**
 * A channel's stdout or stderr as a blocking stream, honouring the channel's timeout. Stdout can
 * instead be pushed to a sink on the reader thread (SFTP does).
 */
final class ChannelInputStream extends InputStream implements PushableInput {
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
        Objects.checkFromIndexSize(off, len, b.length);
        return channel.core().read(which, b, off, len, channel.timeout());
    }

    @Override
    public int available() {
        return channel.core().available(which);
    }

    @Override
    public void pushTo(ChannelDataSink sink) throws IOException {
        if (which != ChannelCore.Stream.STDOUT) {
            throw new SshException("Only a channel's stdout can be pushed to a sink");
        }
        channel.core().pushTo(sink);
    }
}
