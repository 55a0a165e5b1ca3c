package org.javamiko.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copies one stream to another as data arrives, flushing each piece: output appears as it is made. */
final class Pump {
    private Pump() {
    }

    /** Copies until {@code in} ends; @return the bytes copied */
    static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[32 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (n > 0) {
                out.write(buf, 0, n);
                out.flush();
                total += n;
            }
        }
        return total;
    }

    /**
     * Starts a daemon thread copying {@code in} to {@code out}, then running {@code atEnd}.
     * A failure ends the copy quietly: the other side is gone.
     */
    static Thread start(String name, InputStream in, OutputStream out, IoAction atEnd) {
        Thread t = new Thread(() -> {
            try {
                copy(in, out);
            } catch (IOException e) {
                // the channel or the local stream closed: nothing more to copy
            } finally {
                try {
                    if (atEnd != null) {
                        atEnd.run();
                    }
                } catch (IOException e) {
                    // the channel is already closed
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** An action that may throw IOException. */
    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }
}
