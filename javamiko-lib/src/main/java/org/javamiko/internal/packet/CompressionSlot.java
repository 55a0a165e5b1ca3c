package org.javamiko.internal.packet;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.javamiko.SshException;

/**
 * One direction's compression (RFC 4253 §6.2), next to its {@link org.javamiko.internal.cipher.PacketCipher}:
 * {@code none}, {@code zlib} (from NEWKEYS on) or {@code zlib@openssh.com} (from the successful
 * authentication on, so that an unauthenticated peer cannot make us inflate anything). Each
 * NEWKEYS starts a fresh zlib stream, rekeys included: OpenSSH's start_compression_out/in and
 * MINA both reinitialise there. Not thread-safe: the writer uses it under the write lock, the reader on its thread.
 */
public final class CompressionSlot {
    /** {@code none}, the method before the first NEWKEYS. */
    public static final String NONE = Compression.NONE.wireName();
    /** {@code zlib}. */
    public static final String ZLIB = Compression.ZLIB.wireName();
    /** {@code zlib@openssh.com}. */
    public static final String ZLIB_DELAYED = Compression.ZLIB_DELAYED.wireName();

    private final boolean outgoing;
    private final int payloadLimit;
    private String method = NONE;
    private Deflater deflater;
    private Inflater inflater;
    /** What zlib writes into; made when compression first starts (most connections never compress). */
    private byte[] out;
    private int length;

    private CompressionSlot(boolean outgoing, int payloadLimit) {
        this.outgoing = outgoing;
        this.payloadLimit = payloadLimit;
    }

    /** @return a slot for what we send, {@code none} until NEWKEYS says otherwise */
    public static CompressionSlot outgoing() {
        return new CompressionSlot(true, PacketWriter.MAX_PAYLOAD);
    }

    /** @return a slot for what we receive, {@code none} until NEWKEYS says otherwise */
    public static CompressionSlot incoming() {
        return new CompressionSlot(false, PacketWriter.MAX_PAYLOAD);
    }

    /** At NEWKEYS: the negotiated method takes over (delayed zlib only once authenticated). */
    public void newKeys(String negotiated, boolean authenticated) {
        end(); // a new stream at every NEWKEYS, rekeys included, as OpenSSH and MINA do
        method = negotiated;
        if (negotiated.equals(ZLIB) || (negotiated.equals(ZLIB_DELAYED) && authenticated)) {
            start();
        }
    }

    /** After USERAUTH_SUCCESS: a negotiated {@code zlib@openssh.com} starts now. */
    public void authenticated() {
        if (method.equals(ZLIB_DELAYED) && !isActive()) {
            start();
        }
    }

    /** @return true when payloads pass through zlib now */
    public boolean isActive() {
        return deflater != null || inflater != null;
    }

    private void start() {
        if (out == null) {
            out = new byte[8 * 1024];
        }
        if (outgoing) {
            deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        } else {
            inflater = new Inflater();
        }
    }

    private void end() {
        if (deflater != null) {
            deflater.end();
            deflater = null;
        }
        if (inflater != null) {
            inflater.end();
            inflater = null;
        }
    }

    /**
     * Compresses one payload, flushed to a byte boundary so that the peer can inflate it alone.
     *
     * @return the compressed bytes, in a buffer valid until the next call; {@link #length()} long
     */
    byte[] compress(byte[] payload, int off, int len) {
        deflater.setInput(payload, off, len);
        int n = 0;
        while (true) {
            n += deflater.deflate(out, n, out.length - n, Deflater.SYNC_FLUSH);
            if (n < out.length) {
                break;
            }
            out = Arrays.copyOf(out, out.length * 2);
        }
        length = n;
        return out;
    }

    /**
     * Inflates one payload.
     *
     * @return the payload, in a buffer valid until the next call; {@link #length()} long
     * @throws SshException when it is not zlib data, or inflates past the packet limit (a
     *                      decompression bomb)
     */
    byte[] decompress(byte[] payload, int off, int len) throws SshException {
        inflater.setInput(payload, off, len);
        int n = 0;
        try {
            while (true) {
                if (n == out.length) {
                    if (out.length > payloadLimit) {
                        throw new SshException("The server sent a compressed packet that inflates past the "
                                + payloadLimit + "-byte packet limit (a decompression bomb?)");
                    }
                    out = Arrays.copyOf(out, Math.min(out.length * 2, payloadLimit + 1));
                }
                n += inflater.inflate(out, n, out.length - n);
                if (n < out.length && (inflater.needsInput() || inflater.finished())) {
                    break; // every input byte consumed (a call may consume a flush marker and give nothing)
                }
                if (inflater.needsDictionary()) {
                    throw new SshException("The server sent " + method + " data that asks for a preset dictionary");
                }
            }
        } catch (DataFormatException e) {
            throw new SshException("The server sent a packet that is not valid " + method + " data: " + e.getMessage());
        }
        length = n;
        return out;
    }

    /** @return the length of the last {@link #compress} or {@link #decompress} result */
    int length() {
        return length;
    }
}
