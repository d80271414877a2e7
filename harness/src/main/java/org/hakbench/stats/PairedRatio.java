package org.hakbench.stats;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * How much faster A is than B from runs taken in pairs (run i of A right next to run i of B, as
 * interleaved runs are): the ratio a_i / b_i of each pair, summarised on the log scale. Pairing
 * cancels what the two runs of a pair shared (a busy neighbour, a slow minute of the machine),
 * which a ratio of two separate medians keeps as noise; the log scale makes "2x faster" and
 * "2x slower" symmetric. The estimate and its interval come from {@link RankComparison#paired}
 * (Wilcoxon signed-rank, Hodges-Lehmann), the same statistic as ab's verdicts.
 *
 * @param pairs     number of pairs (runs where both sides measured)
 * @param geoMean   geometric mean of the pair ratios (descriptive)
 * @param min       smallest pair ratio
 * @param max       largest pair ratio
 * @param ci95Low   lower end of the 95% Hodges-Lehmann interval of the ratio; null with fewer than
 *                  {@link #MIN_PAIRS_FOR_INTERVAL} pairs (no 95% signed-rank interval exists)
 * @param ci95High  upper end of it
 * @param estimate  Hodges-Lehmann estimate of the ratio (median of the Walsh averages of the log ratios);
 *                  null in files written before it (then {@code geoMean} was the estimate, with a t interval)
 * @param method    "wilcoxon-signed-rank"; null in older files
 */
public record PairedRatio(int pairs, double geoMean, double min, double max, Double ci95Low, Double ci95High,
                          Double estimate, String method) {

    /** With 5 pairs the smallest two-sided signed-rank p is 0.0625: no 95% interval. */
    public static final int MIN_PAIRS_FOR_INTERVAL = 6;

    /** Ratios a[i] / b[i]; the arrays are the two sides of the same pairs, every value positive. */
    public static PairedRatio of(double[] a, double[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("pairs: " + a.length + " values against " + b.length + "; need the same number, at least one");
        }
        DescriptiveStatistics logs = new DescriptiveStatistics();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            if (!(a[i] > 0) || !(b[i] > 0)) {
                throw new IllegalArgumentException("pair " + i + ": " + a[i] + " / " + b[i] + ": both sides must be positive");
            }
            double ratio = a[i] / b[i];
            logs.addValue(Math.log(ratio));
            min = Math.min(min, ratio);
            max = Math.max(max, ratio);
        }
        int n = a.length;
        double geoMean = Math.exp(logs.getMean());
        if (n < 2) {
            return new PairedRatio(n, geoMean, min, max, null, null, geoMean, RankComparison.PAIRED);
        }
        RankComparison r = RankComparison.paired(b, a, 1 - SampleStats.CONFIDENCE);
        double estimate = Math.exp(r.estimate());
        if (n < MIN_PAIRS_FOR_INTERVAL) {
            return new PairedRatio(n, geoMean, min, max, null, null, estimate, r.method());
        }
        return new PairedRatio(n, geoMean, min, max, Math.exp(r.ciLow()), Math.exp(r.ciHigh()), estimate, r.method());
    }

    /** The estimate to print: Hodges-Lehmann, or the geometric mean in files from before it. */
    public double ratio() {
        return estimate != null ? estimate : geoMean;
    }

    /**
     * "1.04x [0.981, 1.102] level" (three decimals, so a bound just above 1 does not print as 1.00), or
     * the estimate with why there is no interval.
     */
    public String describe() {
        if (ci95Low == null) {
            return String.format(java.util.Locale.ROOT, "%.2fx (%d pair%s: no 95%% interval below %d)", ratio(), pairs,
                    pairs == 1 ? "" : "s", MIN_PAIRS_FOR_INTERVAL);
        }
        return String.format(java.util.Locale.ROOT, "%.2fx [%.3f, %.3f] %s", ratio(), ci95Low, ci95High, verdict());
    }

    /** "ahead" when the whole interval lies above 1, "behind" when below, "level" when it holds 1 or there is none. */
    public String verdict() {
        if (ci95Low != null && ci95Low > 1) {
            return "ahead";
        }
        if (ci95High != null && ci95High < 1) {
            return "behind";
        }
        return "level";
    }
}
