package org.hakbench.calibrate;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.hakbench.results.MachineFingerprint;
import org.hakbench.results.ResultEnvelope;
import org.hakbench.verdict.AbSpec;
import org.hakbench.verdict.Decision;
import org.hakbench.verdict.Measure;
import org.hakbench.verdict.VerdictThresholds;

/**
 * The file {@code results/calibration-<UTC>.json}: A/A trials of one configuration on one machine and
 * what they say about this machine's verdicts: how often a verdict claims a change that is not there,
 * how much runs vary, and the smallest change a verdict would find with 5, 10 or 20 runs a side.
 *
 * @param configuration       the configuration run on both sides of every trial
 * @param runsPerSide         pairs per trial
 * @param trials              every trial, in the order run
 * @param falseAlarmRate      share of trials whose verdict was GO or NO-GO
 * @param falseAlarmCi95Low   Clopper-Pearson 95% interval of that rate
 * @param falseAlarmCi95High  upper end
 * @param runToRunCvPercent   median over trials and sides of the runs' coefficient of variation
 * @param pairSpreadPercent   pooled standard deviation of the pairs' log ratios, in percent (paired noise)
 * @param runSpreadPercent    pooled standard deviation of the runs' log ops/s within a side, in percent
 * @param detectable          the smallest changes a verdict would find (80% of the time), per runs a side
 */
public record CalibrationResult(int schema, String kind, Instant createdAt, MachineFingerprint machine, AbSpec configuration,
                                int runsPerSide, Measure measure, VerdictThresholds thresholds, SortedMap<String, String> workload,
                                List<Trial> trials, double falseAlarmRate, double falseAlarmCi95Low, double falseAlarmCi95High,
                                double runToRunCvPercent, double pairSpreadPercent, double runSpreadPercent,
                                List<Detectable> detectable) implements ResultEnvelope {

    public static final String KIND = "calibration";
    public static final int SCHEMA = 1;

    public CalibrationResult {
        workload = new TreeMap<>(workload);
        trials = List.copyOf(trials);
        detectable = List.copyOf(detectable);
    }

    /** One A/A trial: its verdict and the paired figures it was drawn from. */
    public record Trial(int index, Decision decision, double changePercent, double ciLowPercent, double ciHighPercent,
                        double pValue, double[] a, double[] b, int failedRuns) {
    }

    /**
     * With {@code runsPerSide} runs a side: an ab (paired) verdict catches a slowdown beyond
     * {@code abSlowdownPercent} or a speed-up beyond {@code abSpeedupPercent}, a verdict of two rebase
     * files (independent) beyond the {@code verdict*} figures; null where no 95% interval exists
     * (5 pairs).
     */
    public record Detectable(int runsPerSide, Double abSlowdownPercent, Double abSpeedupPercent,
                             double verdictSlowdownPercent, double verdictSpeedupPercent) {
    }
}
