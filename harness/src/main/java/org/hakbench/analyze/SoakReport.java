package org.hakbench.analyze;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

import org.hakbench.results.MachineFingerprint;
import org.hakbench.results.ResultEnvelope;
import org.hakbench.soak.EpochRow;

/**
 * The JSON result of analysing one soak CSV ({@code results/soak-<stamp>.json}). {@code machine} is
 * where the analysis ran; where the soak ran is in {@code header} (machine_id, git_commit, pid, ...),
 * copied from the CSV. Every epoch row is kept, so every statistic can be recomputed from the file.
 *
 * @param csvFile    the CSV analysed
 * @param header     its {@code # key=value} header (schema, allocator, profile, batch size, config.*)
 * @param settings   how it was analysed
 * @param analysis   the derived statistics and the verdict
 * @param skipped    data lines not used, with line numbers and reasons
 * @param plotFile   the PNG this analysis drew (possibly shared with other CSVs), or null
 * @param epochs     every valid epoch row, in file order
 */
public record SoakReport(int schema, String kind, Instant createdAt, MachineFingerprint machine,
                         String csvFile, SortedMap<String, String> header, Settings settings, SoakAnalysis analysis,
                         List<SkippedLine> skipped, String plotFile, List<EpochRow> epochs) implements ResultEnvelope {

    public static final int SCHEMA = 2;
    public static final String KIND = "soak";

    /**
     * @param warmupEpochsRequested the --warmup-epochs option, or null for automatic (5%)
     * @param windowFraction        share of analysed epochs in each drift window
     * @param percentileEstimation  how ops/s percentiles interpolate
     * @param targets               the PASS/FAIL thresholds
     */
    public record Settings(Integer warmupEpochsRequested, double windowFraction, String percentileEstimation,
                           SoakTargets targets) {
    }
}
