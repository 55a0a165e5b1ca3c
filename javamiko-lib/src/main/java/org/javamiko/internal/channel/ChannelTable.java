package org.javamiko.internal.channel;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.javamiko.ChannelException;
import org.javamiko.SshException;
import org.javamiko.internal.session.ConnectionHandler;
import org.javamiko.internal.session.Msg;
import org.javamiko.internal.session.SshSession;
import org.javamiko.internal.wire.SshBuffer;

/**
 * The connection layer's table of open channels (RFC 4254): numbers channels, opens them, and
 * routes each channel message from the reader thread to its channel.
 *
 * <p>Channels the server opens are refused unless a {@link ChannelOpenHandler} was registered for
 * their type with {@link #acceptChannels}.
 */
public final class ChannelTable implements ConnectionHandler {
    private static final int ADMINISTRATIVELY_PROHIBITED = 1;
    private static final int CONNECT_FAILED = 2;
    private static final int RESOURCE_SHORTAGE = 4;
    /** How many channels the server may have open towards us at once, unless set otherwise. */
    public static final int DEFAULT_MAX_SERVER_OPENED = 256;
    private static final String SESSION = "session";

    private final SshSession session;
    private final Map<Integer, ChannelCore> channels = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<String, Acceptor> acceptors = new ConcurrentHashMap<>();
    /** Local ids of the open channels the server opened: each may hold a thread and a window of buffer. */
    private final Set<Integer> serverOpened = ConcurrentHashMap.newKeySet();
    private volatile int maxServerOpened = DEFAULT_MAX_SERVER_OPENED;
    private volatile IOException closedCause;
    /** Channels that received data whose readers are not woken yet; reader thread only. */
    private final ArrayDeque<ChannelCore> toWake = new ArrayDeque<>();

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
        } catch (ChannelException e) {
            channels.remove(id);
            if (SESSION.equals(type) && e.code() == CONNECT_FAILED) {
                // OpenSSH answers a session beyond MaxSessions with this code and a bare "open failed".
                throw new ChannelException(e.code(), e.getMessage() + "; the server's limit of session channels"
                        + " per connection (OpenSSH MaxSessions) may be reached");
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            channels.remove(id);
            throw e;
        }
    }

    /**
     * Accepts channels of one type when the server opens them, instead of refusing them.
     * Registering a type again replaces its handler.
     *
     * @param type the channel type, e.g. {@code auth-agent@openssh.com} or {@code forwarded-tcpip}
     * @param settings the flow-control settings for those channels
     * @param handler decides on each request and takes over the accepted channels
     */
    public void acceptChannels(String type, ChannelSettings settings, ChannelOpenHandler handler) {
        acceptors.put(type, new Acceptor(settings, handler));
    }

    /**
     * @param max how many channels the server may have open towards us at once; past it, opens
     *            are refused (checked by {@code Transport.setMaxServerOpenedChannels}, the one caller)
     */
    public void setMaxServerOpened(int max) {
        maxServerOpened = max;
    }

    void remove(int localId) {
        channels.remove(localId);
        serverOpened.remove(localId);
    }

    /** @return how many channels are open */
    public int size() {
        return channels.size();
    }

    @Override
    public void beforeSocketRead() {
        ChannelCore core;
        while ((core = toWake.poll()) != null) {
            core.wakeReaders();
        }
    }

    /** Has {@code core}'s readers woken before the reader thread next reads from the socket. */
    void wakeSoon(ChannelCore core) {
        toWake.add(core);
    }

    @Override
    public void handle(int type, SshBuffer payload) throws IOException {
        if (type == Msg.CHANNEL_OPEN) {
            onOpenRequest(payload);
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

    private void onOpenRequest(SshBuffer payload) throws IOException {
        String type = payload.getStringUtf8();
        int sender = payload.getInt();
        long window = payload.getUInt32();
        int maxPacket = payload.getInt();
        Acceptor acceptor = acceptors.get(type);
        if (acceptor == null) {
            session.log().debug("Refusing a {} channel the server asked to open", type);
            refuse(sender, ADMINISTRATIVELY_PROHIBITED, "channel type " + type + " not enabled");
            return;
        }
        if (serverOpened.size() >= maxServerOpened) {
            session.log().warn("Refusing a {} channel the server asked to open: it has {} open already, the limit",
                    type, maxServerOpened);
            refuse(sender, RESOURCE_SHORTAGE, "too many channels open: the client accepts at most " + maxServerOpened
                    + " from the server at once");
            return;
        }
        Consumer<ChannelCore> takeOver;
        try {
            takeOver = acceptor.handler().accept(payload);
        } catch (IOException e) {
            int code = e instanceof ChannelException c && c.code() != 0 ? c.code() : CONNECT_FAILED;
            session.log().debug("Refusing a {} channel the server asked to open: {}", type, e.getMessage());
            refuse(sender, code, e.getMessage());
            return;
        }
        int id = nextId.getAndIncrement();
        ChannelSettings settings = acceptor.settings();
        ChannelCore core = new ChannelCore(session, this, id, settings);
        core.onOpenConfirmation(sender, window, maxPacket);
        channels.put(id, core);
        serverOpened.add(id);
        session.send(new SshBuffer(32).putByte(Msg.CHANNEL_OPEN_CONFIRMATION).putInt(sender).putInt(id)
                .putInt(settings.initialWindow()).putInt(settings.maxPacket()));
        session.log().debug("Accepted a {} channel the server opened, as channel {}", type, id);
        takeOver.accept(core);
    }

    private void refuse(int sender, int code, String reason) throws IOException {
        session.send(new SshBuffer(64).putByte(Msg.CHANNEL_OPEN_FAILURE).putInt(sender).putInt(code)
                .putString(reason == null ? "" : reason).putString(""));
    }

    /** A registered channel type: the settings its channels get and who takes them over. */
    private record Acceptor(ChannelSettings settings, ChannelOpenHandler handler) {
    }

    @Override
    public void sessionClosed(IOException cause) {
        closedCause = cause;
        for (ChannelCore core : channels.values()) {
            core.onSessionClosed(cause);
        }
    }
}
