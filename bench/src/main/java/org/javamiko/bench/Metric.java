package org.javamiko.bench;

/** What a row of the results measures, and in which unit. */
public enum Metric {
    /** TCP connect, key exchange and publickey authentication, milliseconds. */
    CONNECT("connect+kex+auth", "ms", false),
    /** exec {@code true} on an open connection until the channel closes, milliseconds. */
    EXEC("exec `true` on open conn", "ms", false),
    /** {@code head -c SIZE /dev/zero} through the exec channel's stdout, MB/s. */
    STREAM("raw stream", "MB/s", true),
    /** SFTP download, MB/s. */
    GET("SFTP get", "MB/s", true),
    /** SFTP upload, MB/s. */
    PUT("SFTP put", "MB/s", true);

    private final String title;
    private final String unit;
    private final boolean throughput;

    Metric(String title, String unit, boolean throughput) {
        this.title = title;
        this.unit = unit;
        this.throughput = throughput;
    }

    /** @return the heading of the metric's table */
    public String title() {
        return title;
    }

    /** @return ms or MB/s */
    public String unit() {
        return unit;
    }

    /** @return true when bigger is better (MB/s), false for times */
    public boolean throughput() {
        return throughput;
    }
}
