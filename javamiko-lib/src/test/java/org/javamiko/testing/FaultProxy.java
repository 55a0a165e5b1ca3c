package org.javamiko.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback between javamiko and a real server, for fault injection: it forwards
 * both directions until told to {@link #stall()} (stop forwarding both ways, every socket left
 * open: a peer that vanished without a FIN) or to {@link #reset()} (RST both sides). A
 * {@link Fault} can also be set to land at a point of the stream: at a {@link Phase} of the
 * server's plaintext start (which the proxy follows packet by packet), or at the next byte one
 * direction carries ({@link #injectNext}). One connection at a time is what the tests need; each
 * accepted one gets two pump threads, which end when either side closes or {@link #close()} is called.
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
    /** The fault waiting to land, per direction (index: {@link Direction#ordinal()}), or null. */
    private final Pending[] pending = new Pending[2];

    /** What happens at the byte a fault lands on. */
    public enum Fault {
        /** The bytes before it are forwarded, then both connections close with a FIN. */
        TRUNCATE,
        /** That byte is changed (one bit flipped); everything else goes through. */
        FLIP,
        /** The bytes before it are forwarded, then nothing more in either direction; sockets stay open. */
        STALL,
        /** The bytes before it are forwarded, then both connections are reset. */
        RESET
    }

    /** Which way the bytes go. */
    public enum Direction {
        FROM_SERVER, FROM_CLIENT
    }

    /** Points of the server's plaintext start, which the proxy follows packet by packet. */
    public enum Phase {
        /** The identification string's fifth byte. */
        BANNER,
        /** The server's KEXINIT, at the first byte of its cookie. */
        KEXINIT,
        /** The server's first kex-method message (e.g. the ECDH reply), just after its type. */
        KEX_REPLY,
        /** The server's NEWKEYS, at its message type. */
        NEWKEYS,
        /** The first byte the server sends under the new keys (EXT_INFO or SERVICE_ACCEPT: the auth phase). */
        FIRST_ENCRYPTED
    }

    /** A fault set to land: at a phase of the server's stream, or (phase null) at the next byte. */
    private record Pending(Fault fault, Phase phase) {
    }

    /** A plaintext packet to slip into the server's stream after the end of its first packet of type {@code after}. */
    private record Insertion(int after, byte[] packet) {
    }

    /** Set by {@link #insertPacketAfter}; taken when it lands. */
    private Insertion insertion;

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

    /** Lands {@code fault} at {@code phase} of the server's stream: set it before the client connects. */
    public void injectAt(Phase phase, Fault fault) {
        synchronized (lock) {
            pending[Direction.FROM_SERVER.ordinal()] = new Pending(fault, phase);
        }
    }

    /** Lands {@code fault} on the next byte that goes in {@code direction}. */
    public void injectNext(Direction direction, Fault fault) {
        synchronized (lock) {
            pending[direction.ordinal()] = new Pending(fault, null);
        }
    }

    /**
     * Slips a packet carrying {@code payload} (message type first) into the server's plaintext
     * stream, right after the end of the server's first packet of message type {@code after}
     * (20: KEXINIT, 31: the ECDH reply, ...; 0: after its identification line): what a man in the middle does before NEWKEYS, as in
     * the Terrapin attack. Set it before the client connects.
     */
    public void insertPacketAfter(int after, byte[] payload) {
        int padding = 8 - (5 + payload.length) % 8;
        padding += padding < 4 ? 8 : 0;
        ByteBuffer packet = ByteBuffer.allocate(5 + payload.length + padding);
        packet.putInt(1 + payload.length + padding).put((byte) padding).put(payload);
        synchronized (lock) {
            insertion = new Insertion(after, packet.array());
        }
    }

    /** Resets every connection (RST to both sides). */
    public void reset() throws IOException {
        synchronized (lock) {
            for (Socket s : sockets) {
                if (!s.isClosed()) { // a connection that ended already has nothing to reset
                    s.setSoLinger(true, 0);
                    s.close();
                }
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
                pump(client, server, null, Direction.FROM_CLIENT, "fault-proxy-up");
                pump(server, client, fromServer, Direction.FROM_SERVER, "fault-proxy-down");
            }
        } catch (IOException e) {
            // the listener was closed
        }
    }

    private void pump(Socket from, Socket to, AtomicLong counter, Direction direction, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            PlaintextTracker tracker = new PlaintextTracker();
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
                    if (!forward(buf, n, out, direction, tracker)) {
                        break;
                    }
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

    /**
     * Writes {@code buf[0..n)} on, landing a pending fault where it falls.
     *
     * @return false when the fault ended the connection (truncate or reset)
     */
    private boolean forward(byte[] buf, int n, OutputStream out, Direction direction, PlaintextTracker tracker)
            throws IOException {
        Pending p;
        Insertion insert;
        synchronized (lock) {
            p = pending[direction.ordinal()];
            insert = direction == Direction.FROM_SERVER ? insertion : null;
        }
        int at = -1;
        for (int i = 0; i < n; i++) {
            Phase reached = direction == Direction.FROM_SERVER ? tracker.next(buf[i]) : null;
            if (at < 0 && p != null && (p.phase() == null || p.phase() == reached)) {
                at = i;
            }
            if (insert != null && tracker.endedPacketType == insert.after()) {
                synchronized (lock) {
                    insertion = null;
                }
                out.write(buf, 0, i + 1);
                out.write(insert.packet());
                out.flush();
                System.arraycopy(buf, i + 1, buf, 0, n - i - 1);
                return forward(buf, n - i - 1, out, direction, tracker);
            }
        }
        if (at < 0) {
            out.write(buf, 0, n);
            return true;
        }
        synchronized (lock) {
            pending[direction.ordinal()] = null;
        }
        out.write(buf, 0, at);
        out.flush();
        switch (p.fault()) {
            case FLIP -> {
                buf[at] ^= 0x40;
                out.write(buf, at, n - at);
                return true;
            }
            case STALL -> {
                stall();
                return true;   // the rest of this chunk is dropped: the peer sees nothing more
            }
            case TRUNCATE -> {
                close();
                return false;
            }
            case RESET -> {
                reset();
                return false;
            }
            default -> throw new IllegalStateException(p.fault().toString());
        }
    }

    /**
     * Follows the server's stream through its plaintext start: the identification line, then
     * packets by their length field until NEWKEYS; says which {@link Phase} a byte is the mark of.
     */
    private static final class PlaintextTracker {
        private long offset;
        private boolean inBanner = true;
        private int bannerIndex;
        private boolean encrypted;
        private boolean sawKexMethod;
        private long packetStart = -1;
        private int packetLength;
        private int type = -1;

        /** The message type of the packet the last byte given to {@link #next} ended, else -1. */
        int endedPacketType = -1;

        /** @return the phase {@code b} marks, or null */
        Phase next(byte b) {
            endedPacketType = -1;
            Phase phase = step(b);
            offset++;
            return phase;
        }

        private Phase step(byte b) {
            if (encrypted) {
                if (packetStart >= 0) {
                    packetStart = -1;
                    return Phase.FIRST_ENCRYPTED;
                }
                return null;
            }
            if (inBanner) {
                bannerIndex++;
                if (b == '\n') {
                    inBanner = false;
                    endedPacketType = 0;
                    packetStart = offset + 1;
                }
                return bannerIndex == 5 ? Phase.BANNER : null;
            }
            long at = offset - packetStart;
            if (at < 4) {
                packetLength = (packetLength << 8) | (b & 0xff);
                return null;
            }
            Phase phase = null;
            if (at == 5) {
                type = b & 0xff;
                if (type == 21) {
                    phase = Phase.NEWKEYS;
                }
            } else if (at == 6 && type == 20) {
                phase = Phase.KEXINIT;
            } else if (at == 6 && type >= 30 && type <= 49 && !sawKexMethod) {
                sawKexMethod = true;
                phase = Phase.KEX_REPLY;
            }
            if (at == 3 + packetLength) {
                // the last byte of this packet (no MAC before NEWKEYS)
                if (type == 21) {
                    encrypted = true;
                }
                endedPacketType = type;
                packetStart = offset + 1;
                packetLength = 0;
                type = -1;
            }
            return phase;
        }
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
