package org.javamiko.internal.forward;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** SHA-256 over a stream, on both ends of a forwarded connection. */
final class Digests {
    static final long BIG = 256L << 20;

    private Digests() {
    }

    /** Writes {@code length} pseudo-random bytes, then half-closes nothing: returns their SHA-256 hex. */
    static String send(OutputStream out, long length) throws IOException {
        MessageDigest sha = sha256();
        SplittableRandom random = new SplittableRandom(length);
        byte[] buf = new byte[64 * 1024];
        for (long left = length; left > 0; left -= buf.length) {
            random.nextBytes(buf);
            int n = (int) Math.min(buf.length, left);
            sha.update(buf, 0, n);
            out.write(buf, 0, n);
        }
        out.flush();
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Reads to the end: returns the count and SHA-256 hex of what came. */
    static String receive(InputStream in) throws IOException {
        MessageDigest sha = sha256();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            sha.update(buf, 0, n);
            total += n;
        }
        return total + " " + HexFormat.of().formatHex(sha.digest());
    }

    /** The server side: reads to the end, then answers "count hex\n" (so the sender needs half-close). */
    static void answerDigest(InputStream in, OutputStream out) throws IOException {
        out.write((receive(in) + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
