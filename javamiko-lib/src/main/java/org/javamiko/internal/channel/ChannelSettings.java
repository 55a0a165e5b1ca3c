package org.javamiko.internal.channel;

/**
 * Flow-control settings of a channel.
 *
 * @param initialWindow the window we grant the server (RFC 4254 §5.2)
 * @param maxPacket the largest data packet we accept
 * @param maxBuffer the most unread bytes we hold before we stop granting window
 * @param maxOutgoingPacket the largest data packet we send, whatever the server allows
 */
public record ChannelSettings(int initialWindow, int maxPacket, long maxBuffer, int maxOutgoingPacket) {
    /** 2 MiB window and 32 KiB packets, as OpenSSH; 64 MiB of unread output at most. */
    public static final ChannelSettings DEFAULT = new ChannelSettings(2 * 1024 * 1024, 32 * 1024, 64L * 1024 * 1024,
            32 * 1024);
}
