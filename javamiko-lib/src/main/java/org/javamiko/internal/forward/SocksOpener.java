package org.javamiko.internal.forward;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import org.javamiko.ChannelException;
import org.javamiko.transport.Channel;
import org.javamiko.transport.Transport;

/**
 * ssh -D: reads the SOCKS request of an accepted connection, opens a {@code direct-tcpip}
 * channel to what it names (the server resolves names, as with curl's --socks5-hostname), and
 * answers success, or the failure the refusal maps to.
 */
final class SocksOpener implements ChannelOpener {
    /** A client that connects and then says nothing must not hold a thread for ever. */
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);
    private static final int SSH_OPEN_ADMINISTRATIVELY_PROHIBITED = 1;
    private static final int SSH_OPEN_CONNECT_FAILED = 2;

    private final Transport transport;

    SocksOpener(Transport transport) {
        this.transport = transport;
    }

    @Override
    public Channel open(Socket accepted) throws IOException {
        accepted.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
        InputStream in = accepted.getInputStream();
        OutputStream out = accepted.getOutputStream();
        SocksRequest request = SocksRequest.read(in, out);
        Channel channel;
        try {
            channel = transport.openChannel("direct-tcpip",
                    InetSocketAddress.createUnresolved(request.host(), request.port()),
                    (InetSocketAddress) accepted.getRemoteSocketAddress());
        } catch (ChannelException e) {
            request.replyFailure(out, socksCode(e.code()));
            throw e;
        } catch (IOException e) {
            request.replyFailure(out, SocksRequest.GENERAL_FAILURE);
            throw e;
        }
        accepted.setSoTimeout(0);
        try {
            request.replySuccess(out);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    private static int socksCode(int sshReason) {
        if (sshReason == SSH_OPEN_ADMINISTRATIVELY_PROHIBITED) {
            return SocksRequest.NOT_ALLOWED;
        }
        return sshReason == SSH_OPEN_CONNECT_FAILED ? SocksRequest.CONNECTION_REFUSED : SocksRequest.GENERAL_FAILURE;
    }
}
