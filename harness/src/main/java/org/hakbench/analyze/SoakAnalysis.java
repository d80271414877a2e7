package org.hakbench.analyze;

import java.util.List;

/**
 * The derived statistics of one soak. The RSS checks judge {@code allocatorResident} (the allocator's
 * own resident bytes, in KiB) when every epoch has it ({@code rssBasis = "allocator_resident"}), else the
 * process RSS ({@code "process_rss"}, files from before the column). {@code jvmFloorRssKiB} is the child
 * JVM's RSS before the allocator was created: the floor under the process RSS that no allocator causes. "Analysed" epochs are those after the warm-up; the drift windows
 * are the first and the last {@code windowEpochs} analysed epochs. Boxed figures are {@code null} when
 * the data cannot give them (too few epochs, counters the allocator does not report).
 */
public record SoakAnalysis(
        int epochs,
        int warmupEpochs,
        int analysedEpochs,
        int windowEpochs,
        double elapsedSeconds,
        long totalOps,
        Throughput throughput,
        Rss rss,
        Latency latency,
        OsCalls osCalls,
        Verdict verdict,
        Rss allocatorResident,
        String rssBasis,
        String allocatorResidentSource,
        Long jvmFloorRssKiB) {

    /**
     * ops/s over the analysed epochs; percentiles by the R-7 (linear interpolation) definition.
     * {@code opsPerCpuSecond} divides by the loop thread's CPU time instead of wall time, and
     * {@code loopCpuSharePercent} is that CPU time over wall time: below 100% the loop waited for a core
     * (a busy machine), which explains a high CV that the allocator did not cause. Null without CPU times.
     * {@code basis} says what the throughput checks judge: "wall" (cvPercent, driftPercent) or
     * "loop_cpu" (cpuCvPercent, cpuDriftPercent: ops per loop CPU-second), chosen when some epoch had a
     * core for less than 97% of its time; {@code basisReason} says which applied.
     */
    public record Throughput(double meanOpsPerS, double medianOpsPerS, double stdDevOpsPerS, double cvPercent,
            double minOpsPerS, double maxOpsPerS, double p1OpsPerS, double p5OpsPerS, double p95OpsPerS, double p99OpsPerS,
            double firstWindowMedianOpsPerS, double lastWindowMedianOpsPerS, Double driftPercent,
            Double opsPerCpuSecond, Double loopCpuSharePercent, String basis, String basisReason,
            Double minEpochCpuSharePercent, Double cpuCvPercent, Double cpuDriftPercent) {
    }

    /**
     * RSS in KiB. first/last/peak cover every epoch including warm-up; drift and slope cover the analysed
     * epochs. The slope is the least-squares fit of RSS against elapsed hours, with its 95% confidence interval.
     */
    public record Rss(long firstKiB, long lastKiB, long peakKiB, double firstWindowMedianKiB, double lastWindowMedianKiB,
            Double driftPercent, Double slopeKiBPerHour, Double slopeCi95LowKiBPerHour, Double slopeCi95HighKiBPerHour,
            Double slopeRSquared) {
    }

    /**
     * Latency of timed batches ({@code batchOps} operations each), nanoseconds per batch. With
     * {@code source = "histogram-log"} the percentiles are exact over all analysed epochs (their interval
     * histograms summed); with {@code source = "epoch-percentiles"} no histogram log was found and each
     * figure is the median over epochs of that epoch's percentile (max is the maximum), an approximation.
     */
    public record Latency(String source, Long batchOps, long samples, Double p50Nanos, Double p90Nanos, Double p99Nanos,
            Double p999Nanos, Double maxNanos, Double worstEpochP99Nanos) {
    }

    /** Allocator OS calls (mmap + munmap + madvise); null when the allocator does not report them. */
    public record OsCalls(Long total, Long mmap, Long munmap, Long madvise, Double perOp, Double perOpAfterWarmup,
            Long lastBytesInUse, Long lastBytesMapped, Long peakBytesMapped) {
    }

    /** One target: the measured value, the limit, and whether it holds. */
    public record Check(String name, Double value, String comparison, double limit, boolean passed) {
    }

    /** PASS when every check holds, FAIL when one does not, INCONCLUSIVE when too few epochs to judge. */
    public record Verdict(String result, List<Check> checks, String reason) {
        public boolean passed() {
            return "PASS".equals(result);
        }
    }
}
