package org.javamiko.bench;

/**
 * One client's timed transfers against one server, ready after its latency rows and warm-up:
 * {@link BenchMain} asks every client for repetition 1 of each transfer, then repetition 2, and
 * so on, so that a busy minute on the shared machine spreads over all clients.
 */
interface TransferRounds extends AutoCloseable {

    /** The transfer rows, in the order each round runs them. */
    Metric[] TRANSFERS = {Metric.STREAM, Metric.GET, Metric.PUT};

    /** @return the client's name in the tables */
    String name();

    /**
     * Runs one timed transfer of kind {@code metric} (one of {@link #TRANSFERS}).
     *
     * @param rep the repetition, from 0; a client may check what arrived on its first
     */
    Sample once(Metric metric, int rep) throws Exception;

    /** Disconnects and removes what the transfers left. */
    @Override
    void close();
}
