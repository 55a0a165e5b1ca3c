package org.javamiko.internal.channel;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.javamiko.SshException;
import org.javamiko.internal.session.ConnectionHandler;
import org.javamiko.internal.session.Msg;
import org.javamiko.internal.session.SshSession;
import org.javamiko.internal.wire.SshBuffer;

/**
 * The connection layer's table of open channels (RFC 4254): numbers channels, opens them, and
 * routes each channel message from the reader thread to its channel.
 */
public final class ChannelTable implements ConnectionHandler {
    private static final int ADMINISTRATIVELY_PROHIBITED = 1;

    private final SshSession session;
    private final Map<Integer, ChannelCore> channels = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private volatile IOException closedCause;

    /** @param session the session whose connection messages this table receives */
    public ChannelTable(SshSession session) {
        this.session = session;
        session.setConnectionHandler(this);
    }

    /**
     * Opens a channel and waits for the server's answer.
     *
     * @param type the channel type, e.g. {@code session} or {@code direct-tcpip}
     * @param extra type-specific data after the common fields, or null
     * @param settings the flow-control settings
     * @param timeout how long to wait for the server's answer
     * @return the open channel
     * @throws org.javamiko.ChannelException when the server refuses
     */
    public ChannelCore open(String type, SshBuffer extra, ChannelSettings settings, Duration timeout) throws IOException {
        IOException closed = closedCause;
        if (closed != null) {
            throw new SshException("The SSH connection is closed: " + closed.getMessage(), closed);
        }
        int id = nextId.getAndIncrement();
        ChannelCore core = new ChannelCore(session, this, id, settings);
        channels.put(id, core);
        try {
            SshBuffer msg = new SshBuffer(64).putByte(Msg.CHANNEL_OPEN).putString(type).putInt(id)
                    .putInt(settings.initialWindow()).putInt(settings.maxPacket());
            if (extra != null) {
                msg.putRaw(extra.array(), extra.readPosition(), extra.available());
            }
            session.send(msg);
            core.awaitOpen(timeout);
            return core;
        } catch (IOException | RuntimeException e) {
            channels.remove(id);
            throw e;
        }
    }

    void remove(int localId) {
        channels.remove(localId);
    }

    /** @return how many channels are open */
    public int size() {
        return channels.size();
    }

    @Override
    public void handle(int type, SshBuffer payload) throws IOException {
        if (type == Msg.CHANNEL_OPEN) {
            refuseOpen(payload);
            return;
        }
        int id = payload.getInt();
        ChannelCore core = channels.get(id);
        if (core == null) {
            session.log().debug("Message {} for unknown channel {} ignored", type, id);
            return;
        }
        switch (type) {
            case Msg.CHANNEL_OPEN_CONFIRMATION -> core.onOpenConfirmation(payload.getInt(), payload.getUInt32(),
                    payload.getInt());
            case Msg.CHANNEL_OPEN_FAILURE -> {
                int code = payload.getInt();
                core.onOpenFailure(code, payload.getStringUtf8());
            }
            case Msg.CHANNEL_WINDOW_ADJUST -> core.onWindowAdjust(payload.getUInt32());
            case Msg.CHANNEL_DATA -> core.onData(ChannelCore.Stream.STDOUT, payload);
            case Msg.CHANNEL_EXTENDED_DATA -> core.onExtendedData(payload);
            case Msg.CHANNEL_EOF -> core.onEof();
            case Msg.CHANNEL_CLOSE -> core.onClose();
            case Msg.CHANNEL_REQUEST -> core.onRequest(payload);
            case Msg.CHANNEL_SUCCESS -> core.onRequestReply(true);
            case Msg.CHANNEL_FAILURE -> core.onRequestReply(false);
            default -> session.log().debug("Connection message {} ignored", type);
        }
    }

    private void refuseOpen(SshBuffer payload) throws IOException {
        String type = payload.getStringUtf8();
        int sender = payload.getInt();
        session.log().debug("Refusing a {} channel the server asked to open", type);
        session.send(new SshBuffer(64).putByte(Msg.CHANNEL_OPEN_FAILURE).putInt(sender)
                .putInt(ADMINISTRATIVELY_PROHIBITED).putString("channel type " + type + " not enabled").putString(""));
    }

    @Override
    public void sessionClosed(IOException cause) {
        closedCause = cause;
        for (ChannelCore core : channels.values()) {
            core.onSessionClosed(cause);
        }
    }
}
