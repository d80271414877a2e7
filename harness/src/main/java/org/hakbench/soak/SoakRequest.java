package org.hakbench.soak;

import java.nio.file.Path;

import org.hakbench.analyze.SoakTargets;

/**
 * One {@code hakbench soak}: what to run, for how long, where the files go and how to judge it.
 *
 * @param allocator         registry name (see {@code hakbench allocators})
 * @param profile           hakmem profile, or null (hakmem's default; other allocators take none)
 * @param durationSeconds   soak length
 * @param epochSeconds      epoch length; the soak runs ceil(duration / epoch) epochs
 * @param workingSet        random_mixed ws
 * @param seed              random_mixed seed
 * @param outDir            where the epoch CSV and histogram log go
 * @param resultsDir        where the analysis JSON and PNG go
 * @param batchOps          operations per timed batch
 * @param timedEveryBatches one batch in this many is timed
 * @param warmupEpochs      warm-up epochs for the analysis, null for automatic
 * @param targets           PASS/FAIL thresholds
 */
public record SoakRequest(String allocator, String profile, int durationSeconds, int epochSeconds, int workingSet, long seed,
                          Path outDir, Path resultsDir, int batchOps, int timedEveryBatches, Integer warmupEpochs,
                          SoakTargets targets) {
    public static final int DEFAULT_BATCH_OPS = 64;
    public static final int DEFAULT_TIMED_EVERY_BATCHES = 32;
    public static final int DEFAULT_WORKING_SET = 400;
    public static final long DEFAULT_SEED = 42;

    public SoakRequest {
        checkPositive("duration", durationSeconds);
        checkPositive("epoch", epochSeconds);
        if (epochSeconds > durationSeconds) {
            throw new IllegalArgumentException("epoch=" + epochSeconds + " is longer than duration=" + durationSeconds);
        }
        checkPositive("ws", workingSet);
        checkPositive("batch-ops", batchOps);
        checkPositive("timed-every", timedEveryBatches);
        if (warmupEpochs != null && warmupEpochs < 0) {
            throw new IllegalArgumentException("warmup-epochs must be >= 0: warmup-epochs=" + warmupEpochs);
        }
    }

    private static void checkPositive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + name + "=" + value);
        }
    }

    /** Epochs the soak runs: the duration divided by the epoch length, rounded up. */
    public int epochs() {
        return (durationSeconds + epochSeconds - 1) / epochSeconds;
    }
}
