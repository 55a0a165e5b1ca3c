package org.javamiko.internal.forward;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.javamiko.PortForward;
import org.javamiko.transport.Channel;
import org.javamiko.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener on the server (ssh -R, on a TCP port or a Unix socket path): each connection it
 * forwards to us is connected to the destination on this side and spliced. Closing cancels the
 * listener on the server and closes every connection.
 */
public final class RemoteListener implements PortForward {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteListener.class);
    private static final int CONNECT_TIMEOUT_MS = 30_000;

    private final Transport transport;
    private final String bindHost;
    private final InetSocketAddress destination;
    private final Connections connections;
    private final Runnable onClose;
    private volatile int boundPort;
    private volatile boolean closed;

    private RemoteListener(Transport transport, String bindHost, InetSocketAddress destination, Runnable onClose) {
        this.transport = transport;
        this.bindHost = bindHost;
        this.destination = destination;
        this.connections = new Connections(transport.getThreadFactory());
        this.onClose = onClose;
    }

    /** {@code tcpip-forward} on {@code bindHost:bindPort} (port 0: the server picks). */
    static RemoteListener onPort(Transport transport, String bindHost, int bindPort, InetSocketAddress destination,
                                 Runnable onClose) throws IOException {
        RemoteListener listener = new RemoteListener(transport, bindHost, destination, onClose);
        listener.boundPort = transport.requestPortForward(bindHost, bindPort, listener::accept);
        return listener;
    }

    /** {@code streamlocal-forward@openssh.com} on a socket path on the server. */
    static RemoteListener onSocket(Transport transport, String socketPath, InetSocketAddress destination,
                                   Runnable onClose) throws IOException {
        RemoteListener listener = new RemoteListener(transport, socketPath, destination, onClose);
        transport.requestStreamLocalForward(socketPath, listener::accept);
        return listener;
    }

    /** Runs on a thread of the user's factory, one per forwarded connection (see {@code RemoteForwards}). */
    private void accept(Channel channel, InetSocketAddress origin, InetSocketAddress server) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(destination, CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            LOG.debug("Forwarded connection from {} cannot reach {}: {}", origin, destination, e.toString());
            channel.close();
            closeQuietly(socket);
            return;
        }
        connections.splice(socket, channel);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing {}: {}", socket, e.toString());
        }
    }

    @Override
    public String bindHost() {
        return bindHost;
    }

    @Override
    public int boundPort() {
        return boundPort;
    }

    /** Cancels the listener on the server (when the connection is still up) and closes every connection. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        connections.closeAll();
        onClose.run();
        if (!transport.isActive()) {
            return;
        }
        if (boundPort == 0) {
            transport.cancelStreamLocalForward(bindHost);
        } else {
            transport.cancelPortForward(bindHost, boundPort);
        }
    }
}
