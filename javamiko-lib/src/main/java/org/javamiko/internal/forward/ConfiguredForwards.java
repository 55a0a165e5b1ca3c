package org.javamiko.internal.forward;

import java.io.IOException;
import java.util.List;

import org.javamiko.PortForward;
import org.javamiko.SshException;
import org.javamiko.internal.connect.ForwardSpec;
import org.javamiko.transport.Transport;
import org.slf4j.Logger;

/**
 * Opens an ssh_config's LocalForward, RemoteForward and DynamicForward right after connecting, as
 * {@code ssh} does. As {@code ssh}, a forwarding that cannot be opened (port taken, refused by the
 * server, or a kind javamiko lacks) is a warning and the connection goes on, unless
 * ExitOnForwardFailure is set: then it is an error naming the forwarding.
 */
public final class ConfiguredForwards {
    private ConfiguredForwards() {
    }

    /**
     * @param transport the connected, authenticated transport
     * @param specs the plan's forwardings, in order
     * @param exitOnFailure ExitOnForwardFailure
     * @param closeConnection closes the transport (and its jump hops) when a failure fails the connect
     * @param log where a failed forwarding is warned about
     * @return the forwardings opened, to be closed with the client
     * @throws SshException the first failure when {@code exitOnFailure} (everything closed then)
     */
    public static Forwardings open(Transport transport, List<ForwardSpec> specs, boolean exitOnFailure,
            Runnable closeConnection, Logger log) throws SshException {
        Forwardings forwardings = new Forwardings(transport);
        for (ForwardSpec spec : specs) {
            try {
                PortForward forward = open(forwardings, spec);
                log.debug("{} {}: listening on {}:{}", spec.kind().keyword(), spec.text(), forward.bindHost(),
                        forward.boundPort());
            } catch (IOException | RuntimeException e) {
                String message = spec.kind().keyword() + " " + spec.text() + " failed: " + e.getMessage();
                if (exitOnFailure) {
                    forwardings.closeAll();
                    closeConnection.run();
                    throw new SshException(message + " (ExitOnForwardFailure is yes)", e);
                }
                log.warn("{}; connected without it", message);
            }
        }
        return forwardings;
    }

    private static PortForward open(Forwardings forwardings, ForwardSpec spec) throws IOException {
        switch (spec.kind()) {
            case LOCAL -> {
                if (spec.bindPath() != null) {
                    throw new SshException("listening on a local Unix socket is not supported by javamiko");
                }
                return spec.destPath() != null
                        ? forwardings.localToUnixSocket(localBind(spec.bindHost()), spec.bindPort(), spec.destPath())
                        : forwardings.local(localBind(spec.bindHost()), spec.bindPort(), spec.destHost(), spec.destPort());
            }
            case DYNAMIC -> {
                if (spec.bindPath() != null) {
                    throw new SshException("a SOCKS proxy on a Unix socket is not supported by javamiko");
                }
                return forwardings.dynamic(localBind(spec.bindHost()), spec.bindPort());
            }
            default -> {
                if (spec.destPath() != null || spec.destHost() == null) {
                    throw new SshException(spec.destPath() != null
                            ? "forwarding to a local Unix socket is not supported by javamiko"
                            : "a SOCKS proxy on the server (RemoteForward without a destination) is not supported by javamiko");
                }
                return spec.bindPath() != null
                        ? forwardings.remoteFromUnixSocket(spec.bindPath(), spec.destHost(), spec.destPort())
                        : forwardings.remote(remoteBind(spec.bindHost()), spec.bindPort(), spec.destHost(),
                                spec.destPort());
            }
        }
    }

    /** ssh's local listen address: none or localhost is loopback; empty or {@code *} is every address. */
    private static String localBind(String bindHost) {
        if (bindHost == null || bindHost.equals("localhost")) {
            return null;
        }
        return bindHost.isEmpty() ? "*" : bindHost;
    }

    /** What ssh asks the server to listen on: {@code localhost} by default, {@code ""} for every address. */
    private static String remoteBind(String bindHost) {
        if (bindHost == null) {
            return "localhost";
        }
        return bindHost.equals("*") ? "" : bindHost;
    }
}
