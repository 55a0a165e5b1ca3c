package org.javamiko.internal.scp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.LongConsumer;

import org.javamiko.ScpException;
import org.javamiko.transport.Channel;

/**
 * One running remote {@code scp -t} or {@code scp -f}: its stdin and stdout carry the protocol's
 * control records ({@code C}, {@code D}, {@code E}, {@code T} lines), file data, and one-byte
 * acknowledgements (0 ok, 1 warning, 2 fatal, the latter two followed by a message line).
 *
 * <p>Every line read is bounded ({@value #MAX_LINE} bytes); every wait is bounded by the
 * transfer's timeout (the channel's).
 */
public final class ScpStream implements AutoCloseable {
    /** The longest control or message line accepted; OpenSSH's buffer is 2 KiB, names may be long. */
    static final int MAX_LINE = 8192;
    /** How long to wait for the remote's exit status once it stopped talking, when no timeout is set. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

    private final Channel channel;
    private final String command;
    private final Duration timeout;
    private final InputStream in;
    private final OutputStream out;

    private ScpStream(Channel channel, String command, Duration timeout) {
        this.channel = channel;
        this.command = command;
        this.timeout = timeout;
        this.in = new BufferedInputStream(channel.getInputStream(), 64 * 1024);
        this.out = new BufferedOutputStream(channel.getOutputStream(), 32 * 1024);
    }

    /**
     * Takes over a channel already running {@code command} (closed here on failure).
     *
     * @param timeout bounds each read, write and wait; null for none
     */
    public static ScpStream attach(Channel channel, String command, Duration timeout) {
        channel.setTimeout(timeout);
        return new ScpStream(channel, command, timeout);
    }

    /** @return the remote command line */
    public String command() {
        return command;
    }

    /**
     * Reads one acknowledgement: returns on 0; throws {@link ScpException} with the remote's
     * message on 1 or 2, and on anything else or the end of the stream.
     *
     * @param context what was acknowledged, for the message, e.g. {@code "the file a.txt"}
     */
    public void expectAck(String context) throws IOException {
        int b = in.read();
        switch (b) {
            case 0 -> { }
            case -1 -> throw remoteEnded("while waiting for the answer to " + context);
            case 1, 2 -> throw remoteError(readLine(), context);
            default -> throw protocolError("expected an acknowledgement of " + context + ", got "
                    + describe((char) b + readRestOfLineQuietly()));
        }
    }

    /** @return the next byte (a record type or acknowledgement), or -1 at the end of the stream */
    public int read() throws IOException {
        return in.read();
    }

    /**
     * Reads the rest of a line, up to its {@code \n} (dropped). The end of the stream or a line
     * longer than {@value #MAX_LINE} bytes is a protocol error.
     */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b == -1) {
                throw remoteEnded("in the middle of a line (" + describe(decode(line)) + ")");
            }
            if (b == '\n') {
                return decode(line);
            }
            if (line.size() >= MAX_LINE) {
                throw protocolError("a line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    private String readRestOfLineQuietly() {
        try {
            return readLine();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Copies exactly {@code size} bytes of file data to {@code to}, reporting progress.
     *
     * @param progress called with the bytes copied so far; may be null
     */
    public void readData(OutputStream to, long size, LongConsumer progress) throws IOException {
        byte[] buf = new byte[32 * 1024];
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw remoteEnded("with " + left + " of " + size + " bytes of a file still to come");
            }
            to.write(buf, 0, n);
            left -= n;
            if (progress != null) {
                progress.accept(size - left);
            }
        }
    }

    /** Sends a control line ({@code \n} appended) and flushes. */
    public void sendLine(String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.flush();
    }

    /** Sends the 0 acknowledgement and flushes. */
    public void sendAck() throws IOException {
        out.write(0);
        out.flush();
    }

    /** Sends a fatal error (2 and a message line), ignoring failure: the transfer ends anyway. */
    public void sendFatalQuietly(String message) {
        try {
            out.write(2);
            out.write(("scp: " + message.replace('\n', ' ')).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the channel is closed next
        }
    }

    /** Writes file data (buffered; the next control line or ack flushes it). */
    public void write(byte[] buf, int off, int len) throws IOException {
        out.write(buf, off, len);
    }

    /** Writes one byte (buffered). */
    public void write(int b) throws IOException {
        out.write(b);
    }

    /** Flushes buffered data. */
    public void flush() throws IOException {
        out.flush();
    }

    /**
     * Ends a transfer that went well: sends EOF, waits for the remote's exit status (bounded),
     * and throws {@link ScpException} when it is not 0.
     */
    public void finish() throws IOException {
        out.flush();
        channel.shutdownWrite();
        int status = channel.recvExitStatus(timeout == null ? EXIT_WAIT.multipliedBy(6) : timeout);
        // -1 without a signal: the server sent no exit status at all (some appliances); every record was
        // acknowledged, so the transfer stands.
        if (status != 0 && !(status == -1 && channel.getExitSignal() == null)) {
            String stderr = stderrNow();
            throw new ScpException(stderr, status, "remote '" + command + "' exited with status " + status
                    + (stderr.isEmpty() ? "" : ": " + stderr));
        }
    }

    /** An error the remote reported with its 1 or 2 code: its message, and its status if it exits soon. */
    public ScpException remoteError(String message, String context) {
        String clean = sanitize(message).strip();
        return new ScpException(clean, exitStatusIfEnded(), "remote scp error for " + context + ": " + clean);
    }

    /** The remote stopped talking: what it said on stderr and its exit status say why. */
    public IOException remoteEnded(String context) {
        int status = exitStatusSoon();
        String stderr = stderrNow();
        return new ScpException(stderr, status, "remote '" + command + "' ended " + context
                + (status >= 0 ? " (exit status " + status + ")" : "") + (stderr.isEmpty() ? "" : ": " + stderr));
    }

    /** Something the protocol does not allow; the message says what. */
    public ScpException protocolError(String what) {
        return new ScpException("", -1, "SCP protocol error from '" + command + "': " + what);
    }

    private int exitStatusSoon() {
        try {
            channel.shutdownWrite();
        } catch (IOException | RuntimeException e) {
            // already closed
        }
        try {
            return channel.recvExitStatus(timeout == null ? EXIT_WAIT : min(timeout, EXIT_WAIT));
        } catch (SocketTimeoutException e) {
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private int exitStatusIfEnded() {
        return channel.exitStatusReady() ? exitStatusSoon() : -1;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** What the remote wrote to stderr so far (without blocking), sanitized, last 2 KiB. */
    private String stderrNow() {
        try {
            InputStream err = channel.getErrorStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int available;
            while ((available = err.available()) > 0 && bytes.size() < 1 << 20) {
                int n = err.read(buf, 0, Math.min(buf.length, available));
                if (n < 0) {
                    break;
                }
                bytes.write(buf, 0, n);
            }
            String text = sanitizeKeepingNewlines(decode(bytes)).strip();
            return text.length() > 2048 ? "..." + text.substring(text.length() - 2048) : text;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Control characters (ANSI escapes included: CVE-2019-6109) become {@code ?}. */
    static String sanitize(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }

    private static String sanitizeKeepingNewlines(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> sb.appendCodePoint(c == '\n' ? ' ' : Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }

    /** A received line as it may appear in a message: quoted, control characters shown as {@code ?}. */
    static String describe(String line) {
        String clean = sanitize(line);
        return "'" + (clean.length() > 200 ? clean.substring(0, 200) + "..." : clean) + "'";
    }

    private static String decode(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Closes the channel (idempotent). */
    @Override
    public void close() {
        channel.close();
    }
}
