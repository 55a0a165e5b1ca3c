package org.javamiko.internal.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.slf4j.Logger;

/**
 * Routes each packet the reader thread reads (the dispatcher of the receive path): transport
 * messages are handled here or by the key exchange, authentication replies and global request
 * replies are queued for the thread waiting on them, connection messages go to the channel table.
 */
final class MessageDispatcher {
    private final SshSession session;
    private final KexDriver kex;
    private final Logger log;
    private final ReplyQueue authMessages = new ReplyQueue("an authentication reply");
    private final GlobalRequests globalRequests = new GlobalRequests();
    /** The auth layer's state as the server's messages show it: only the reader thread touches these. */
    private boolean serviceAccepted;
    private boolean authenticated;
    /** Packets read since the server's first NEWKEYS, up to 2: EXT_INFO may only be the first (RFC 8308 §2.4). */
    private int packetsAfterNewKeys;
    private volatile ConnectionHandler connectionHandler;
    private volatile List<String> serverSigAlgs;
    private volatile String banner;

    MessageDispatcher(SshSession session, KexDriver kex, Logger log) {
        this.session = session;
        this.kex = kex;
        this.log = log;
    }

    void dispatch(int type, SshBuffer payload, int sequence) throws IOException {
        kex.checkAllowedDuringKex(type);
        if (packetsAfterNewKeys < 2 && kex.firstKexDone() && type != Msg.NEWKEYS) {
            packetsAfterNewKeys++;
        }
        switch (type) {
            case Msg.DISCONNECT -> {
                int reason = payload.getInt();
                String text = payload.getStringUtf8();
                throw new SshException("The server disconnected: " + text.strip() + " ("
                        + Msg.disconnectReason(reason) + ")");
            }
            case Msg.IGNORE -> { }
            case Msg.DEBUG -> {
                payload.getBoolean();
                log.debug("Server debug message: {}", LogText.escape(payload.getStringUtf8()));
            }
            case Msg.UNIMPLEMENTED -> log.debug("The server did not implement our packet {}", payload.getUInt32());
            case Msg.EXT_INFO -> {
                checkExtInfoPlace();
                session.timeline().mark("ext-info-received");
                readExtInfo(payload);
            }
            case Msg.KEXINIT -> kex.onKexInit(payload);
            case Msg.NEWKEYS -> kex.onNewKeys();
            case Msg.GLOBAL_REQUEST -> refuseGlobalRequest(payload);
            case Msg.REQUEST_SUCCESS, Msg.REQUEST_FAILURE -> {
                if (!globalRequests.answer(type, payload)) {
                    log.debug("Ignoring a global request reply ({}) to no request of ours", type);
                }
            }
            case Msg.USERAUTH_BANNER -> {
                checkAuthMessageAllowed(type);
                banner = payload.getStringUtf8();
                log.info("Server banner: {}", LogText.escape(banner.strip()));
            }
            case Msg.USERAUTH_SUCCESS -> {
                kex.onAuthenticated();
                dispatchByRange(type, payload, sequence);
            }
            default -> dispatchByRange(type, payload, sequence);
        }
    }

    private void dispatchByRange(int type, SshBuffer payload, int sequence) throws IOException {
        ConnectionHandler handler = connectionHandler;
        if (type >= Msg.KEX_FIRST && type <= Msg.KEX_LAST) {
            kex.onKexMessage(type, payload);
        } else if (type == Msg.SERVICE_ACCEPT) {
            if (serviceAccepted) {
                throw new SshException("Protocol error: the server sent SERVICE_ACCEPT twice");
            }
            serviceAccepted = true;
            authMessages.add(type, payload);
        } else if (type >= Msg.USERAUTH_FIRST && type <= Msg.USERAUTH_LAST) {
            checkAuthMessageAllowed(type);
            if (type == Msg.USERAUTH_SUCCESS) {
                authenticated = true;
            }
            authMessages.add(type, payload);
        } else if (type >= Msg.CONNECTION_FIRST && type <= Msg.CONNECTION_LAST && handler != null) {
            handler.handle(type, payload);
        } else {
            log.debug("Unimplemented message {} from the server", type);
            session.send(new SshBuffer(8).putByte(Msg.UNIMPLEMENTED).putInt(sequence));
        }
    }

    /**
     * Authentication messages (50-79) belong between the server's SERVICE_ACCEPT and its
     * USERAUTH_SUCCESS; anywhere else one could only be injected, and is a protocol error (never
     * queued, where UserAuth would take it as genuine).
     */
    private void checkAuthMessageAllowed(int type) throws SshException {
        if (!serviceAccepted) {
            throw new SshException("Protocol error: the server sent authentication message " + type
                    + " before accepting the ssh-userauth service");
        }
        if (authenticated) {
            throw new SshException("Protocol error: the server sent authentication message " + type
                    + " after authentication succeeded");
        }
    }

    /**
     * RFC 8308 §2.4: the server sends EXT_INFO as its first message after its first NEWKEYS, or
     * right before USERAUTH_SUCCESS; after authentication it has no place.
     */
    private void checkExtInfoPlace() throws SshException {
        boolean firstAfterNewKeys = packetsAfterNewKeys == 1;
        boolean beforeSuccess = serviceAccepted && !authenticated;
        if (!firstAfterNewKeys && !beforeSuccess) {
            throw new SshException("Protocol error: the server sent EXT_INFO where RFC 8308 allows none");
        }
    }

    /**
     * Every global request of the server is refused: OpenSSH's client does the same with the ones
     * it does not know, and a REQUEST_FAILURE is a valid answer to {@code keepalive@openssh.com}.
     */
    private void refuseGlobalRequest(SshBuffer payload) throws IOException {
        String name = payload.getStringUtf8();
        boolean wantReply = payload.getBoolean();
        log.debug("Refusing the server's global request {}", name);
        if (wantReply) {
            session.send(new byte[] {(byte) Msg.REQUEST_FAILURE});
        }
    }

    private void readExtInfo(SshBuffer payload) throws SshException {
        long count = payload.getUInt32();
        for (long i = 0; i < count; i++) {
            String name = payload.getStringUtf8();
            byte[] value = payload.getString();
            if (name.equals("server-sig-algs")) {
                serverSigAlgs = List.of(new String(value, StandardCharsets.UTF_8).split(","));
                log.debug("Server signature algorithms: {}", serverSigAlgs);
            }
        }
    }

    ReplyQueue authMessages() {
        return authMessages;
    }

    GlobalRequests globalRequests() {
        return globalRequests;
    }

    void setConnectionHandler(ConnectionHandler handler) {
        this.connectionHandler = handler;
    }

    List<String> serverSigAlgs() {
        return serverSigAlgs;
    }

    String banner() {
        return banner;
    }

    /** The reader thread is about to read from the socket: see {@link ConnectionHandler#beforeSocketRead}. */
    void beforeSocketRead() {
        ConnectionHandler handler = connectionHandler;
        if (handler != null) {
            handler.beforeSocketRead();
        }
    }

    /** The session ended: wake every waiter and every channel. */
    void sessionClosed(IOException cause) {
        authMessages.close();
        globalRequests.close();
        ConnectionHandler handler = connectionHandler;
        if (handler != null) {
            handler.sessionClosed(cause);
        }
    }
}
