package org.hakbench.verdict;

import java.util.Locale;
import java.util.Objects;

import org.apache.commons.math3.stat.StatUtils;
import org.hakbench.stats.RankComparison;

/**
 * Decides GO / NEUTRAL / NO-GO between a baseline and a candidate with one statistic
 * ({@link RankComparison}): a rank test on log ratios and the Hodges-Lehmann interval of the same
 * statistic, so significance and the interval cannot disagree.
 * <ul>
 *   <li>paired runs (ab's A B, B A, ... pairs): Wilcoxon signed-rank on each pair's log ratio; pairing
 *       cancels what the two runs of a pair shared (a slow minute of the machine, drift);</li>
 *   <li>two separate sets of runs (two rebase files): Mann-Whitney on the log ops/s.</li>
 * </ul>
 * GO when the whole interval lies above the GO threshold, NO-GO when it lies below the NO-GO threshold,
 * NEUTRAL otherwise; a NEUTRAL names the smallest change these runs would have caught. Deterministic:
 * the same runs always give the same verdict.
 */
public final class VerdictEvaluator {

    /** Below this many runs a side (independent) the interval cannot be honest; refuse instead. */
    public static final int MIN_RUNS_PER_SIDE = 5;
    /** Fewest pairs with a 95% signed-rank interval: with 5, the smallest two-sided p is 2/32 = 0.0625. */
    public static final int MIN_PAIRS = 6;

    private final VerdictThresholds thresholds;

    public VerdictEvaluator(VerdictThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    /**
     * Compares two independent sets of runs (e.g. two rebase files).
     *
     * @throws IncomparableResultsException other machines, other workload settings, or fewer than
     *                                      {@link #MIN_RUNS_PER_SIDE} runs on a side
     */
    public Verdict evaluate(MeasuredSide baseline, MeasuredSide candidate) {
        checkComparable(baseline, candidate, MIN_RUNS_PER_SIDE);
        RankComparison r = RankComparison.independent(baseline.opsPerSecond(), candidate.opsPerSecond(), thresholds.alpha());
        return decide(r, baseline, candidate, null, false);
    }

    /**
     * Compares runs taken in pairs: {@code baseline.opsPerSecond()[i]} ran next to
     * {@code candidate.opsPerSecond()[i]}. {@code aaRun} marks an A/A comparison (same configuration).
     */
    public Verdict evaluatePaired(MeasuredSide baseline, MeasuredSide candidate, boolean aaRun) {
        checkComparable(baseline, candidate, MIN_PAIRS);
        if (baseline.opsPerSecond().length != candidate.opsPerSecond().length) {
            throw new IllegalArgumentException("paired verdict: " + baseline.opsPerSecond().length + " baseline runs against "
                    + candidate.opsPerSecond().length + " candidate runs; pairs need both");
        }
        RankComparison r = RankComparison.paired(baseline.opsPerSecond(), candidate.opsPerSecond(), thresholds.alpha());
        return decide(r, baseline, candidate, r.n(), aaRun);
    }

    private Verdict decide(RankComparison r, MeasuredSide baseline, MeasuredSide candidate, Integer pairs, boolean aaRun) {
        double[] base = baseline.opsPerSecond();
        double[] cand = candidate.opsPerSecond();
        Decision decision;
        if (r.significant() && r.ciLowPercent() > thresholds.goPercent()) {
            decision = Decision.GO;
        } else if (r.significant() && r.ciHighPercent() < thresholds.noGoPercent()) {
            decision = Decision.NO_GO;
        } else {
            decision = Decision.NEUTRAL;
        }
        int runs = pairs != null ? pairs : Math.min(base.length, cand.length);
        double mdc = r.detectableChangePercent(runs);
        double slowdown = thresholds.noGoPercent() - mdc;
        double speedup = thresholds.goPercent() + mdc;
        double baseCv = cvPercent(base);
        double candCv = cvPercent(cand);
        String reason = reason(decision, r, Math.max(baseCv, candCv), slowdown, speedup, aaRun);
        return new Verdict(decision, reason, r.changePercent(), r.ciLowPercent(), r.ciHighPercent(), r.confidence(), r.pValue(),
                StatUtils.mean(base), StatUtils.mean(cand), baseCv, candCv, base.length, cand.length, thresholds, 0, 0,
                r.method(), r.achievedConfidence(), pairs, slowdown, speedup, aaRun);
    }

    /** Refuses pairs that would make a verdict meaningless; the message names both sides and the difference. */
    static void checkComparable(MeasuredSide baseline, MeasuredSide candidate, int minRuns) {
        checkRuns(baseline, minRuns);
        checkRuns(candidate, minRuns);
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

    private static void checkRuns(MeasuredSide side, int minRuns) {
        int runs = side.opsPerSecond().length;
        if (runs < minRuns) {
            throw new IncomparableResultsException(side.label() + " has " + runs + " run(s); a verdict needs at least "
                    + minRuns + " runs a side to be reliable");
        }
    }

    static double cvPercent(double[] values) {
        return Math.sqrt(StatUtils.variance(values)) / StatUtils.mean(values) * 100;
    }

    private String reason(Decision decision, RankComparison r, double cvPercent, double slowdown, double speedup, boolean aaRun) {
        String head = String.format(Locale.ROOT, "%+.2f%% (95%% CI %+.2f%% .. %+.2f%%), p=%s", r.changePercent(), r.ciLowPercent(),
                r.ciHighPercent(), formatP(r.pValue()));
        String band = String.format(Locale.ROOT, "%+.1f%% .. %+.1f%%", thresholds.noGoPercent(), thresholds.goPercent());
        String cv = String.format(Locale.ROOT, "CV %.1f%%", cvPercent);
        String aa = aaRun ? "A/A run (both sides the same configuration): " : "";
        String could = String.format(Locale.ROOT, "; these runs would have caught (80%% of the time) a slowdown beyond %+.1f%% "
                + "or a speed-up beyond %+.1f%%", slowdown, speedup);
        return aa + switch (decision) {
            case GO -> head + ": whole interval above the GO threshold " + String.format(Locale.ROOT, "%+.1f%%", thresholds.goPercent())
                    + ", " + cv + (aaRun ? "; in an A/A run this is a false alarm" : "");
            case NO_GO -> head + ": whole interval below the NO-GO threshold " + String.format(Locale.ROOT, "%+.1f%%", thresholds.noGoPercent())
                    + ", " + cv + (aaRun ? "; in an A/A run this is a false alarm" : "");
            case NEUTRAL -> (r.significant()
                    ? head + ": significant, but the interval reaches into the noise band " + band + ", " + cv
                    : head + ": within noise (not significant at alpha=" + thresholds.alpha() + "), " + cv) + could
                    + (aaRun ? "; NEUTRAL is what an A/A run should give" : "");
        };
    }

    static String formatP(double p) {
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }
}
