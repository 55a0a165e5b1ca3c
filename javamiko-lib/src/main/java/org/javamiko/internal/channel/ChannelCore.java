package org.javamiko.internal.channel;

import java.io.IOException;
import java.time.Duration;

import org.javamiko.SshException;
import org.javamiko.internal.session.Msg;
import org.javamiko.internal.session.SshSession;
import org.javamiko.internal.wire.SshBuffer;

/**
 * The state of one channel (RFC 4254 §5): both windows, what was received and not yet read
 * ({@link Inbox}), EOF and close in each direction, requests and the exit status
 * ({@link ChannelRequests}).
 *
 * <p>The reader thread calls the {@code on…} methods; user threads call the rest. One lock guards
 * it all; nothing is sent while holding it, so a slow socket never blocks the reader thread on
 * this channel. Readers wait on one condition, writers on the {@link RemoteWindow}'s, so data
 * arriving never wakes a writer and a window adjustment never wakes a reader.
 *
 * <p>Where the channel is between open and gone is one {@link Lifecycle}; the four ways it ends
 * (EOF, the server's CLOSE, our close, the connection's end) share {@link ChannelLifecycle#end}.
 */
public final class ChannelCore extends ChannelLifecycle {
    /** Where received but unread bytes go. */
    public enum Stream { STDOUT, STDERR }

    private static final int STDERR_CODE = 1;
    /** The most data handed to the session at once: cut into packets, written in one system call. */
    private static final int WRITE_BATCH = 256 * 1024;

    /** Data arrived and the readers' wake-up is queued with the table (see {@link #wakeReaders}). */
    private boolean wakeQueued;

    ChannelCore(SshSession session, ChannelTable table, int localId, ChannelSettings settings) {
        super(session, table, localId, settings);
    }

    /** @return our channel number */
    public int localId() {
        return localId;
    }

    /** @return the table this channel belongs to (where server-opened channel types are accepted) */
    public ChannelTable table() {
        return table;
    }

    /** @return the session this channel runs over */
    public SshSession session() {
        return session;
    }

    // ------------------------------------------------------------------ receiving

    void onData(Stream stream, SshBuffer payload) throws IOException {
        int start = payload.getStringInPlace();
        int len = payload.readPosition() - start;
        int adjust;
        ChannelDataSink pushTo;
        lock.lock();
        try {
            inbox.consumeWindow(localId, len);
            if (state.closedOnOurSide()) {
                return; // the user closed the channel; nobody will read this
            }
            pushTo = inbox.sinkFor(stream);
            if (pushTo == null) {
                inbox.store(stream, payload.array(), start, len);
                if (!wakeQueued) {
                    wakeQueued = true;
                    table.wakeSoon(this);
                }
            }
            adjust = windowAdjust();
        } finally {
            lock.unlock();
        }
        // outside the lock, and only ever on this (the reader) thread, so deliveries stay in order
        if (pushTo != null) {
            pushTo.accept(payload.array(), start, len);
        }
        sendWindowAdjust(adjust);
    }

