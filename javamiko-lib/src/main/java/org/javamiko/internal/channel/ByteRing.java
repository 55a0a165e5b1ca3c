package org.javamiko.internal.channel;

/**
 * A growable ring of bytes: what a channel has received and the user has not read yet.
 * Not thread-safe; the channel guards it with its lock.
 */
final class ByteRing {
    /** The largest byte array HotSpot allocates (a few header words below Integer.MAX_VALUE). */
    static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private byte[] data;
    private int head;
    private int size;

    ByteRing(int initialCapacity) {
        data = new byte[initialCapacity];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void write(byte[] src, int off, int len) {
        if ((long) size + len > data.length) {
            grow((long) size + len);
        }
        int tail = (head + size) % data.length;
        int first = Math.min(len, data.length - tail);
        System.arraycopy(src, off, data, tail, first);
        System.arraycopy(src, off + first, data, 0, len - first);
        size += len;
    }

    int read(byte[] dst, int off, int len) {
        int n = Math.min(len, size);
        int first = Math.min(n, data.length - head);
        System.arraycopy(data, head, dst, off, first);
        System.arraycopy(data, 0, dst, off + first, n - first);
        head = (head + n) % data.length;
        size -= n;
        if (size == 0) {
            head = 0;
        }
        return n;
    }

    private void grow(long needed) {
        byte[] bigger = new byte[capacityFor(data.length, needed)];
        int first = Math.min(size, data.length - head);
        System.arraycopy(data, head, bigger, 0, first);
        System.arraycopy(data, 0, bigger, first, size - first);
        data = bigger;
        head = 0;
    }

    /**
     * The capacity a ring of {@code current} bytes grows to so {@code needed} fit: doubled until
     * they do, held to {@link #MAX_CAPACITY}. Counted in a long: an int doubled past 1 GiB went
     * negative, then 0, and the loop never ended (a buffer limit above 1 GiB hung the reader).
     *
     * @throws IllegalStateException when {@code needed} is more than any array holds
     */
    static int capacityFor(int current, long needed) {
        if (needed > MAX_CAPACITY) {
            throw new IllegalStateException("A channel buffer cannot hold " + needed + " bytes (at most "
                    + MAX_CAPACITY + ")");
        }
        long capacity = Math.max(1, current);
        while (capacity < needed) {
            capacity *= 2;
        }
        return (int) Math.min(capacity, MAX_CAPACITY);
    }
}
