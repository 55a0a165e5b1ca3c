package org.javamiko.internal.forward;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.javamiko.transport.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One forwarded connection: a TCP socket joined to a channel, bytes copied both ways. Each side's
 * end of stream is passed on as a half-close (EOF on the channel, shutdownOutput on the socket),
 * so request/response protocols that close their sending side still get the answer; once both
 * directions have ended, both ends are closed.
 */
final class Splice implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Splice.class);
    /** One channel packet's worth: a write larger than this would only be split again. */
    private static final int BUFFER = 32 * 1024;

    private final Socket socket;
    private final Channel channel;
    private final Runnable onClosed;
    private final AtomicInteger directionsRunning = new AtomicInteger(2);

    Splice(Socket socket, Channel channel, Runnable onClosed) {
        this.socket = socket;
        this.channel = channel;
        this.onClosed = onClosed;
    }

    /**
     * Copies channel → socket on a new thread from {@code threads} and socket → channel on the
     * calling thread; returns when that direction has ended.
     */
    void run(ThreadFactory threads) {
        Thread down = threads.newThread(this::channelToSocket);
        down.setName("javamiko-forward " + socket.getRemoteSocketAddress() + " <- " + channel);
        down.setDaemon(true);
        down.start();
        socketToChannel();
    }

    private void socketToChannel() {
        try {
            copy(socket.getInputStream(), channel.getOutputStream());
            channel.shutdownWrite();
        } catch (IOException e) {
            LOG.debug("Forwarding from {} ended: {}", socket.getRemoteSocketAddress(), e.toString());
            close();
        } finally {
            directionEnded();
        }
    }

    private void channelToSocket() {
        try {
            copy(channel.getInputStream(), socket.getOutputStream());
            socket.shutdownOutput();
        } catch (IOException e) {
            LOG.debug("Forwarding to {} ended: {}", socket.getRemoteSocketAddress(), e.toString());
            close();
        } finally {
            directionEnded();
        }
    }

    private void directionEnded() {
        if (directionsRunning.decrementAndGet() == 0) {
            close();
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[BUFFER];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            out.flush();
        }
    }

    /** Closes both ends; the copying threads see their streams end and finish. Idempotent. */
    @Override
    public void close() {
        channel.close();
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing {}: {}", socket, e.toString());
        }
        onClosed.run();
    }
}
