package org.javamiko.cli;

import java.io.PrintStream;

import org.javamiko.sftp.ProgressListener;

/**
 * One transfer's progress line, redrawn in place: name, percentage, bar, bytes, rate and ETA, as
 * sftp and scp draw it. Drawn only when standard output is a terminal; at most ten times a second.
 */
final class TransferProgress implements ProgressListener {
    private static final int BAR = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final String name;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean finished;

    TransferProgress(PrintStream out, String name, boolean enabled) {
        this.out = out;
        this.name = name;
        this.enabled = enabled;
    }

    @Override
    public void progress(long transferred, long total) {
        if (!enabled || finished) {
            return;
        }
        long now = System.nanoTime();
        boolean done = transferred >= total;
        if (!done && lastDraw != 0 && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        out.print("\r" + line(transferred, total, now - start));
        if (done) {
            out.println();
            finished = true;
        }
        out.flush();
    }

    /** The text of the line for {@code transferred} of {@code total} bytes after {@code elapsedNanos}. */
    String line(long transferred, long total, long elapsedNanos) {
        int percent = total <= 0 ? 100 : (int) Math.min(100, transferred * 100 / total);
        int filled = percent * BAR / 100;
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        double rate = transferred / seconds;
        String eta = transferred >= total ? " " + clock((long) seconds) + "    "
                : rate <= 0 ? " --:-- ETA" : " " + clock((long) ((total - transferred) / rate)) + " ETA";
        String shown = name.length() > 30 ? "..." + name.substring(name.length() - 27) : name;
        return String.format("%-30s %3d%% [%s%s] %9s %9s/s%s", shown, percent, "=".repeat(filled),
                " ".repeat(BAR - filled), bytes(transferred), bytes((long) rate), eta);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + "B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format("%.1f%s", v, units[u]);
    }

    private static String clock(long seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%02d:%02d", seconds / 60, seconds % 60);
    }
}
