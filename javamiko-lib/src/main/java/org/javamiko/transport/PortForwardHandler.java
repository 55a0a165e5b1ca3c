package org.javamiko.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadFactory;

/**
 * Takes the connections that arrive at a port the server listens on for us
 * ({@link Transport#requestPortForward}, OpenSSH's {@code ssh -R}). Each connection is a
 * {@code forwarded-tcpip} channel, handed over on a thread of its own; the handler owns the
 * channel and closes it when done.
 *
 * <pre>{@code
 * // what `ssh -R 8080:localhost:80` does:
 * int port = transport.requestPortForward("127.0.0.1", 8080,
 *         PortForwardHandler.toLocal(new InetSocketAddress("localhost", 80)));
 * }</pre>
 */
@FunctionalInterface
public interface PortForwardHandler {

    /**
     * @param channel the connection, as a channel: its input stream is what the remote client
     *                sends, its output stream goes back to it
     * @param origin the remote client's address, as the server reports it
     * @param server the address and port on the server it connected to
     * @throws IOException when handling fails; the channel is then closed
     */
    void handle(Channel channel, InetSocketAddress origin, InetSocketAddress server) throws IOException;

    /**
     * @param target where each forwarded connection is relayed to, from this machine
     * @return a handler that connects to {@code target} and copies bytes both ways until either
     *         side closes
     */
    static PortForwardHandler toLocal(InetSocketAddress target) {
        return toLocal(target, Thread::new);
    }

    /**
     * @param target where each forwarded connection is relayed to, from this machine
     * @param threads makes the second thread of each relay (the first is the handler's own);
     *                pass {@link Transport#getThreadFactory()} to keep to the user's threads
     * @return a handler that connects to {@code target} and copies bytes both ways until either
     *         side closes
     */
    static PortForwardHandler toLocal(InetSocketAddress target, ThreadFactory threads) {
        return (channel, origin, server) -> Relay.connect(channel, target, threads);
    }
}
