package org.javamiko.internal.channel;

import java.io.IOException;
import java.util.function.Consumer;

import org.javamiko.ChannelException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * Decides on channels of one type that the server opens (RFC 4254 §5.1), such as
 * {@code auth-agent@openssh.com} or {@code forwarded-tcpip}; register it with
 * {@link ChannelTable#acceptChannels}.
 *
 * <p>The decision comes in two steps so that nothing is sent on the channel before its
 * confirmation: {@link #accept} looks at the request and either refuses it or returns what to run
 * once the channel is confirmed. Both steps run on the reader thread, so neither may block:
 * anything slow (a relay, a socket to copy to) belongs on a thread the second step starts.
 */
@FunctionalInterface
public interface ChannelOpenHandler {

    /**
     * Looks at one channel-open request of the registered type.
     *
     * @param data the type-specific data after the common fields; valid only during the call
     * @return what to do with the channel, called right after the confirmation was sent
     * @throws ChannelException to refuse the channel: its {@link ChannelException#code() code}
     *         (0 becomes 2, connect failed) and message go to the server
     * @throws IOException on a malformed request, which is refused too
     */
    Consumer<ChannelCore> accept(SshBuffer data) throws IOException;
}
