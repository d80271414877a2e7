package org.hakbench.verdict;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Decides GO / NEUTRAL / NO-GO between a baseline and a candidate in two stages, as criterion.rs does:
 * <ol>
 *   <li>significance: two-sided Mann-Whitney U test on the per-run ops/s (no normality assumed);</li>
 *   <li>size: a percentile-bootstrap confidence interval of the relative change of mean ops/s, held
 *       against the noise band of {@link VerdictThresholds}.</li>
 * </ol>
 * Both stages must agree before a GO or NO-GO is claimed; everything else is NEUTRAL. The bootstrap RNG
 * is seeded, so the same inputs always give the same verdict.
 */
public final class VerdictEvaluator {

    /** Below this many runs a side the U test cannot reach significance honestly; refuse instead. */
    public static final int MIN_RUNS_PER_SIDE = 5;
    public static final int DEFAULT_RESAMPLES = 10_000;
    public static final long DEFAULT_SEED = 0x5EED_CAFEL;
    private static final double CONFIDENCE_LEVEL = 0.95;

    private final VerdictThresholds thresholds;
    private final int resamples;
    private final long seed;

    public VerdictEvaluator(VerdictThresholds thresholds) {
        this(thresholds, DEFAULT_RESAMPLES, DEFAULT_SEED);
    }

    public VerdictEvaluator(VerdictThresholds thresholds, int resamples, long seed) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.resamples = checkResamples(resamples);
        this.seed = seed;
    }

    /**
     * Compares {@code candidate} against {@code baseline}.
     *
     * @throws IncomparableResultsException other machines, other workload settings, or fewer than
     *                                      {@link #MIN_RUNS_PER_SIDE} runs on a side
     */
    public Verdict evaluate(MeasuredSide baseline, MeasuredSide candidate) {
        checkComparable(baseline, candidate);
        double[] base = baseline.opsPerSecond();
        double[] cand = candidate.opsPerSecond();

        double pValue = new MannWhitneyUTest().mannWhitneyUTest(base, cand);
        double baseMean = StatUtils.mean(base);
        double candMean = StatUtils.mean(cand);
        double changePercent = (candMean / baseMean - 1) * 100;
        double[] ci = bootstrapChangeInterval(base, cand);
        double baseCv = cvPercent(base);
        double candCv = cvPercent(cand);

        boolean significant = pValue < thresholds.alpha();
        Decision decision;
        if (significant && ci[0] > thresholds.goPercent()) {
            decision = Decision.GO;
        } else if (significant && ci[1] < thresholds.noGoPercent()) {
            decision = Decision.NO_GO;
        } else {
            decision = Decision.NEUTRAL;
        }
        String reason = reason(decision, significant, changePercent, ci, pValue, Math.max(baseCv, candCv));
        return new Verdict(decision, reason, changePercent, ci[0], ci[1], CONFIDENCE_LEVEL, pValue,
                baseMean, candMean, baseCv, candCv, base.length, cand.length, thresholds, resamples, seed);
    }

    /** Refuses pairs that would make a verdict meaningless; the message names both sides and the difference. */
    static void checkComparable(MeasuredSide baseline, MeasuredSide candidate) {
        checkRuns(baseline);
        checkRuns(candidate);
        if (!baseline.machineId().equals(candidate.machineId())) {
            throw new IncomparableResultsException("refusing to compare results from different machines: "
                    + baseline.label() + " was measured on machine " + baseline.machineId() + ", "
                    + candidate.label() + " on machine " + candidate.machineId());
        }
        if (!baseline.workload().equals(candidate.workload())) {
            throw new IncomparableResultsException("refusing to compare different workload settings: "
                    + WorkloadDiff.describe(baseline.label(), baseline.workload(), candidate.label(), candidate.workload()));
        }
    }

    private static void checkRuns(MeasuredSide side) {
        int runs = side.opsPerSecond().length;
        if (runs < MIN_RUNS_PER_SIDE) {
            throw new IncomparableResultsException(side.label() + " has " + runs + " run(s); a verdict needs at least "
                    + MIN_RUNS_PER_SIDE + " runs a side to be reliable");
        }
    }

    private static int checkResamples(int resamples) {
        if (resamples < 1000) {
            throw new IllegalArgumentException("resamples=" + resamples + " is too few for a 95% interval; use at least 1000");
        }
        return resamples;
    }

    /** Percentile bootstrap of (mean(candidate) / mean(baseline) - 1) in percent, each side resampled on its own. */
    private double[] bootstrapChangeInterval(double[] base, double[] cand) {
        RandomGenerator rng = new Well19937c(seed);
        double[] changes = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            changes[r] = (resampledMean(cand, rng) / resampledMean(base, rng) - 1) * 100;
        }
        Arrays.sort(changes);
        Percentile percentile = new Percentile();
        double tail = (1 - CONFIDENCE_LEVEL) / 2 * 100;
        return new double[] {percentile.evaluate(changes, tail), percentile.evaluate(changes, 100 - tail)};
    }

    private static double resampledMean(double[] values, RandomGenerator rng) {
        final int n = values.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[rng.nextInt(n)];
        }
        return sum / n;
    }

    static double cvPercent(double[] values) {
        return Math.sqrt(StatUtils.variance(values)) / StatUtils.mean(values) * 100;
    }

    private String reason(Decision decision, boolean significant, double changePercent, double[] ci, double pValue, double cvPercent) {
        String head = String.format(Locale.ROOT, "%+.2f%% (95%% CI %+.2f%% .. %+.2f%%), p=%s", changePercent, ci[0], ci[1], formatP(pValue));
        String band = String.format(Locale.ROOT, "%+.1f%% .. %+.1f%%", thresholds.noGoPercent(), thresholds.goPercent());
        String cv = String.format(Locale.ROOT, "CV %.1f%%", cvPercent);
        return switch (decision) {
            case GO -> head + ": whole interval above the GO threshold " + String.format(Locale.ROOT, "%+.1f%%", thresholds.goPercent()) + ", " + cv;
            case NO_GO -> head + ": whole interval below the NO-GO threshold " + String.format(Locale.ROOT, "%+.1f%%", thresholds.noGoPercent()) + ", " + cv;
            case NEUTRAL -> significant
                    ? head + ": significant, but the interval reaches into the noise band " + band + ", " + cv
                    : head + ": within noise (not significant at alpha=" + thresholds.alpha() + "), " + cv;
        };
    }

    static String formatP(double p) {
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }
}
