package org.javamiko;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.javamiko.transport.Transport;

/**
 * The connections of one {@link PoolKey} in a {@link SshClientPool}: each counts the leases on
 * it against its cap of channels, which drops to what the server accepted when it refuses a
 * session channel (sshd's MaxSessions). A connection is closed only with no lease on it: when
 * idle too long, when dead (its transport ended, e.g. after unanswered keepalives), or when the
 * pool closes.
 */
final class PoolGroup {
    /** Opens and logs in a new connection for this group; closes it on failure. */
    interface Connector {
        SshClient connect() throws IOException;
    }

    /** One kept connection; guarded by the group's monitor. */
    static final class Entry {
        final SshClient client;
        int inUse;
        int cap;
        long idleSince;
        boolean retired;

        Entry(SshClient client, int cap) {
            this.client = client;
            this.cap = cap;
        }

        boolean alive() {
            Transport t = client.getTransport();
            return !retired && t != null && t.isActive();
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    /** One new connection at a time per group: callers arriving meanwhile share it when it has room. */
    private final ReentrantLock connecting = new ReentrantLock();
    private final int cap;

    PoolGroup(int cap) {
        this.cap = cap;
    }

    /** @return a lease on a live connection with room, connecting a new one when none has */
    Entry acquire(Connector connector) throws IOException {
        Entry found = tryAcquire();
        if (found != null) {
            return found;
        }
        connecting.lock();
        try {
            found = tryAcquire(); // another caller may have connected while we waited
            if (found != null) {
                return found;
            }
            Entry fresh = new Entry(connector.connect(), cap);
            synchronized (this) {
                fresh.inUse = 1;
                entries.add(fresh);
            }
            return fresh;
        } finally {
            connecting.unlock();
        }
    }

    private synchronized Entry tryAcquire() {
        prune();
        for (Entry e : entries) {
            if (e.alive() && e.inUse < e.cap) {
                e.inUse++;
                return e;
            }
        }
        return null;
    }

    /** Ends a lease; a retired connection closes with its last one. */
    synchronized void release(Entry e) {
        e.inUse--;
        if (e.inUse == 0) {
            e.idleSince = System.nanoTime();
        }
        prune();
    }

    /**
     * The server refused a session channel while {@code e} had other leases: it takes no more
     * than those from now on.
     *
     * @return false when there were no others: the refusal is not about a limit
     */
    synchronized boolean lowerCap(Entry e) {
        if (e.inUse <= 1) {
            return false;
        }
        e.cap = e.inUse - 1;
        return true;
    }

    /** Takes a dead or aborted connection out of use; it closes once its last lease ends. */
    synchronized void retire(Entry e) {
        e.retired = true;
        prune();
    }

    /** Closes the connections idle since before {@code idleSinceNanos} and the dead ones with no lease. */
    synchronized void closeIdle(long idleBefore) {
        for (Entry e : entries) {
            if (e.inUse == 0 && e.idleSince - idleBefore < 0) {
                e.retired = true;
            }
        }
        prune();
    }

    /** @return the live connections */
    synchronized int open() {
        return (int) entries.stream().filter(Entry::alive).count();
    }

    /** Closes every connection, leased or not. */
    synchronized void closeAll() {
        entries.forEach(e -> e.client.close());
        entries.clear();
    }

    private void prune() {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext();) {
            Entry e = it.next();
            if (e.inUse == 0 && !e.alive()) {
                it.remove();
                e.client.close();
            }
        }
    }
}
