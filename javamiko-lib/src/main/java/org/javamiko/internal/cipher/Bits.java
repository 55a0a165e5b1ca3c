package org.javamiko.internal.cipher;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Reads and writes 32-bit integers in byte arrays without allocating. */
final class Bits {
    private static final VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LITTLE_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private Bits() {
    }

    /** @return the big-endian int at {@code off} (the SSH wire order) */
    static int getIntBE(byte[] buf, int off) {
        return (int) BIG_ENDIAN_INT.get(buf, off);
    }

    /** Writes {@code v} big-endian at {@code off}. */
    static void putIntBE(byte[] buf, int off, int v) {
        BIG_ENDIAN_INT.set(buf, off, v);
    }

    /** @return the little-endian int at {@code off} as an unsigned value */
    static long getUIntLE(byte[] buf, int off) {
        return ((int) LITTLE_ENDIAN_INT.get(buf, off)) & 0xffffffffL;
    }

    /** Writes the low 32 bits of {@code v} little-endian at {@code off}. */
    static void putIntLE(byte[] buf, int off, long v) {
        LITTLE_ENDIAN_INT.set(buf, off, (int) v);
    }
}
