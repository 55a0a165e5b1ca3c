package org.javamiko.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

import org.javamiko.ChannelException;
import org.javamiko.SshException;
import org.javamiko.internal.channel.ChannelCore;
import org.javamiko.internal.channel.ChannelSettings;
import org.javamiko.internal.channel.ChannelTable;
import org.javamiko.internal.session.Msg;
import org.javamiko.internal.session.SshSession;
import org.javamiko.internal.wire.SshBuffer;

/**
 * Remote port forwarding (RFC 4254 §7.1): asks the server to listen, and hands each
 * {@code forwarded-tcpip} channel it opens to the handler registered for that address and port.
 */
final class RemoteForwards {
    private static final int ADMINISTRATIVELY_PROHIBITED = 1;

    private record Key(String address, int port) {
    }

    private final SshSession session;
    private final ChannelTable channels;
    private final ThreadFactory threads;
    private final Duration timeout;
    private final Duration requestTimeout;
    private final Map<Key, PortForwardHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, PortForwardHandler> socketHandlers = new ConcurrentHashMap<>();

    RemoteForwards(SshSession session, ChannelTable channels, ChannelSettings settings, ThreadFactory threads,
                   Duration timeout, Duration requestTimeout) {
        this.session = session;
        this.channels = channels;
        this.threads = threads;
        this.timeout = timeout;
        this.requestTimeout = requestTimeout;
        channels.acceptChannels("forwarded-tcpip", settings, this::accept);
        channels.acceptChannels("forwarded-streamlocal@openssh.com", settings, this::acceptFromSocket);
    }

    int request(String address, int port, PortForwardHandler handler) throws IOException {
        SshBuffer reply = session.globalRequest(new SshBuffer(64).putByte(Msg.GLOBAL_REQUEST).putString("tcpip-forward")
                .putBoolean(true).putString(address).putInt(port), true, timeout);
        if (reply.getByte() != Msg.REQUEST_SUCCESS) {
            throw new SshException("The server refused to listen on " + address + ":" + port
                    + " for us (is AllowTcpForwarding off, or the port taken?)");
        }
        int bound = port == 0 ? reply.getInt() : port;
        handlers.put(new Key(address, bound), handler);
        return bound;
    }

    void cancel(String address, int port) throws IOException {
        handlers.remove(new Key(address, port));
        SshBuffer reply = session.globalRequest(new SshBuffer(64).putByte(Msg.GLOBAL_REQUEST)
                .putString("cancel-tcpip-forward").putBoolean(true).putString(address).putInt(port), true, timeout);
        if (reply.getByte() != Msg.REQUEST_SUCCESS) {
            throw new SshException("The server refused to stop forwarding " + address + ":" + port);
        }
    }

    /** {@code streamlocal-forward@openssh.com}: the server listens on a Unix socket path for us. */
    void requestSocket(String socketPath, PortForwardHandler handler) throws IOException {
        socketHandlers.put(socketPath, handler);
        SshBuffer reply = session.globalRequest(new SshBuffer(64).putByte(Msg.GLOBAL_REQUEST)
                .putString("streamlocal-forward@openssh.com").putBoolean(true).putString(socketPath), true, timeout);
        if (reply.getByte() != Msg.REQUEST_SUCCESS) {
            socketHandlers.remove(socketPath);
            throw new SshException("The server refused to listen on the socket " + socketPath
                    + " for us (is AllowStreamLocalForwarding off, or the path taken?)");
        }
    }

    void cancelSocket(String socketPath) throws IOException {
        socketHandlers.remove(socketPath);
        SshBuffer reply = session.globalRequest(new SshBuffer(64).putByte(Msg.GLOBAL_REQUEST)
                .putString("cancel-streamlocal-forward@openssh.com").putBoolean(true).putString(socketPath),
                true, timeout);
        if (reply.getByte() != Msg.REQUEST_SUCCESS) {
            throw new SshException("The server refused to stop forwarding the socket " + socketPath);
        }
    }

    /** Runs on the reader thread, as {@link #accept}; the server side is reported as (path, port 0). */
    private Consumer<ChannelCore> acceptFromSocket(SshBuffer data) throws IOException {
        String socketPath = data.getStringUtf8();
        PortForwardHandler handler = socketHandlers.get(socketPath);
        if (handler == null) {
            throw new ChannelException(ADMINISTRATIVELY_PROHIBITED, "no forwarding requested for " + socketPath);
        }
        InetSocketAddress server = InetSocketAddress.createUnresolved(socketPath, 0);
        return core -> start(handler, new Channel(core, requestTimeout), server, server, socketPath);
    }

    /** Runs on the reader thread: looks the handler up, then hands the channel over on a thread of its own. */
    private Consumer<ChannelCore> accept(SshBuffer data) throws IOException {
        String address = data.getStringUtf8();
        int port = data.getInt();
        String originAddress = data.getStringUtf8();
        int originPort = data.getInt();
        PortForwardHandler handler = handlers.get(new Key(address, port));
        if (handler == null) {
            throw new ChannelException(ADMINISTRATIVELY_PROHIBITED, "no forwarding requested for " + address + ":" + port);
        }
        InetSocketAddress origin = InetSocketAddress.createUnresolved(originAddress, originPort);
        InetSocketAddress server = InetSocketAddress.createUnresolved(address, port);
        return core -> start(handler, new Channel(core, requestTimeout), origin, server, address + ":" + port);
    }

    private void start(PortForwardHandler handler, Channel channel, InetSocketAddress origin,
                       InetSocketAddress server, String name) {
        Thread t = threads.newThread(() -> run(handler, channel, origin, server));
        t.setName("javamiko-forward " + name);
        t.setDaemon(true);
        t.start();
    }

    private void run(PortForwardHandler handler, Channel channel, InetSocketAddress origin, InetSocketAddress server) {
        try {
            handler.handle(channel, origin, server);
        } catch (IOException | RuntimeException e) {
            session.log().debug("Forwarded connection from {} ended: {}", origin, e.toString());
            channel.close();
        }
    }
}
