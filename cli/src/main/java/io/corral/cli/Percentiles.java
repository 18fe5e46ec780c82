package io.corral.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Percentiles of a sample, interpolated between the two nearest ranks (as numpy's default does).
 *
 * <pre>{@code
 * Percentiles.of(List.of(1.0, 2.0, 3.0, 4.0)).p50();   // 2.5
 * }</pre>
 */
record Percentiles(List<Double> sorted) {

    static Percentiles of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to take percentiles of");
        }
        List<Double> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return new Percentiles(List.copyOf(copy));
    }

    double at(double fraction) {
        double rank = fraction * (sorted.size() - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.size() - 1);
        return sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
    }

    double p50() {
        return at(0.50);
    }

    double p99() {
        return at(0.99);
    }

    double min() {
        return sorted.get(0);
    }

    double max() {
        return sorted.get(sorted.size() - 1);
    }

    double mean() {
        return sorted.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
