package org.hakbench.verdict;

/**
 * A verdict with every figure it was derived from, so it can be checked by hand.
 *
 * @param decision          GO / NEUTRAL / NO_GO
 * @param reason            the decision in words, e.g. "-0.46%, p=0.31: within noise, CV 1.2%"
 * @param changePercent     relative change of mean ops/s, candidate against baseline, in percent
 * @param ciLowPercent      lower end of the bootstrap confidence interval of the change, in percent
 * @param ciHighPercent     upper end of that interval, in percent
 * @param confidenceLevel   of the interval (0.95)
 * @param pValue            two-sided Mann-Whitney U p-value
 * @param baselineMeanOpsPerSecond  mean ops/s of the baseline runs
 * @param candidateMeanOpsPerSecond mean ops/s of the candidate runs
 * @param baselineCvPercent coefficient of variation of the baseline runs, in percent
 * @param candidateCvPercent coefficient of variation of the candidate runs, in percent
 * @param baselineRuns      number of baseline runs
 * @param candidateRuns     number of candidate runs
 * @param thresholds        the noise band and alpha used
 * @param bootstrapResamples number of bootstrap resamples
 * @param bootstrapSeed     seed of the bootstrap RNG (same inputs + seed = same interval)
 */
public record Verdict(
        Decision decision,
        String reason,
        double changePercent,
        double ciLowPercent,
        double ciHighPercent,
        double confidenceLevel,
        double pValue,
        double baselineMeanOpsPerSecond,
        double candidateMeanOpsPerSecond,
        double baselineCvPercent,
        double candidateCvPercent,
        int baselineRuns,
        int candidateRuns,
        VerdictThresholds thresholds,
        int bootstrapResamples,
        long bootstrapSeed) {
}
