package org.hakbench.verdict;

/**
 * A verdict with every figure it was derived from, so it can be checked by hand.
 *
 * <p>Schema 2 (since the rank module): the change and its interval are the Hodges-Lehmann estimate and
 * interval of the rank test named in {@code method}, on log ratios of the runs, turned into percent;
 * "significant" and "the interval excludes 0" are the same statement. Schema 1 files (bootstrap
 * interval of the change of means, Mann-Whitney p-value) still load: their {@code method} is null and
 * their two bootstrap fields say how the interval was drawn.
 *
 * @param decision          GO / NEUTRAL / NO_GO
 * @param reason            the decision in words, e.g. "-0.46% (95% CI ...), p=0.31: within noise, ..."
 * @param changePercent     change of the candidate against the baseline, in percent
 * @param ciLowPercent      lower end of the confidence interval of the change, in percent
 * @param ciHighPercent     upper end of that interval, in percent
 * @param confidenceLevel   nominal level of the interval (0.95)
 * @param pValue            two-sided p-value of the rank test
 * @param baselineMeanOpsPerSecond  mean of the baseline runs
 * @param candidateMeanOpsPerSecond mean of the candidate runs
 * @param baselineCvPercent coefficient of variation of the baseline runs, in percent
 * @param candidateCvPercent coefficient of variation of the candidate runs, in percent
 * @param baselineRuns      number of baseline runs
 * @param candidateRuns     number of candidate runs
 * @param thresholds        the noise band and alpha used
 * @param bootstrapResamples schema 1 only: bootstrap resamples (0 since)
 * @param bootstrapSeed     schema 1 only: bootstrap seed (0 since)
 * @param method            "wilcoxon-signed-rank" (paired runs, ab) or "mann-whitney" (two separate files); null in schema 1
 * @param achievedConfidence the level the rank distribution achieves for this many runs (at least the nominal one)
 * @param pairs             pairs compared (paired method), else null
 * @param detectableSlowdownPercent the smallest slowdown these runs would call NO-GO with 80% probability, from
 *                          the observed spread (negative, in percent)
 * @param detectableSpeedupPercent  the same for GO (positive)
 * @param aaRun             true when both sides are the same configuration (an A/A run: any GO/NO-GO is a false alarm)
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
        long bootstrapSeed,
        String method,
        Double achievedConfidence,
        Integer pairs,
        Double detectableSlowdownPercent,
        Double detectableSpeedupPercent,
        Boolean aaRun) {
}
