package org.javamiko.internal.channel;

import java.util.ArrayDeque;

import org.javamiko.SshException;
import org.javamiko.internal.session.Msg;
import org.javamiko.internal.wire.SshBuffer;

/**
 * A channel's requests (RFC 4254 §5.4) in both directions: our want-reply requests awaiting the
 * server's SUCCESS or FAILURE, which come back in the order they were sent, and the exit status or
 * signal the server reports. Not thread-safe: guarded by the owning {@link ChannelCore}'s lock.
 */
final class ChannelRequests {
    /** The answer to one want-reply request: null until the reader thread fills it in. */
    static final class Reply {
        private Boolean success;

        /** @return true when answered, either way */
        boolean answered() {
            return success != null;
        }

        /** @return whether the server accepted the request; only once {@link #answered()} */
        boolean accepted() {
            return success;
        }
    }

    private final ArrayDeque<Reply> awaiting = new ArrayDeque<>();
    private Integer exitStatus;
    private String exitSignal;

    /** @return the slot the server's answer to the request about to be sent goes into */
    Reply expectReply() {
        Reply reply = new Reply();
        awaiting.add(reply);
        return reply;
    }

    /** @return false when the server answered a request we never made (ignored) */
    boolean answer(boolean success) {
        Reply reply = awaiting.poll();
        if (reply == null) {
            return false;
        }
        reply.success = success;
        return true;
    }

    /** Answers every waiting request with a failure: the channel or the connection has ended. */
    void failAll() {
        for (Reply reply : awaiting) {
            reply.success = Boolean.FALSE;
        }
        awaiting.clear();
    }

    /**
     * Takes in a request from the server.
     *
     * @param payload positioned after the request type and want-reply flag
     * @return whether we know the request (exit-status and exit-signal; others get FAILURE)
     * @throws SshException when a known request is truncated
     */
    boolean accept(String type, SshBuffer payload) throws SshException {
        switch (type) {
            case "exit-status" -> exitStatus = payload.getInt();
            case "exit-signal" -> {
                exitSignal = payload.getStringUtf8();
                exitStatus = -1;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** @return the command's exit status, -1 when it died of a signal; null while unknown */
    Integer exitStatus() {
        return exitStatus;
    }

    /** @return the signal the command died of, or null */
    String exitSignal() {
        return exitSignal;
    }

    /** @return a CHANNEL_REQUEST (RFC 4254 §5.4) with {@code body} after want-reply, or nothing there when null */
    static SshBuffer message(int remoteId, String type, boolean wantReply, SshBuffer body) {
        SshBuffer msg = new SshBuffer(64 + (body == null ? 0 : body.available()))
                .putByte(Msg.CHANNEL_REQUEST).putInt(remoteId).putString(type).putBoolean(wantReply);
        if (body != null) {
            msg.putRaw(body.array(), body.readPosition(), body.available());
        }
        return msg;
    }
}
