package org.hakbench.analyze;

import java.util.Arrays;
import java.util.List;

import org.hakbench.soak.EpochRow;

/**
 * The columns the analysis works on, sliced by row range (warm-up dropped, first and last drift
 * windows). Plain arrays: the analysis needs slices, sums and maxima, nothing a table library adds.
 */
final class EpochTable {
    private final double[] elapsedSeconds;
    private final long[] ops;
    private final double[] opsPerSecond;
    private final long[] rssKiB;

    private EpochTable(double[] elapsedSeconds, long[] ops, double[] opsPerSecond, long[] rssKiB) {
        this.elapsedSeconds = elapsedSeconds;
        this.ops = ops;
        this.opsPerSecond = opsPerSecond;
        this.rssKiB = rssKiB;
    }

    static EpochTable of(List<EpochRow> rows) {
        int n = rows.size();
        double[] elapsed = new double[n];
        long[] ops = new long[n];
        double[] opsPerS = new double[n];
        long[] rss = new long[n];
        for (int i = 0; i < n; i++) {
            EpochRow r = rows.get(i);
            elapsed[i] = r.elapsedSeconds();
            ops[i] = r.ops();
            opsPerS[i] = r.opsPerSecond();
            rss[i] = r.rssKiB();
        }
        return new EpochTable(elapsed, ops, opsPerS, rss);
    }

    int rowCount() {
        return opsPerSecond.length;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    EpochTable rows(int from, int to) {
        return new EpochTable(Arrays.copyOfRange(elapsedSeconds, from, to), Arrays.copyOfRange(ops, from, to),
                Arrays.copyOfRange(opsPerSecond, from, to), Arrays.copyOfRange(rssKiB, from, to));
    }

    EpochTable dropFirst(int n) {
        return rows(n, rowCount());
    }

    EpochTable first(int n) {
        return rows(0, n);
    }

    EpochTable last(int n) {
        return rows(rowCount() - n, rowCount());
    }

    double[] elapsedSeconds() {
        return elapsedSeconds.clone();
    }

    double[] opsPerSecond() {
        return opsPerSecond.clone();
    }

    double[] rssKiB() {
        return Arrays.stream(rssKiB).asDoubleStream().toArray();
    }

    long totalOps() {
        return Arrays.stream(ops).sum();
    }

    long rssKiBAt(int row) {
        return rssKiB[row];
    }

    long peakRssKiB() {
        return Arrays.stream(rssKiB).max().orElse(0);
    }
}
