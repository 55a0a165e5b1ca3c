package org.javamiko.internal.fleet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Collects one output stream of a command: keeps the whole text (when asked to) and hands each
 * complete line (without its {@code \n}) to a listener as soon as it arrives; the last, unended
 * line at {@link #finish()}.
 */
public final class LineCollector {
    /** A line longer than this is handed over in pieces, so a stream without newlines stays bounded. */
    static final int MAX_LINE = 64 * 1024;

    private final ByteArrayOutputStream all;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Consumer<String> lines;

    /**
     * @param keep whether to keep the whole text for {@link #text()}
     * @param lines gets each line; may be null
     */
    public LineCollector(boolean keep, Consumer<String> lines) {
        this.all = keep ? new ByteArrayOutputStream() : null;
        this.lines = lines;
    }

    /** Takes the next bytes of the stream. */
    public void accept(byte[] buf, int off, int len) {
        if (all != null) {
            all.write(buf, off, len);
        }
        if (lines == null) {
            return;
        }
        for (int i = off; i < off + len; i++) {
            if (buf[i] == '\n') {
                emit();
            } else {
                line.write(buf[i]);
                if (line.size() >= MAX_LINE) {
                    emit();
                }
            }
        }
    }

    /** The stream ended: hands over a last line without {@code \n}, if any. */
    public void finish() {
        if (lines != null && line.size() > 0) {
            emit();
        }
    }

    /** @return everything the stream carried, as UTF-8 text ({@code ""} when not kept) */
    public String text() {
        return all == null ? "" : all.toString(StandardCharsets.UTF_8);
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        lines.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }
}
