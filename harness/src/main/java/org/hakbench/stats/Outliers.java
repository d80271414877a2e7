package org.hakbench.stats;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Robust outlier flags by the modified z-score of Iglewicz and Hoaglin:
 * {@code z = 0.6745 (x - median) / MAD}, flagged when {@code |z| > 3.5}. Flags are reported, values
 * are never dropped. When MAD is 0 (more than half the values equal) the mean absolute deviation
 * scaled by 1.253314 stands in for MAD/0.6745 (IBM SPSS's convention); if that is 0 too, all values
 * are equal and nothing is flagged.
 *
 * @param zScores   modified z-score per value, in input order
 * @param flagged   true per value with |z| > {@link #THRESHOLD}
 */
public record Outliers(List<Double> zScores, List<Boolean> flagged) {

    /** |z| above this is an outlier (Iglewicz and Hoaglin's recommendation). */
    public static final double THRESHOLD = 3.5;
    private static final double MAD_SCALE = 0.6745;
    private static final double MEAN_AD_SCALE = 1.253314;

    public static Outliers of(double... values) {
        DescriptiveStatistics d = new DescriptiveStatistics(values);
        double median = d.getPercentile(50);
        double[] deviations = new double[values.length];
        double sumAbs = 0;
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
            sumAbs += deviations[i];
        }
        double mad = values.length == 0 ? 0 : new DescriptiveStatistics(deviations).getPercentile(50);
        double meanAd = values.length == 0 ? 0 : sumAbs / values.length;
        List<Double> z = new ArrayList<>();
        List<Boolean> flags = new ArrayList<>();
        for (double v : values) {
            double score;
            if (mad > 0) {
                score = MAD_SCALE * (v - median) / mad;
            } else if (meanAd > 0) {
                score = (v - median) / (MEAN_AD_SCALE * meanAd);
            } else {
                score = 0;
            }
            z.add(score);
            flags.add(Math.abs(score) > THRESHOLD);
        }
        return new Outliers(List.copyOf(z), List.copyOf(flags));
    }

    /** Number of flagged values. */
    public int count() {
        return (int) flagged.stream().filter(f -> f).count();
    }

    /**
     * The warm-up check of the seeds: true when the first value is the lowest of at least three and
     * either flagged or more than {@code slowFraction} below the median (throughput: low = slow).
     */
    public static boolean firstRunSlow(double[] throughput, double slowFraction) {
        if (throughput.length < 3) {
            return false;
        }
        double first = throughput[0];
        for (int i = 1; i < throughput.length; i++) {
            if (throughput[i] <= first) {
                return false;
            }
        }
        double median = new DescriptiveStatistics(throughput).getPercentile(50);
        return of(throughput).flagged().getFirst() || first < median * (1 - slowFraction);
    }
}
