package org.hakbench.verdict;

import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

import org.hakbench.results.MachineFingerprint;
import org.hakbench.results.ResultEnvelope;

/**
 * The file {@code results/verdict-<UTC>.json}: a verdict with both samples, so it can be recomputed.
 *
 * @param baselineSource       file (or A/B spec) of the baseline
 * @param candidateSource      file (or A/B spec) of the candidate
 * @param configuration        what was compared, e.g. {@code hakmem:MIXED_TINYV3_C7_SAFE}
 * @param measure              which per-run figure the samples are (wall-clock ops/s or ops per CPU-second)
 * @param workload             the workload settings both sides share
 * @param baselineOpsPerSecond every baseline run's figure of {@code measure}, in run order
 * @param candidateOpsPerSecond every candidate run's figure of {@code measure}, in run order
 * @param verdict              the decision and every figure it rests on
 */
public record VerdictResult(int schema, String kind, Instant createdAt, MachineFingerprint machine,
                            String baselineSource, String candidateSource, String configuration, Measure measure,
                            SortedMap<String, String> workload, double[] baselineOpsPerSecond,
                            double[] candidateOpsPerSecond, Verdict verdict) implements ResultEnvelope {

    public static final String KIND = "verdict";
    public static final int SCHEMA = 2;

    public VerdictResult {
        workload = new TreeMap<>(workload);
        // files written before --measure existed compared wall-clock ops/s, the only figure then
        measure = measure == null ? Measure.WALL : measure;
    }
}
