package org.javamiko.internal.connect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.javamiko.NoValidConnectionsException;
import org.javamiko.transport.Transport;
import org.slf4j.Logger;

/** Opens the TCP connection to a host, trying each of its addresses in turn. */
public final class SocketOpener {
    private SocketOpener() {
    }

    /**
     * @param socket a connected socket (to the host, or a proxy command's pipe)
     * @return a transport on it; a socket it cannot use is closed, not leaked
     */
    public static Transport transportOn(Socket socket) throws IOException {
        try {
            return new Transport(socket);
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * @param timeout bounds each address's connect, or null for none
     * @param timeline where the connect time is logged at DEBUG
     * @throws NoValidConnectionsException when every address refused
     * @throws SocketTimeoutException when the only address timed out
     */
    public static Socket open(String hostname, int port, Duration timeout, Logger timeline) throws IOException {
        Map<InetSocketAddress, IOException> errors = new LinkedHashMap<>();
        int millis = timeout == null ? 0 : (int) Math.max(1, timeout.toMillis());
        long start = System.nanoTime();
        for (InetAddress address : InetAddress.getAllByName(hostname)) {
            InetSocketAddress target = new InetSocketAddress(address, port);
            Socket socket = new Socket();
            try {
                socket.connect(target, millis);
                if (timeline.isDebugEnabled()) {
                    timeline.debug("TCP connect to {} (name lookup included): {} ms", target,
                            String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e6));
                }
                return socket;
            } catch (IOException e) {
                socket.close();
                errors.put(target, e);
            }
        }
        if (errors.size() == 1 && errors.values().iterator().next() instanceof SocketTimeoutException timedOut) {
            SocketTimeoutException e = new SocketTimeoutException("Timed out connecting to " + hostname + " port " + port);
            e.initCause(timedOut);
            throw e;
        }
        throw new NoValidConnectionsException(errors);
    }
}
