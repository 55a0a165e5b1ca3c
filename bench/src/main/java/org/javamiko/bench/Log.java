package org.javamiko.bench;

/** Progress and errors on stderr, so that stdout holds only the results. */
public final class Log {
    private Log() {
    }

    /** Prints a progress line. */
    public static void info(String message) {
        System.err.println("[bench] " + message);
    }

    /** Prints an error with its cause chain (one line each). */
    public static void error(String context, Throwable e) {
        System.err.println("[bench] FAILED " + context + ": " + e);
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            System.err.println("[bench]   caused by " + c);
        }
    }

    /** @return a short reason for a table cell */
    public static String brief(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replace('|', '/').replace('\n', ' ');
        return m.length() > 60 ? m.substring(0, 60) + "…" : m;
    }
}
