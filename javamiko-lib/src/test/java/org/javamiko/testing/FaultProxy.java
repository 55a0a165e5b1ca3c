package org.javamiko.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback between javamiko and a real server, for fault injection: it forwards
 * both directions until told to {@link #stall()} (stop forwarding both ways, every socket left
 * open: a peer that vanished without a FIN) or to {@link #reset()} (RST both sides). One
 * connection at a time is what the tests need; each accepted one gets two pump threads, which
 * end when either side closes or {@link #close()} is called.
 */
public final class FaultProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final Object lock = new Object();
    private final List<Socket> sockets = new ArrayList<>();
    private final AtomicLong fromServer = new AtomicLong();
    private final Thread acceptor;
    private boolean stalled;
    private boolean closed;

    /** @param targetPort the server's port on 127.0.0.1 */
    public FaultProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket();
        listener.setReceiveBufferSize(8 * 1024); // small: a stalled proxy soon blocks the client's writes
        listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 4);
        this.acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the port javamiko connects to */
    public int port() {
        return listener.getLocalPort();
    }

    /** @return how many bytes the server sent through the proxy so far */
    public long bytesFromServer() {
        return fromServer.get();
    }

    /** Stops forwarding in both directions; the sockets stay open and nothing more is read. */
    public void stall() {
        synchronized (lock) {
            stalled = true;
        }
    }

    /** Resets every connection (RST to both sides). */
    public void reset() throws IOException {
        synchronized (lock) {
            for (Socket s : sockets) {
                s.setSoLinger(true, 0);
                s.close();
            }
            lock.notifyAll();
        }
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket client = listener.accept();
                Socket server = new Socket("127.0.0.1", targetPort);
                synchronized (lock) {
                    sockets.add(client);
                    sockets.add(server);
                }
                pump(client, server, null, "fault-proxy-up");
                pump(server, client, fromServer, "fault-proxy-down");
            }
        } catch (IOException e) {
            // the listener was closed
        }
    }

    private void pump(Socket from, Socket to, AtomicLong counter, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                while (true) {
                    awaitNotStalled();
                    int n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    awaitNotStalled();
                    if (counter != null) {
                        counter.addAndGet(n);
                    }
                    out.write(buf, 0, n);
                }
            } catch (IOException | InterruptedException e) {
                // either side closed, or the proxy is closing
            }
            closeQuietly(from);
            closeQuietly(to);
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private void awaitNotStalled() throws InterruptedException, IOException {
        synchronized (lock) {
            while (stalled && !closed) {
                lock.wait();
            }
            if (closed) {
                throw new IOException("proxy closed");
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
            for (Socket s : sockets) {
                closeQuietly(s);
            }
        }
        listener.close();
    }
}
