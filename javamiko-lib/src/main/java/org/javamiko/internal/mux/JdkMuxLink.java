package org.javamiko.internal.mux;

import java.io.FileDescriptor;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import org.javamiko.SshException;

/** A control connection on the JDK's own Unix sockets: every request that passes no descriptor. */
public final class JdkMuxLink extends MuxLink {
    private final SocketChannel channel;
    private final Selector selector;

    private JdkMuxLink(SocketChannel channel, Selector selector) {
        this.channel = channel;
        this.selector = selector;
    }

    /** Connects to the control socket at {@code path}. */
    public static JdkMuxLink connect(Path path) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(path));
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            return new JdkMuxLink(channel, selector);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    protected void write(byte[] bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            if (channel.write(buf) == 0) {
                Thread.onSpinWait(); // the master's socket buffer is full; requests are small
            }
        }
    }

    @Override
    protected int read(byte[] buf, int off, int len, long timeoutMillis) throws IOException {
        while (true) {
            int n = channel.read(ByteBuffer.wrap(buf, off, len));
            if (n != 0) {
                return n;
            }
            if (selector.select(timeoutMillis) == 0) {
                throw new SocketTimeoutException("The ControlMaster did not answer in time");
            }
            selector.selectedKeys().clear();
        }
    }

    @Override
    public void sendFd(FileDescriptor fd) throws SshException {
        throw new SshException("The JDK's Unix sockets cannot pass file descriptors");
    }

    @Override
    public void close() {
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            // closing: nothing left to do with it
        }
    }
}
