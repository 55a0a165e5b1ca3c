package org.javamiko.cli;

import java.io.PrintStream;

import org.javamiko.sftp.ProgressListener;

/** A one-line text progress bar for SFTP transfers, redrawn in place. */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 40;

    private final PrintStream out;
    private final String label;
    private int drawn = -1;

    ProgressBar(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public void progress(long transferred, long total) {
        int filled = total == 0 ? WIDTH : (int) (transferred * WIDTH / total);
        if (filled == drawn) {
            return;
        }
        drawn = filled;
        out.printf("\r%s [%s%s] %3d%% %,d bytes", label, "#".repeat(filled), " ".repeat(WIDTH - filled),
                filled * 100 / WIDTH, transferred);
        if (transferred == total) {
            out.println();
        }
        out.flush();
    }
}
