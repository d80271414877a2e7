package org.hakbench.analyze;

import java.util.List;

import org.hakbench.soak.EpochRow;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;

/**
 * The columns the analysis works on, as tablesaw columns sliced by row range (warm-up dropped, first and
 * last drift windows). Deliberately not a {@code tech.tablesaw.api.Table}: initialising that class scans
 * the whole class path with ClassGraph (about 0.7 s in the 55 MB hakbench.jar), which alone would eat a
 * third of the 2 s budget of {@code hakbench analyze}; the columns give the same slicing without it.
 */
final class EpochTable {
    private final DoubleColumn elapsedSeconds;
    private final LongColumn ops;
    private final DoubleColumn opsPerSecond;
    private final LongColumn rssKiB;

    private EpochTable(DoubleColumn elapsedSeconds, LongColumn ops, DoubleColumn opsPerSecond, LongColumn rssKiB) {
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
        return new EpochTable(DoubleColumn.create("elapsed_s", elapsed), LongColumn.create("ops", ops),
                DoubleColumn.create("ops_per_s", opsPerS), LongColumn.create("rss_kib", rss));
    }

    int rowCount() {
        return opsPerSecond.size();
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    EpochTable rows(int from, int to) {
        return new EpochTable(slice(elapsedSeconds, from, to), slice(ops, from, to), slice(opsPerSecond, from, to),
                slice(rssKiB, from, to));
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

    @SuppressWarnings("unchecked")
    private static <C extends NumericColumn<?>> C slice(C column, int from, int to) {
        return (C) column.inRange(from, to);
    }

    double[] elapsedSeconds() {
        return elapsedSeconds.asDoubleArray();
    }

    double[] opsPerSecond() {
        return opsPerSecond.asDoubleArray();
    }

    double[] rssKiB() {
        return rssKiB.asDoubleArray();
    }

    long totalOps() {
        return (long) ops.sum();
    }

    long rssKiBAt(int row) {
        return rssKiB.getLong(row);
    }

    long peakRssKiB() {
        return (long) rssKiB.max();
    }
}
