package org.javamiko.internal.channel;

/**
 * A growable ring of bytes: what a channel has received and the user has not read yet.
 * Not thread-safe; the channel guards it with its lock.
 */
final class ByteRing {
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
        if (size + len > data.length) {
            grow(size + len);
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

    private void grow(int needed) {
        int capacity = data.length;
        while (capacity < needed) {
            capacity *= 2;
        }
        byte[] bigger = new byte[capacity];
        int first = Math.min(size, data.length - head);
        System.arraycopy(data, head, bigger, 0, first);
        System.arraycopy(data, 0, bigger, first, size - first);
        data = bigger;
        head = 0;
    }
}
