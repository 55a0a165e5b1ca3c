package org.javamiko.internal.connect;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.javamiko.ProxyCommandFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection to the server through a proxy command ({@code ProxyCommand}): the command runs
 * under {@code /bin/sh -c}, its stdin and stdout carry the SSH stream, its stderr goes to the log.
 * Reads honour {@link #setSoTimeout}; when the command's output ends because it exited with a
 * failure, the read throws {@link ProxyCommandFailure} with its exit status and the end of its
 * stderr. Closing it ends the command.
 */
public final class ProxyCommandSocket extends Socket {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyCommandSocket.class);
    private static final int STDERR_TAIL = 2048;
    private static final byte[] END = new byte[0];

    private final String command;
    private final Process process;
    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>(64);
    private final StringBuilder stderrTail = new StringBuilder();
    private volatile int timeoutMillis;
    private final InputStream input = new TimedInput();
    private final OutputStream output;

    private ProxyCommandSocket(String command, Process process) {
        this.command = command;
        this.process = process;
        this.output = new UnbufferedOutput(process.getOutputStream());
    }

    /**
     * @param command the command with its tokens already expanded
     * @throws ProxyCommandFailure if /bin/sh cannot be started
     */
    public static ProxyCommandSocket start(String command) throws ProxyCommandFailure {
        Process process;
        try {
            process = new ProcessBuilder("/bin/sh", "-c", command).start();
        } catch (IOException e) {
            throw new ProxyCommandFailure("Cannot start the proxy command '" + command + "': " + e.getMessage(), e);
        }
        ProxyCommandSocket socket = new ProxyCommandSocket(command, process);
        socket.daemon("proxy-command-stdout", socket::pumpStdout);
        socket.daemon("proxy-command-stderr", socket::pumpStderr);
        return socket;
    }

    private void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void pumpStdout() {
        byte[] buf = new byte[32 * 1024];
        try (InputStream out = process.getInputStream()) {
            int n;
            while ((n = out.read(buf)) > 0) {
                chunks.put(Arrays.copyOf(buf, n));
            }
        } catch (IOException e) {
            LOG.debug("Proxy command output ended: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            chunks.offer(END);
        }
    }

    private void pumpStderr() {
        byte[] buf = new byte[4096];
        try (InputStream err = process.getErrorStream()) {
            int n;
            while ((n = err.read(buf)) > 0) {
                String text = new String(buf, 0, n, StandardCharsets.UTF_8);
                LOG.info("proxy command: {}", text.strip());
                synchronized (stderrTail) {
                    stderrTail.append(text);
                    if (stderrTail.length() > STDERR_TAIL) {
                        stderrTail.delete(0, stderrTail.length() - STDERR_TAIL);
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("Proxy command stderr ended: {}", e.toString());
        }
    }

    /** The stream ended: a failure if the command exited with a non-zero status, else EOF. */
    private int ended() throws IOException {
        ProxyCommandFailure failure = failureIfExited();
        if (failure != null) {
            throw failure;
        }
        chunks.offer(END);
        return -1;
    }

    /** @return the command's failure if it exited (within a short wait) with a non-zero status, else null */
    private ProxyCommandFailure failureIfExited() {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS) && process.exitValue() != 0) {
                String tail;
                synchronized (stderrTail) {
                    tail = stderrTail.toString().strip();
                }
                return new ProxyCommandFailure("The proxy command '" + command + "' exited with status "
                        + process.exitValue() + (tail.isEmpty() ? "" : ": " + tail));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private final class TimedInput extends InputStream {
        private byte[] current = new byte[0];
        private int pos;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos == current.length) {
                byte[] next;
                try {
                    next = timeoutMillis == 0 ? chunks.take() : chunks.poll(timeoutMillis, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted reading from the proxy command");
                }
                if (next == null) {
                    throw new SocketTimeoutException("The proxy command sent nothing for " + timeoutMillis + " ms");
                }
                if (next == END) {
                    return ended();
                }
                current = next;
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return current.length - pos;
        }
    }

    /**
     * The process's stdin is buffered; a socket's stream is not, so every write is flushed. A write
     * the exited command can no longer take reports why it exited.
     */
    private final class UnbufferedOutput extends FilterOutputStream {
        UnbufferedOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
                out.flush();
            } catch (IOException e) {
                ProxyCommandFailure failure = failureIfExited();
                if (failure != null) {
                    failure.initCause(e);
                    throw failure;
                }
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    @Override
    public InputStream getInputStream() {
        return input;
    }

    @Override
    public OutputStream getOutputStream() {
        return output;
    }

    @Override
    public void setTcpNoDelay(boolean on) {
        // a pipe has no Nagle algorithm to switch off
    }

    @Override
    public void setSoTimeout(int timeout) {
        this.timeoutMillis = timeout;
    }

    @Override
    public int getSoTimeout() {
        return timeoutMillis;
    }

    @Override
    public InetAddress getInetAddress() {
        return InetAddress.getLoopbackAddress();
    }

    @Override
    public int getPort() {
        return 0;
    }

    @Override
    public boolean isConnected() {
        return process.isAlive();
    }

    /** Ends the command: its stdin is closed, then it is terminated (forcibly if it lingers). */
    @Override
    public synchronized void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("Closing the proxy command's stdin: {}", e.toString());
        }
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "proxy command '" + command + "'";
    }
}
