package org.javamiko.internal.channel;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.javamiko.ChannelException;
import org.javamiko.SshException;
import org.javamiko.internal.session.SshSession;

/**
 * Where one channel is between open and gone ({@link Lifecycle}), the lock and conditions its
 * threads wait on, and the one way it ends ({@link #end}); {@link ChannelCore} adds the traffic.
 *
 * <p>Its fields are the channel's state, guarded by {@link #lock}: package-private so the
 * subclass reads them on the data path without an accessor call.
 */
abstract class ChannelLifecycle {
    final SshSession session;
    final ChannelTable table;
    final int localId;
    final ChannelSettings settings;
    final ReentrantLock lock = new ReentrantLock();
    final Condition changed = lock.newCondition();
    final Inbox inbox;
    final ChannelRequests requests = new ChannelRequests();

    final RemoteWindow window;

    Lifecycle state = Lifecycle.OPENING;
    /** Why the server refused the channel; set with {@link Lifecycle#REFUSED}. */
    ChannelException openFailure;
    /** Why the connection ended; set with {@link Lifecycle#LOST}. */
    IOException failure;
    int remoteId;
    /** Half-closes, separate from {@link #state}: the channel stays open through them. */
    boolean eofReceived;
    boolean eofSent;

    ChannelLifecycle(SshSession session, ChannelTable table, int localId, ChannelSettings settings) {
        this.session = session;
        this.table = table;
        this.localId = localId;
        this.settings = settings;
        this.inbox = new Inbox(settings);
        this.window = new RemoteWindow(lock.newCondition());
    }

    // ------------------------------------------------------------------ opening

    void awaitOpen(Duration timeout) throws IOException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            String what = "the server to open the channel (" + timeout.toMillis() + " ms)";
            while (state == Lifecycle.OPENING) {
                nanos = BoundedWait.await(changed, Math.max(nanos, 0), what);
            }
            if (state == Lifecycle.REFUSED) {
                throw openFailure;
            }
            throwFailure();
        } finally {
            lock.unlock();
        }
    }

    void onOpenConfirmation(int remoteId, long window, int maxPacket) {
        lock.lock();
        try {
            if (state == Lifecycle.OPENING) {
                this.remoteId = remoteId;
                this.window.open(window, maxPacket, settings.maxOutgoingPacket());
                state = Lifecycle.OPEN;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    void onOpenFailure(int code, String description) {
        lock.lock();
        try {
            if (state == Lifecycle.OPENING) {
                openFailure = new ChannelException(code, "The server refused to open the channel: "
                        + (description.isBlank() ? "reason " + code : description.strip()) + " (code " + code + ")");
                state = Lifecycle.REFUSED;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The four ways a channel's streams end. */
    enum Ending { EOF_RECEIVED, CLOSE_RECEIVED, CLOSED_BY_USER, CONNECTION_LOST }

    /**
     * What every ending shares: under the lock, the new state, the waiting requests failed and
     * every waiter woken; outside it, a pushed stdout sink told (once) that its stream ended.
     *
     * @param cause why the connection ended, for {@link Ending#CONNECTION_LOST}
     * @return the state before
     */
    final Lifecycle end(Ending how, IOException cause) {
        Lifecycle before;
        ChannelDataSink ending;
        lock.lock();
        try {
            before = state;
            switch (how) {
                case EOF_RECEIVED -> eofReceived = true;
                case CLOSE_RECEIVED -> {
                    eofReceived = true;
                    state = Lifecycle.CLOSED;
                }
                case CLOSED_BY_USER -> state = before == Lifecycle.OPEN ? Lifecycle.CLOSING
                        : before == Lifecycle.CLOSING ? Lifecycle.CLOSING : Lifecycle.CLOSED;
                case CONNECTION_LOST -> {
                    if (before.closedOnOurSide()) {
                        state = Lifecycle.CLOSED; // nothing more will come; our close is complete
                    } else if (!before.isOver()) {
                        failure = cause;
                        state = Lifecycle.LOST;
                    }
                }
            }
            if (how != Ending.EOF_RECEIVED) {
                requests.failAll();
            }
            ending = inbox.sinkToEnd();
            changed.signalAll();
            window.wakeWriters();
        } finally {
            lock.unlock();
        }
        if (ending != null) {
            ending.end(how == Ending.CONNECTION_LOST ? cause : null);
        }
        return before;
    }

    final long await(long nanos, String what) throws IOException {
        return BoundedWait.await(changed, nanos, what);
    }

    final void throwFailure() throws IOException {
        if (state == Lifecycle.LOST) {
            throw new SshException("The SSH connection was lost: " + failure.getMessage(), failure);
        }
    }
}
