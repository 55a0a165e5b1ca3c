package org.javamiko.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ThreadFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Copies bytes both ways between a channel and a TCP connection, until either side ends. */
final class Relay {
    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
    private static final int CONNECT_TIMEOUT_MS = 30_000;

    private Relay() {
    }

    /** Connects to {@code target} and relays; returns when both directions have ended. */
    static void connect(Channel channel, InetSocketAddress target, ThreadFactory threads) throws IOException {
        try (Socket socket = new Socket(); channel) {
            socket.setTcpNoDelay(true);
            socket.connect(target, CONNECT_TIMEOUT_MS);
            Thread upstream = threads.newThread(() -> copy(socket, channel));
            upstream.setName("javamiko-relay " + target);
            upstream.setDaemon(true);
            upstream.start();
            try {
                pump(channel.getInputStream(), socket.getOutputStream());
                socket.shutdownOutput();
                upstream.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void copy(Socket socket, Channel channel) {
        try {
            pump(socket.getInputStream(), channel.getOutputStream());
            channel.shutdownWrite();
        } catch (IOException e) {
            LOG.debug("Relay from {} ended: {}", socket.getRemoteSocketAddress(), e.toString());
            channel.close();
        }
    }

    private static void pump(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[32 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            out.flush();
        }
    }
}
