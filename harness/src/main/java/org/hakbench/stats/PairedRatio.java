package org.hakbench.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * How much faster A is than B from runs taken in pairs (run i of A right next to run i of B, as
 * interleaved runs are): the ratio a_i / b_i of each pair, summarised on the log scale. Pairing
 * cancels what the two runs of a pair shared (a busy neighbour, a slow minute of the machine),
 * which a ratio of two separate medians keeps as noise; the log scale makes "2x faster" and
 * "2x slower" symmetric. Same confidence level as {@link SampleStats}.
 *
 * @param pairs     number of pairs (runs where both sides measured)
 * @param geoMean   geometric mean of the pair ratios: the estimate
 * @param min       smallest pair ratio
 * @param max       largest pair ratio
 * @param ci95Low   lower end of the 95% confidence interval of the geometric mean (Student t on the
 *                  logs, pairs - 1 degrees of freedom); null for a single pair
 * @param ci95High  upper end of it
 */
public record PairedRatio(int pairs, double geoMean, double min, double max, Double ci95Low, Double ci95High) {

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
            return new PairedRatio(n, geoMean, min, max, null, null);
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - SampleStats.CONFIDENCE) / 2);
        double half = t * logs.getStandardDeviation() / Math.sqrt(n);
        return new PairedRatio(n, geoMean, min, max, Math.exp(logs.getMean() - half), Math.exp(logs.getMean() + half));
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
