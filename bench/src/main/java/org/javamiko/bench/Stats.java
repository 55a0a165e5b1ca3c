package org.javamiko.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Median, minimum and maximum of a list of samples.
 *
 * @param median the middle sample (the mean of the two middle ones for an even count)
 * @param min the smallest
 * @param max the largest
 * @param count how many samples
 */
public record Stats(double median, double min, double max, int count) {

    /** @return the statistics of {@code samples}, which must not be empty */
    public static Stats of(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(median, sorted.get(0), sorted.get(n - 1), n);
    }
}
