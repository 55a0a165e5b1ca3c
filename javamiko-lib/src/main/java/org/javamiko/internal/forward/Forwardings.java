package org.javamiko.internal.forward;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.javamiko.PortForward;
import org.javamiko.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forwardings one client opened on one transport, so that closing the client closes them all.
 * Threads come from the transport's (the user's) thread factory.
 */
public final class Forwardings {
    private static final Logger LOG = LoggerFactory.getLogger(Forwardings.class);

    private final Transport transport;
    private final Set<PortForward> open = ConcurrentHashMap.newKeySet();

    /** @param transport an authenticated transport */
    public Forwardings(Transport transport) {
        this.transport = transport;
    }

    /** ssh -L: a local listener, a {@code direct-tcpip} channel to {@code destHost:destPort} per connection. */
    public PortForward local(String bindHost, int bindPort, String destHost, int destPort) throws IOException {
        InetSocketAddress dest = InetSocketAddress.createUnresolved(destHost, destPort);
        return listen(bindHost, bindPort, accepted -> transport.openChannel("direct-tcpip", dest,
                (InetSocketAddress) accepted.getRemoteSocketAddress()));
    }

    /** ssh -L port:/path: a local listener, a {@code direct-streamlocal@openssh.com} channel per connection. */
    public PortForward localToUnixSocket(String bindHost, int bindPort, String remoteSocketPath) throws IOException {
        return listen(bindHost, bindPort, accepted -> transport.openDirectStreamLocal(remoteSocketPath));
    }

    /** ssh -D: a local SOCKS 4/4a/5 listener. */
    public PortForward dynamic(String bindHost, int bindPort) throws IOException {
        return listen(bindHost, bindPort, new SocksOpener(transport));
    }

    /** ssh -R: the server listens, each connection is made to {@code destHost:destPort} from here. */
    public PortForward remote(String bindHost, int bindPort, String destHost, int destPort) throws IOException {
        return remember(onClose -> RemoteListener.onPort(transport, bindHost, bindPort,
                new InetSocketAddress(destHost, destPort), onClose));
    }

    /** ssh -R /path:host:port: the server listens on a Unix socket path. */
    public PortForward remoteFromUnixSocket(String remoteSocketPath, String destHost, int destPort)
            throws IOException {
        return remember(onClose -> RemoteListener.onSocket(transport, remoteSocketPath,
                new InetSocketAddress(destHost, destPort), onClose));
    }

    private PortForward listen(String bindHost, int bindPort, ChannelOpener opener) throws IOException {
        return remember(onClose -> LocalListener.start(bindHost, bindPort, opener, transport.getThreadFactory(),
                onClose));
    }

    private interface Starter {
        PortForward start(Runnable onClose) throws IOException;
    }

    private PortForward remember(Starter starter) throws IOException {
        PortForward[] self = new PortForward[1];
        PortForward forward = starter.start(() -> open.remove(self[0]));
        self[0] = forward;
        open.add(forward);
        return forward;
    }

    /** Closes every forwarding still open. */
    public void closeAll() {
        for (PortForward f : new ArrayList<>(open)) {
            try {
                f.close();
            } catch (IOException e) {
                LOG.debug("Closing forwarding {}:{}: {}", f.bindHost(), f.boundPort(), e.toString());
            }
        }
    }
}
