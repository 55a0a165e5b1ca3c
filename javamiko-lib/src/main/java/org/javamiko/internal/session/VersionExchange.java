package org.javamiko.internal.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.javamiko.SshException;

/**
 * The identification string exchange (RFC 4253 §4.2): sends ours, then reads the server's,
 * tolerating the lines some servers print before it.
 */
final class VersionExchange {
    /** Lines a server may send before its identification string before we give up. */
    static final int MAX_PRE_BANNER_LINES = 100;
    /** RFC 4253 allows 255 bytes; we are lenient with long pre-banner lines but still bounded. */
    static final int MAX_LINE = 8192;

    /**
     * @param serverVersion the server's identification string without CR LF
     * @param leftover bytes read past it (the start of the binary packet stream)
     */
    record Result(String serverVersion, byte[] leftover) {
    }

    private VersionExchange() {
    }

    static void sendOurs(OutputStream out, String ours) throws IOException {
        out.write((ours + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Reads the server's identification string; the caller bounds the wait with a read timeout.
     */
    static Result readServers(InputStream in) throws IOException {
        byte[] buf = new byte[MAX_LINE];
        int len = 0;
        int lineStart = 0;
        int lines = 0;
        while (true) {
            int n;
            try {
                n = in.read(buf, len, buf.length - len);
            } catch (SocketTimeoutException e) {
                throw timeout(e);
            }
            if (n < 0) {
                throw new SshException("Connection closed by the server before it sent its SSH identification"
                        + (len > 0 ? " (it sent: " + printable(buf, lineStart, len) + ")" : ""));
            }
            len += n;
            for (int i = lineStart; i < len; i++) {
                if (buf[i] != '\n') {
                    continue;
                }
                int end = i > lineStart && buf[i - 1] == '\r' ? i - 1 : i;
                String line = new String(buf, lineStart, end - lineStart, StandardCharsets.UTF_8);
                if (line.startsWith("SSH-")) {
                    checkVersion(line);
                    return new Result(line, Arrays.copyOfRange(buf, i + 1, len));
                }
                if (++lines > MAX_PRE_BANNER_LINES) {
                    throw new SshException("The server sent more than " + MAX_PRE_BANNER_LINES
                            + " lines without an SSH identification string: is this an SSH server?");
                }
                lineStart = i + 1;
            }
            if (lineStart > 0) {
                System.arraycopy(buf, lineStart, buf, 0, len - lineStart);
                len -= lineStart;
                lineStart = 0;
            }
            if (len == buf.length) {
                throw new SshException("The server sent a line longer than " + MAX_LINE
                        + " bytes instead of an SSH identification string");
            }
        }
    }

    private static SocketTimeoutException timeout(SocketTimeoutException cause) {
        SocketTimeoutException e = new SocketTimeoutException(
                "Timed out waiting for the server's SSH identification (banner timeout)");
        e.initCause(cause);
        return e;
    }

    private static void checkVersion(String line) throws SshException {
        if (!line.startsWith("SSH-2.0-") && !line.startsWith("SSH-1.99-")) {
            throw new SshException("The server speaks an unsupported protocol version: " + line);
        }
    }

    private static String printable(byte[] b, int off, int end) {
        String s = new String(b, off, Math.min(end - off, 200), StandardCharsets.US_ASCII);
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
