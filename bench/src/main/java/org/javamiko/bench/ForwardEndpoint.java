package org.javamiko.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;

/**
 * The far end of the forwarding benchmark, a TCP server in the bench JVM on 127.0.0.1: for each
 * connection a first byte says what to do. {@code U}: read to EOF and answer the byte count (an
 * upload through the forwarding); {@code D} and a length: send that many random bytes and close (a
 * download). The client halves ({@link #upload}, {@link #download}) check the count.
 */
public final class ForwardEndpoint implements AutoCloseable {
    private static final int CHUNK = 64 * 1024;
    private static final int TIMEOUT_MILLIS = 600_000;

    private final ServerSocket listener;
    private final byte[] block = new byte[1 << 20];

    private ForwardEndpoint(ServerSocket listener) {
        this.listener = listener;
        new Random(12).nextBytes(block);
    }

    /** @return a running endpoint on a free loopback port */
    public static ForwardEndpoint start() throws IOException {
        ForwardEndpoint e = new ForwardEndpoint(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(e::acceptLoop, "forward-endpoint");
        acceptor.setDaemon(true);
        acceptor.start();
        return e;
    }

    /** @return the port the endpoint listens on */
    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                Thread t = new Thread(() -> serve(s), "forward-endpoint-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(TIMEOUT_MILLIS);
            DataInputStream in = new DataInputStream(s.getInputStream());
            int mode = in.read();
            if (mode == 'U') {
                long n = Drain.count(in);
                new DataOutputStream(s.getOutputStream()).writeLong(n);
            } else if (mode == 'D') {
                send(s.getOutputStream(), in.readLong());
            } // else: a probe that only checked the port is open
        } catch (IOException e) {
            Log.info("forward endpoint: " + e);
        }
    }

    private void send(OutputStream out, long n) throws IOException {
        for (long left = n; left > 0; ) {
            int len = (int) Math.min(CHUNK, left);
            out.write(block, (int) ((n - left) % (block.length - CHUNK)), len);
            left -= len;
        }
        out.flush();
    }

    /**
     * Sends {@code n} bytes to the endpoint through {@code port} (a forwarding's listener).
     *
     * @throws IOException when the endpoint did not receive them all
     */
    public void upload(int port, long n) throws IOException {
        try (Socket s = connect(port)) {
            OutputStream out = s.getOutputStream();
            out.write('U');
            send(out, n);
            s.shutdownOutput();
            long received = new DataInputStream(s.getInputStream()).readLong();
            if (received != n) {
                throw new IOException("the endpoint received " + received + " of " + n + " bytes");
            }
        }
    }

    /**
     * Reads {@code n} bytes from the endpoint through {@code port}.
     *
     * @throws IOException when fewer or more arrived
     */
    public void download(int port, long n) throws IOException {
        try (Socket s = connect(port)) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.write('D');
            out.writeLong(n);
            out.flush();
            long received = Drain.count(s.getInputStream());
            if (received != n) {
                throw new IOException("received " + received + " of " + n + " bytes");
            }
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        s.setSoTimeout(TIMEOUT_MILLIS);
        return s;
    }

    /**
     * Waits (at most 10 s) until something accepts connections on {@code port}, e.g. an
     * {@code ssh -L} that has just started.
     *
     * @return true when it does
     */
    public static boolean awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return true;
            } catch (IOException e) {
                Thread.sleep(50); // ssh gives no other sign that its listener is up
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    /** Reads a stream to its end, counting. */
    private static final class Drain {
        static long count(InputStream in) throws IOException {
            byte[] buf = new byte[CHUNK];
            long n = 0;
            for (int r; (r = in.read(buf)) >= 0; ) {
                n += r;
            }
            return n;
        }
    }
}
