package org.javamiko.cli;

import java.io.PrintStream;

import org.javamiko.sftp.ProgressListener;

/**
 * A text progress bar for SFTP transfers: one line redrawn in place on a terminal, or a new line
 * at each quarter when the output goes to a file or a pipe.
 */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 40;
    private static final boolean TERMINAL = System.console() != null;

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
        int step = TERMINAL ? 1 : WIDTH / 4;
        if (filled == drawn || (filled % step != 0 && transferred != total)) {
            return;
        }
        drawn = filled;
        out.printf("%s%s [%s%s] %3d%% %,d bytes", TERMINAL ? "\r" : "", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), filled * 100 / WIDTH, transferred);
        if (transferred == total || !TERMINAL) {
            out.println();
        }
        out.flush();
    }
}
