package org.hakbench.scorecard;

import java.time.Instant;
import java.util.List;

/**
 * Everything the scorecard blocks are rendered from: figures of the latest results, already reduced.
 * The renderer never reads files itself, so blocks are a pure function of these inputs (idempotence).
 *
 * @param snapshots  latest rebase per machine, one table each
 * @param targets    targets and milestones
 * @param soaks      latest soak per machine and configuration
 * @param verdicts   every verdict found in results/ (merged with the log already in the file)
 * @param trends     trend plots and regression flags
 * @param calibrations newest calibration per machine
 */
public record ScorecardInputs(List<MachineSnapshot> snapshots, Targets targets, List<SoakLine> soaks,
                              List<VerdictLogEntry> verdicts, List<TrendLine> trends, List<CalibrationLine> calibrations,
                              List<RealPrograms> realPrograms) {

    /** Inputs without calibrations or replays. */
    public ScorecardInputs(List<MachineSnapshot> snapshots, Targets targets, List<SoakLine> soaks,
                           List<VerdictLogEntry> verdicts, List<TrendLine> trends) {
        this(snapshots, targets, soaks, verdicts, trends, List.of(), List.of());
    }

    /** Inputs without replays. */
    public ScorecardInputs(List<MachineSnapshot> snapshots, Targets targets, List<SoakLine> soaks,
                           List<VerdictLogEntry> verdicts, List<TrendLine> trends, List<CalibrationLine> calibrations) {
        this(snapshots, targets, soaks, verdicts, trends, calibrations, List.of());
    }

    /**
     * The newest {@code hakbench replay} of one machine: median ops/s per trace and allocator.
     *
     * @param opsPerSecond trace file name -> allocator -> median ops/s (absent: no successful run)
     */
    public record RealPrograms(String machineId, String source, Instant createdAt, List<String> allocators,
                               java.util.SequencedMap<String, java.util.Map<String, Double>> opsPerSecond) {
    }

    /**
     * The newest {@code hakbench calibrate} of one machine: A/A false alarms and the detectable change
     * (slowdown / speed-up caught 80% of the time) per runs a side, for ab (paired; null for 5 pairs) and
     * for a verdict of two rebase files.
     */
    public record CalibrationLine(String machineId, String configuration, String source, Instant createdAt, int trials,
                                  int runsPerSide, long falseAlarms, double falseAlarmCi95HighPercent, double runToRunCvPercent,
                                  List<Integer> runsPerSideReported, List<Double> abSlowdownPercent, List<Double> verdictSlowdownPercent) {
    }

    /**
     * One allocator configuration of a rebase.
     *
     * @param configuration e.g. {@code hakmem:MIXED_TINYV3_C7_SAFE}, {@code mimalloc}, {@code null}
     * @param runs          number of runs
     * @param meanOpsPerSecond mean ops/s over the runs
     * @param netNsPerOp    ns/op minus the null allocator's ns/op; NaN when the null allocator was not run
     * @param cvPercent     coefficient of variation of ops/s over the runs, in percent
     * @param meanOpsPerCpuSecond mean ops per CPU-second of the loop thread; NaN when not recorded
     * @param cpuCvPercent  CV of that figure, in percent; NaN when not recorded
     * @param peakRssKiB    peak RSS of a run, KiB; NaN when unknown
     * @param osCallsPerOp  mmap+munmap+madvise per op; NaN when unknown
     */
    public record SnapshotRow(String configuration, int runs, double meanOpsPerSecond, double netNsPerOp,
                              double cvPercent, double meanOpsPerCpuSecond, double cpuCvPercent,
                              double peakRssKiB, double osCallsPerOp) {
    }

    /** The latest rebase of one machine; {@code nativeHeadline} is hakmem against native mimalloc, or null. */
    public record MachineSnapshot(String machineId, String machineDescription, String source, Instant createdAt,
                                  String workload, List<SnapshotRow> rows, String nativeHeadline) {
        public MachineSnapshot(String machineId, String machineDescription, String source, Instant createdAt,
                               String workload, List<SnapshotRow> rows) {
            this(machineId, machineDescription, source, createdAt, workload, rows, null);
        }
    }

    /**
     * The latest soak of one configuration on one machine, as {@code hakbench analyze} judged it against
     * the soak's own targets (recorded in the soak file). Drifts are null when too few epochs. The drifts and
     * CV are the judged ones: RSS drift of the allocator's resident bytes ({@code rssBasis}
     * "allocator_resident") or of process RSS (older files), throughput per wall or loop-CPU second
     * ({@code throughputBasis}); {@code peakResidentKiB} is null when the allocator gives no figure.
     */
    public record SoakLine(String machineId, String configuration, String source, Instant createdAt,
                           double durationSeconds, Double rssDriftPercent, Double opsDriftPercent,
                           double cvPercent, long peakRssKiB, String verdict, String reason, String plotFile,
                           Long peakResidentKiB, String rssBasis, String throughputBasis) {
    }

    /** One line of the verdict log; {@code source} (the verdict file name) identifies it. */
    public record VerdictLogEntry(Instant createdAt, String decision, String baseline, String candidate,
                                  String reason, String source) {
    }

    /** A trend plot of one metric and what the change-point detector says about each series. */
    public record TrendLine(String plotFile, String metric, List<String> regressions, int seriesCount, int pointCount) {
    }
}
