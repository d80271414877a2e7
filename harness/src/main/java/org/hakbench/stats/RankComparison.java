package org.hakbench.stats;

import java.util.Arrays;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * The one statistics module behind every verdict: a rank test and the Hodges-Lehmann interval of
 * the same statistic, on log ratios of ops/s, so "significant" and "the interval excludes no change"
 * can never disagree.
 *
 * <ul>
 *   <li>{@link #paired}: runs taken in pairs (ab, scale). Wilcoxon signed-rank test on the pairs' log
 *       ratios; estimate = median of the Walsh averages; interval = the k-th smallest and k-th largest
 *       Walsh averages.</li>
 *   <li>{@link #independent}: two separate sets of runs (two rebase files). Mann-Whitney test on the
 *       log ops/s; estimate = median of all pairwise differences; interval from the same order
 *       statistics.</li>
 * </ul>
 *
 * <p>Why they agree: the test statistic is taken as the number of positive Walsh averages (pairwise
 * differences), which is the signed-rank statistic T+ (the U statistic) when nothing ties, and its
 * exact null distribution gives both the p-value and k, the largest rank with
 * {@code P(S <= k - 1) <= alpha / 2}. The interval lies above 0 exactly when S >= N - k + 1, that is
 * exactly when the two-sided p-value is at most alpha. Distributions are exact (dynamic programming over
 * the rank sums) up to {@link #EXACT_LIMIT} pairwise terms and normal with continuity correction above,
 * for both the p-value and k, so the two stay one statistic there too.
 *
 * @param method        "wilcoxon-signed-rank" or "mann-whitney"
 * @param n             pairs (paired) or the smaller side's runs (independent)
 * @param estimate      Hodges-Lehmann estimate of the log ratio (candidate over baseline)
 * @param ciLow         lower end of the interval of the log ratio
 * @param ciHigh        upper end
 * @param confidence    the interval's nominal level (1 - alpha)
 * @param achievedConfidence the level the discrete distribution achieves (at least {@code confidence})
 * @param pValue        two-sided p-value of the rank test
 * @param statistic     positive Walsh averages (paired) or positive differences (independent), ties counted half
 * @param terms         Walsh averages or pairwise differences in all
 * @param spread        standard deviation of the pairs' log ratios (paired) or pooled standard deviation of the
 *                      log ops/s (independent): the observed noise the detectable change is computed from
 */
public record RankComparison(String method, int n, double estimate, double ciLow, double ciHigh, double confidence,
                             double achievedConfidence, double pValue, double statistic, long terms, double spread) {

    public static final String PAIRED = "wilcoxon-signed-rank";
    public static final String INDEPENDENT = "mann-whitney";
    /** Up to this many Walsh averages / differences the null distribution is computed exactly. */
    static final long EXACT_LIMIT = 20_000;
    /** Asymptotic relative efficiency of the rank tests against t under normal noise (3 / pi). */
    static final double RANK_EFFICIENCY = 3 / Math.PI;

    /** Whether the test rejects "no change" at alpha = 1 - confidence (equivalently: the interval excludes 0). */
    public boolean significant() {
        return ciLow > 0 || ciHigh < 0;
    }

    /** The estimate as a change in percent: exp(estimate) - 1. */
    public double changePercent() {
        return toPercent(estimate);
    }

    public double ciLowPercent() {
        return toPercent(ciLow);
    }

    public double ciHighPercent() {
        return toPercent(ciHigh);
    }

    /** A log ratio as a change in percent. */
    public static double toPercent(double logRatio) {
        return Math.expm1(logRatio) * 100;
    }

    /**
     * Runs in pairs: {@code baseline[i]} and {@code candidate[i]} ran back to back. Compares
     * log(candidate[i] / baseline[i]).
     */
    public static RankComparison paired(double[] baseline, double[] candidate, double alpha) {
        checkAlpha(alpha);
        if (baseline.length != candidate.length || baseline.length < 2) {
            throw new IllegalArgumentException("paired runs: " + baseline.length + " baseline against " + candidate.length
                    + " candidate; need the same number, at least 2");
        }
        int n = baseline.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.log(checkPositive("candidate", i, candidate[i]) / checkPositive("baseline", i, baseline[i]));
        }
        int terms = n * (n + 1) / 2;
        double[] walsh = new double[terms];
        int t = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                walsh[t++] = (d[i] + d[j]) / 2;
            }
        }
        NullDistribution dist = terms <= EXACT_LIMIT ? NullDistribution.signedRank(n)
                : NullDistribution.normal(terms / 2.0, Math.sqrt(n * (n + 1.0) * (2 * n + 1) / 24));
        double sd = new DescriptiveStatistics(d).getStandardDeviation();
        return summarise(PAIRED, n, walsh, dist, alpha, sd);
    }

    /** Two independent sets of runs: compares log(candidate) - log(baseline) over every pair of runs. */
    public static RankComparison independent(double[] baseline, double[] candidate, double alpha) {
        checkAlpha(alpha);
        int m = baseline.length;
        int k = candidate.length;
        if (m < 2 || k < 2) {
            throw new IllegalArgumentException("independent runs: " + m + " baseline and " + k + " candidate; need at least 2 a side");
        }
        double[] a = logs("baseline", baseline);
        double[] b = logs("candidate", candidate);
        double[] diffs = new double[m * k];
        int t = 0;
        for (double x : a) {
            for (double y : b) {
                diffs[t++] = y - x;
            }
        }
        NullDistribution dist = (long) m * k <= EXACT_LIMIT ? NullDistribution.rankSum(m, k)
                : NullDistribution.normal(m * k / 2.0, Math.sqrt(m * k * (m + k + 1.0) / 12));
        DescriptiveStatistics sa = new DescriptiveStatistics(a);
        DescriptiveStatistics sb = new DescriptiveStatistics(b);
        double pooled = Math.sqrt(((m - 1) * sa.getVariance() + (k - 1) * sb.getVariance()) / (m + k - 2));
        return summarise(INDEPENDENT, Math.min(m, k), diffs, dist, alpha, pooled);
    }

    private static RankComparison summarise(String method, int n, double[] terms, NullDistribution dist, double alpha,
            double spread) {
        Arrays.sort(terms);
        int total = terms.length;
        double positive = 0;
        for (double v : terms) {
            positive += v > 0 ? 1 : v == 0 ? 0.5 : 0;
        }
        double estimate = median(terms);
        // k: the largest rank with P(S <= k - 1) <= alpha / 2; at least 1 (then the interval is the whole range)
        int k = Math.max(1, dist.largestRankWithLowerTail(alpha / 2));
        double achieved = 1 - 2 * dist.cdf(k - 1);
        double ciLow = terms[k - 1];
        double ciHigh = terms[total - k];
        double lower = dist.cdf(Math.floor(positive));
        double upper = 1 - dist.cdf(Math.ceil(positive) - 1);
        double p = Math.min(1, 2 * Math.min(lower, upper));
        return new RankComparison(method, n, estimate, ciLow, ciHigh, 1 - alpha, achieved, p, positive, total, spread);
    }

    /**
     * The smallest true change (in percent, either way) these runs would report as significant with
     * 80% probability, from the observed spread: (t(1 - alpha/2) + t(0.8)) * standard error, the error
     * widened by the rank test's efficiency. For {@code runsPerSide} other than the observed, the same
     * spread is assumed.
     */
    public double detectableChangePercent(int runsPerSide) {
        return detectableChangePercent(method, spread, runsPerSide, 1 - confidence);
    }

    /** See {@link #detectableChangePercent(int)}; {@code spread} on the log scale. */
    public static double detectableChangePercent(String method, double spread, int runsPerSide, double alpha) {
        if (runsPerSide < 2) {
            throw new IllegalArgumentException("runsPerSide=" + runsPerSide + ": need at least 2");
        }
        boolean paired = PAIRED.equals(method);
        double se = paired ? spread / Math.sqrt(runsPerSide) : spread * Math.sqrt(2.0 / runsPerSide);
        int df = paired ? runsPerSide - 1 : 2 * runsPerSide - 2;
        TDistribution t = new TDistribution(df);
        double log = (t.inverseCumulativeProbability(1 - alpha / 2) + t.inverseCumulativeProbability(0.8))
                * se / Math.sqrt(RANK_EFFICIENCY);
        return toPercent(log);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double[] logs(String side, double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.log(checkPositive(side, i, values[i]));
        }
        return out;
    }

    private static double checkPositive(String side, int run, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(side + " run " + run + ": ops/s=" + value + " must be a positive number");
        }
        return value;
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha=" + alpha + " must lie strictly between 0 and 1");
        }
    }

    /** The null distribution of the count statistic S on 0..N (N = number of terms). */
    abstract static class NullDistribution {
        /** P(S <= s). */
        abstract double cdf(double s);

        /** The largest k with P(S <= k - 1) <= tail, or 0 when even P(S <= 0) exceeds it. */
        abstract int largestRankWithLowerTail(double tail);

        /** Exact: S = sum of a random subset of the ranks 1..n (each in or out with probability 1/2). */
        static NullDistribution signedRank(int n) {
            int max = n * (n + 1) / 2;
            double[] p = new double[max + 1];
            p[0] = 1;
            int reach = 0;
            for (int r = 1; r <= n; r++) {
                reach += r;
                for (int s = reach; s >= 0; s--) {
                    p[s] = 0.5 * (p[s] + (s >= r ? p[s - r] : 0));
                }
            }
            return new Exact(p);
        }

        /**
         * Exact: S = U, the Mann-Whitney count of m baseline and k candidate runs. Its generating function
         * is the Gaussian binomial [m+k choose m]_q = prod_{i=1..m} (1 - q^(k+i)) / (1 - q^i).
         */
        static NullDistribution rankSum(int m, int k) {
            int max = m * k;
            double[] c = new double[max + 1];
            c[0] = 1;
            for (int i = 1; i <= m; i++) {
                int up = k + i;
                for (int s = max; s >= up; s--) {   // times (1 - q^(k+i))
                    c[s] -= c[s - up];
                }
                for (int s = i; s <= max; s++) {    // divided by (1 - q^i)
                    c[s] += c[s - i];
                }
            }
            double total = 0;
            for (double v : c) {
                total += v;
            }
            for (int s = 0; s <= max; s++) {
                c[s] = Math.max(0, c[s]) / total;
            }
            return new Exact(c);
        }

        static NullDistribution normal(double mean, double sd) {
            return new Normal(mean, sd);
        }
    }

    private static final class Exact extends NullDistribution {
        private final double[] cumulative;

        Exact(double[] probabilities) {
            cumulative = new double[probabilities.length];
            double sum = 0;
            for (int s = 0; s < probabilities.length; s++) {
                sum += probabilities[s];
                cumulative[s] = sum;
            }
        }

        @Override
        double cdf(double s) {
            if (s < 0) {
                return 0;
            }
            int i = (int) Math.min(Math.floor(s), cumulative.length - 1);
            return Math.min(1, cumulative[i]);
        }

        @Override
        int largestRankWithLowerTail(double tail) {
            int k = 0;
            // tolerance: the DP's rounding must not move a tail that sits exactly on alpha/2
            while (k < cumulative.length && cumulative[k] <= tail * (1 + 1e-12)) {
                k++;
            }
            return k;
        }
    }

    private static final class Normal extends NullDistribution {
        private final NormalDistribution normal;
        private final double mean;

        Normal(double mean, double sd) {
            this.normal = new NormalDistribution(mean, sd);
            this.mean = mean;
        }

        @Override
        double cdf(double s) {
            return s < 0 ? 0 : normal.cumulativeProbability(Math.floor(s) + 0.5);
        }

        @Override
        int largestRankWithLowerTail(double tail) {
            int k = (int) Math.floor(normal.inverseCumulativeProbability(tail) + 0.5);
            while (k > 0 && cdf(k - 1) > tail) {
                k--;
            }
            while (k < 2 * mean && cdf(k) <= tail) {
                k++;
            }
            return k;
        }
    }
}
