package org.javamiko.bench.clients;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reads streams to their end, counting. */
final class Drain {
    private static final int BUFFER = 64 * 1024;

    private Drain() {
    }

    /** @return the bytes read from {@code in} until end of stream */
    static long count(InputStream in) throws IOException {
        byte[] buf = new byte[BUFFER];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            total += n;
        }
        return total;
    }

    /** An output stream that only counts what is written to it. */
    static final class Counter extends OutputStream {
        private volatile long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }

        long count() {
            return count;
        }
    }
}
