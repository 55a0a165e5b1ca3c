package org.javamiko.internal.forward;

import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

import org.javamiko.transport.Channel;

/** The live connections of one forwarding, so that closing the forwarding closes them all. */
final class Connections {
    private final Set<Splice> live = ConcurrentHashMap.newKeySet();
    private final ThreadFactory threads;
    private volatile boolean closed;

    Connections(ThreadFactory threads) {
        this.threads = threads;
    }

    /** Joins socket and channel and copies until both directions end; runs on the calling thread. */
    void splice(Socket socket, Channel channel) {
        Splice[] self = new Splice[1];
        Splice splice = new Splice(socket, channel, () -> live.remove(self[0]));
        self[0] = splice;
        live.add(splice);
        if (closed) {
            splice.close();
            return;
        }
        splice.run(threads);
    }

    /** Starts {@code task} on a thread of the user's factory; returns that thread. */
    Thread start(String name, Runnable task) {
        Thread t = threads.newThread(task);
        t.setName(name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** @return how many connections are open now */
    int size() {
        return live.size();
    }

    void closeAll() {
        closed = true;
        for (Splice s : live) {
            s.close();
        }
    }
}
