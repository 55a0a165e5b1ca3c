package org.javamiko.transport;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

import org.javamiko.internal.session.Connection;

/** A channel of one connection used as the byte pipe of another (a jump host). */
final class ChannelConnection implements Connection {
    private final Channel channel;

    ChannelConnection(Channel channel) {
        this.channel = channel;
    }

    @Override
    public InputStream input() {
        return channel.getInputStream();
    }

    @Override
    public OutputStream output() {
        return channel.getOutputStream();
    }

    @Override
    public void setReadTimeout(Duration timeout) {
        channel.setTimeout(timeout);
    }

    @Override
    public String describe() {
        return "tunnel channel " + channel.getId();
    }

    @Override
    public void close() {
        channel.close();
    }
}