    /** Wakes the threads waiting for data, once per burst of packets (reader thread). */
    void wakeReaders() {
        lock.lock();
        try {
            wakeQueued = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands stdout to {@code newSink} from now on (see {@link ChannelDataSink}). Only for a
     * stream nothing was received on yet, so no byte is lost or reordered.
     */
    public void pushTo(ChannelDataSink newSink) throws IOException {
        IOException endedBy;
        boolean ended;
        lock.lock();
        try {
            ended = eofReceived || state.isOver();
            inbox.pushTo(localId, newSink, ended);
            endedBy = failure;
        } finally {
            lock.unlock();
        }
        if (ended) {
            newSink.end(endedBy);
        }
    }

    void onExtendedData(SshBuffer payload) throws IOException {
        int code = payload.getInt();
        if (code == STDERR_CODE) {
            onData(Stream.STDERR, payload);
        } else {
            int start = payload.getStringInPlace();
            lock.lock();
            try {
                inbox.consumeWindow(localId, payload.readPosition() - start);
            } finally {
                lock.unlock();
            }
        }
    }

    /** @return the window to grant now (see {@link Inbox}); none once the channel is closing. Caller holds the lock. */
    private int windowAdjust() {
        return state == Lifecycle.OPEN ? inbox.grant() : 0;
    }

    private void sendWindowAdjust(int bytes) throws IOException {
        if (bytes > 0) {
            session.send(new SshBuffer(16).putByte(Msg.CHANNEL_WINDOW_ADJUST).putInt(remoteId).putInt(bytes));
        }
    }

    void onWindowAdjust(long bytes) {
        lock.lock();
        try {
            window.grow(bytes);
        } finally {
            lock.unlock();
        }
    }

    void onEof() {
        end(Ending.EOF_RECEIVED, null);
    }

    void onClose() throws IOException {
        Lifecycle before = end(Ending.CLOSE_RECEIVED, null);
        if (!before.closedOnOurSide()) {
            session.send(new SshBuffer(8).putByte(Msg.CHANNEL_CLOSE).putInt(remoteId));
        }
        table.remove(localId);
    }

    void onRequest(SshBuffer payload) throws IOException {
        String type = payload.getStringUtf8();
        boolean wantReply = payload.getBoolean();
        boolean handled;
        lock.lock();
        try {
            handled = requests.accept(type, payload);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (wantReply) {
            session.send(new SshBuffer(8).putByte(handled ? Msg.CHANNEL_SUCCESS : Msg.CHANNEL_FAILURE).putInt(remoteId));
        }
    }

    void onRequestReply(boolean success) {
        lock.lock();
        try {
            if (requests.answer(success)) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    void onSessionClosed(IOException cause) {
        end(Ending.CONNECTION_LOST, cause);
    }

    // ------------------------------------------------------------------ user side

    /**
     * Reads received bytes, blocking until some arrive, the stream ends, or the timeout passes.
     *
     * @param timeout null or zero to wait without bound
     * @return bytes read, or -1 at the end of the stream
     */
    public int read(Stream which, byte[] buf, int off, int len, Duration timeout) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n;
        int adjust;
        lock.lock();
        try {
            ByteRing ring = inbox.ring(which);
            long nanos = BoundedWait.nanos(timeout);
            while (ring.isEmpty()) {
                if (eofReceived || state.closedOnOurSide()) {
                    return -1;
                }
                throwFailure();
                nanos = await(nanos, "data on the channel");
            }
            n = ring.read(buf, off, len);
            adjust = windowAdjust();
        } finally {
            lock.unlock();
        }
        sendWindowAdjust(adjust);
        return n;
    }

    /** @return bytes that can be read without blocking */
    public int available(Stream which) {
        lock.lock();
        try {
            return inbox.ring(which).size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until either stream has bytes, or both have ended.
     *
     * @return false when both streams are at their end
     */
    public boolean awaitAnyData(Duration timeout) throws IOException {
        lock.lock();
        try {
            long nanos = BoundedWait.nanos(timeout);
            while (inbox.isEmpty()) {
                if (eofReceived || state.closedOnOurSide()) {
                    return false;
                }
                throwFailure();
                nanos = await(nanos, "output from the command");
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends bytes as channel data, blocking while the server's window is full.
     *
     * @param extended true for stderr (extended data type 1)
     */
    public void write(byte[] buf, int off, int len, boolean extended, Duration timeout) throws IOException {
        while (len > 0) {
            int n;
            lock.lock();
            try {
                long nanos = BoundedWait.nanos(timeout);
                while (window.isFull()) {
                    checkWritable();
                    nanos = window.awaitGrowth(nanos);
                }
                checkWritable();
                n = window.take(len, WRITE_BATCH);
            } finally {
                lock.unlock();
            }
            session.sendChannelData(remoteId, extended ? STDERR_CODE : -1, buf, off, n, window.maxPacket());
            off += n;
            len -= n;
        }
    }

    private void checkWritable() throws IOException {
        throwFailure();
        if (state.isOver()) {
            throw new SshException("Channel " + localId + " is closed");
        }
        if (eofSent) {
            throw new SshException("Channel " + localId + ": stdin was already shut down (EOF sent)");
        }
    }

    /** Sends EOF once: the server's side of the command sees the end of its stdin. */
    public void sendEof() throws IOException {
        lock.lock();
        try {
            if (eofSent || state.closedOnOurSide()) {
                return;
            }
            eofSent = true;
        } finally {
            lock.unlock();
        }
        session.send(new SshBuffer(8).putByte(Msg.CHANNEL_EOF).putInt(remoteId));
    }

    /**
     * Sends a channel request (RFC 4254 §5.4), waiting for the reply when {@code wantReply}.
     *
     * @param body the request-specific data, after want-reply
     * @throws SshException when the server refuses
     */
    public void request(String type, boolean wantReply, SshBuffer body, Duration timeout) throws IOException {
        ChannelRequests.Reply reply = null;
        lock.lock();
        try {
            throwFailure();
            if (state.isOver()) {
                throw new SshException("Channel " + localId + " is closed; cannot send " + type);
            }
            if (wantReply) {
                reply = requests.expectReply();
            }
        } finally {
            lock.unlock();
        }
        session.send(ChannelRequests.message(remoteId, type, wantReply, body));
        if (!wantReply) {
            return;
        }
        lock.lock();
        try {
            long nanos = BoundedWait.nanos(timeout);
            while (!reply.answered()) {
                throwFailure();
                nanos = await(nanos, "the reply to the " + type + " request");
            }
            if (!reply.accepted()) {
                throw new SshException("The server refused the " + type + " request on channel " + localId);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Closes our side (sends CLOSE once); reads then end, writes fail. */
    public void close() {
        Lifecycle before = end(Ending.CLOSED_BY_USER, null);
        if (before == Lifecycle.OPEN) {
            try {
                session.send(new SshBuffer(8).putByte(Msg.CHANNEL_CLOSE).putInt(remoteId));
            } catch (IOException e) {
                session.log().debug("Could not send CLOSE for channel {}: {}", localId, e.toString());
            }
        } else if (before != Lifecycle.CLOSING) {
            table.remove(localId); // no CLOSE of the server's will come to remove it
        }
    }

    /** @param combine true to deliver stderr through stdout from now on */
    public void setCombineStderr(boolean combine) {
        lock.lock();
        try {
            inbox.combineStderr(combine);
        } finally {
            lock.unlock();
        }
    }

    /** @return true once exit-status or exit-signal arrived */
    public boolean exitStatusReady() {
        lock.lock();
        try {
            return requests.exitStatus() != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for the command's exit status.
     *
     * @return the status; -1 when the server closed the channel without one, or the command died of a signal
     */
    public int awaitExitStatus(Duration timeout) throws IOException {
        lock.lock();
        try {
            long nanos = BoundedWait.nanos(timeout);
            while (requests.exitStatus() == null && state != Lifecycle.CLOSED) {
                throwFailure();
                nanos = await(nanos, "the exit status");
            }
            Integer status = requests.exitStatus();
            return status == null ? -1 : status;
        } finally {
            lock.unlock();
        }
    }

    /** @return the signal the command died of (e.g. {@code TERM}), or null */
    public String exitSignal() {
        lock.lock();
        try {
            return requests.exitSignal();
        } finally {
            lock.unlock();
        }
    }

    /** @return true once the channel was closed by either side, or its session ended */
    public boolean isClosed() {
        lock.lock();
        try {
            return state.isOver();
        } finally {
            lock.unlock();
        }
    }

}
