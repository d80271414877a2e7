package org.hakbench.stats;

import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Summary of one sample (e.g. the ops/s of N runs), on Commons Math. Fields that need two or more
 * values (stddev, cv, CI) are null for a single value rather than NaN, so JSON stays strict.
 *
 * @param n          number of values
 * @param mean       arithmetic mean
 * @param median     50th percentile (Commons Math's default estimator; the middle value / mean of the two middle values)
 * @param min        smallest value
 * @param max        largest value
 * @param stddev     sample standard deviation (n - 1 denominator)
 * @param cv         coefficient of variation, stddev / mean (a fraction: 0.0122 = 1.22%)
 * @param ci95Low    lower end of the 95% confidence interval of the mean (Student t, n - 1 degrees of freedom)
 * @param ci95High   upper end of it
 */
public record SampleStats(int n, double mean, double median, double min, double max, Double stddev, Double cv,
                          Double ci95Low, Double ci95High) {

    /** Two-sided confidence level of {@link #ci95Low}/{@link #ci95High}. */
    public static final double CONFIDENCE = 0.95;

    /** Statistics of {@code values}; empty -> IllegalArgumentException. */
    public static SampleStats of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("values: empty sample, nothing to summarise");
        }
        DescriptiveStatistics d = new DescriptiveStatistics(values);
        int n = values.length;
        if (n < 2) {
            return new SampleStats(n, d.getMean(), d.getPercentile(50), d.getMin(), d.getMax(), null, null, null, null);
        }
        double sd = d.getStandardDeviation();
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        double half = t * sd / Math.sqrt(n);
        Double cv = d.getMean() == 0 ? null : sd / d.getMean();
        return new SampleStats(n, d.getMean(), d.getPercentile(50), d.getMin(), d.getMax(), sd, cv,
                d.getMean() - half, d.getMean() + half);
    }

    public static SampleStats of(List<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** True when {@code value} lies inside the 95% CI; false when there is no CI (n < 2). */
    public boolean ciContains(double value) {
        return ci95Low != null && value >= ci95Low && value <= ci95High;
    }
}
