package org.javamiko.internal.forward;

import java.io.IOException;
import java.net.Socket;

import org.javamiko.transport.Channel;

/** Opens the channel an accepted local connection is forwarded over (it may talk to the socket first, as SOCKS does). */
@FunctionalInterface
interface ChannelOpener {

    /** @return the channel, opened; throw to drop the connection (the socket is then closed) */
    Channel open(Socket accepted) throws IOException;
}
