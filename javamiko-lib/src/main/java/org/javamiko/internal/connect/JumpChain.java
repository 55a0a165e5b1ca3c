package org.javamiko.internal.connect;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.javamiko.ProxyCommandFailure;
import org.javamiko.transport.Channel;
import org.javamiko.transport.Transport;

/**
 * Reaches a plan's target through its jump hops: each hop is connected (host key checked,
 * authenticated) over a {@code direct-tcpip} channel of the one before it, as {@code ssh -J}.
 */
public final class JumpChain {
    /** Connects one plan (a hop or the target), over a channel of the previous hop or directly. */
    @FunctionalInterface
    public interface HopConnector {
        /**
         * @param via a direct-tcpip channel to the plan's host, or null to connect directly
         * @return the connected, authenticated transport
         */
        Transport connect(ConnectionPlan plan, Channel via) throws IOException;
    }

    private final HopConnector connector;
    private final List<Transport> hops = new ArrayList<>();

    /** @param connector connects each hop and the target */
    public JumpChain(HopConnector connector) {
        this.connector = connector;
    }

    /**
     * @return the target's transport; the hops' are in {@link #hops()}
     * @throws ProxyCommandFailure naming the hop that failed (its cause says how)
     */
    public Transport reach(ConnectionPlan target) throws IOException {
        try {
            return reach(target, null, true);
        } catch (IOException | RuntimeException e) {
            closeHops();
            throw e;
        }
    }

    private Transport reach(ConnectionPlan plan, Transport via, boolean target) throws IOException {
        Transport current = via;
        for (ConnectionPlan hop : plan.jumps()) {
            try {
                current = reach(hop, current, false);
            } catch (ProxyCommandFailure e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new ProxyCommandFailure("Jump host " + hop.user() + "@" + hop.hostName() + ":" + hop.port()
                        + " (for " + plan.alias() + ") failed: " + e.getMessage(), e);
            }
            hops.add(current);
        }
        Channel channel = null;
        if (current != null) {
            channel = current.openChannel("direct-tcpip", InetSocketAddress.createUnresolved(plan.hostName(),
                    plan.port()), new InetSocketAddress("127.0.0.1", 0));
        }
        return connector.connect(plan, channel);
    }

    /** @return the hops' transports, outermost first; the caller closes them after the target */
    public List<Transport> hops() {
        return List.copyOf(hops);
    }

    private void closeHops() {
        for (int i = hops.size() - 1; i >= 0; i--) {
            hops.get(i).close();
        }
        hops.clear();
    }

    /**
     * Closes a target connection, then its hops innermost first.
     *
     * @param target the target's transport, or null
     * @param hopTransports the hops, outermost first
     */
    public static void closeAll(Transport target, List<Transport> hopTransports) {
        if (target != null) {
            target.close();
        }
        for (int i = hopTransports.size() - 1; i >= 0; i--) {
            hopTransports.get(i).close();
        }
    }
}
