package org.javamiko.internal.forward;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

import org.javamiko.PortForward;
import org.javamiko.transport.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener on this machine (ssh -L, -D): each accepted connection gets its own channel from the
 * opener and is spliced to it. The listener outlives its connections; closing it closes them all.
 */
public final class LocalListener implements PortForward {
    private static final Logger LOG = LoggerFactory.getLogger(LocalListener.class);
    private static final int BACKLOG = 128;
    /** How long close waits for the accepting thread to leave the socket (it is signalled at once). */
    private static final Duration ACCEPTOR_EXIT = Duration.ofSeconds(2);

    private final ServerSocket server;
    private final ChannelOpener opener;
    private final Connections connections;
    /** The thread in {@link #acceptLoop}; set once started. */
    private volatile Thread acceptor;
    private final Set<Socket> opening = ConcurrentHashMap.newKeySet();
    private final Runnable onClose;

    private LocalListener(ServerSocket server, ChannelOpener opener, ThreadFactory threads, Runnable onClose) {
        this.server = server;
        this.opener = opener;
        this.connections = new Connections(threads);
        this.onClose = onClose;
    }

    /**
     * Binds and starts accepting.
     *
     * @param bindHost the local address; null or empty for loopback, {@code *} for all addresses
     * @param onClose run once when the listener closes (the client forgets it)
     */
    static LocalListener start(String bindHost, int bindPort, ChannelOpener opener, ThreadFactory threads,
                               Runnable onClose) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(bindAddress(bindHost), bindPort), BACKLOG);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        LocalListener listener = new LocalListener(server, opener, threads, onClose);
        listener.acceptor = listener.connections.start("javamiko-listen " + server.getLocalSocketAddress(),
                listener::acceptLoop);
        return listener;
    }

    /** As ssh: an empty bind address is loopback, {@code *} every address. */
    private static InetAddress bindAddress(String bindHost) throws IOException {
        if (bindHost == null || bindHost.isEmpty() || bindHost.equals("localhost")) {
            return InetAddress.getLoopbackAddress();
        }
        if (bindHost.equals("*")) {
            return null;
        }
        return InetAddress.getByName(bindHost);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket accepted = server.accept();
                accepted.setTcpNoDelay(true);
                opening.add(accepted);
                connections.start("javamiko-forward " + accepted.getRemoteSocketAddress(), () -> serve(accepted));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                LOG.debug("Accepting on {}: {}", server.getLocalSocketAddress(), e.toString());
            }
        }
    }

    private void serve(Socket accepted) {
        Channel channel;
        try {
            channel = opener.open(accepted);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Forwarding {} refused: {}", accepted.getRemoteSocketAddress(), e.toString());
            closeQuietly(accepted);
            return;
        } finally {
            opening.remove(accepted);
        }
        connections.splice(accepted, channel);
    }

    /** @return how many forwarded connections are open now */
    public int openConnections() {
        return connections.size();
    }

    @Override
    public String bindHost() {
        return server.getInetAddress().getHostAddress();
    }

    @Override
    public int boundPort() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        if (server.isClosed()) {
            return;
        }
        closeQuietly(server);
        awaitAcceptorExit();
        opening.forEach(LocalListener::closeQuietly);
        connections.closeAll();
        onClose.run();
    }

    /**
     * The listening socket is gone only once the thread blocked in accept has left it: until then
     * the kernel still completes connections to the port (and drops them a moment later), so a
     * closed forwarding would seem to accept. Bounded, and skipped on the acceptor itself.
     */
    private void awaitAcceptorExit() {
        Thread t = acceptor;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(ACCEPTOR_EXIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("Closing {}: {}", c, e.toString());
        }
    }
}
