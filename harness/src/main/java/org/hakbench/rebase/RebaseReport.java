package org.hakbench.rebase;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hakbench.results.MachineFingerprint;
import org.hakbench.results.OsCallCounts;
import org.hakbench.results.ResultEnvelope;
import org.hakbench.stats.Drift;
import org.hakbench.stats.Outliers;
import org.hakbench.stats.SampleStats;

/**
 * The rebase result file, {@code results/rebase-<UTC>.json}. Raw runs are all kept (failed ones with
 * their reason and stderr tail); every figure in {@link #summaries} can be recomputed from them.
 */
public record RebaseReport(int schema, String kind, Instant createdAt, MachineFingerprint machine,
                           Settings settings, List<AllocatorInfo> allocators, List<String> skipped,
                           List<RunRecord> runs, List<RunRecord> syscallRuns, List<AllocatorSummary> summaries,
                           List<String> warnings, String previousRebase) implements ResultEnvelope {

    /** Layout version of rebase files. */
    public static final int SCHEMA = 1;
    /** File kind and name prefix. */
    public static final String KIND = "rebase";

    /**
     * The effective configuration shared by every run.
     *
     * @param warmupChunkOps iterations per warm-up call (see {@link RebaseRunSpec})
     * @param jvmOptions     the child JVMs' options
     * @param syscallCounting how non-hakmem OS calls were counted, or why not
     */
    public record Settings(int runs, long iters, int ws, long seed, long warmupIters, long warmupChunkOps,
                           String profile, String reference, long timeoutSeconds, List<String> jvmOptions,
                           String syscallCounting) {
    }

    /**
     * One allocator as measured.
     *
     * @param childEnvironment variables set in its children (HAKMEM_*, LD_PRELOAD)
     */
    public record AllocatorInfo(String name, String kind, String description, Path preloadLibrary,
                                String debianPackage, String libraryVersion, Map<String, String> childEnvironment) {
    }

    /**
     * One child JVM.
     *
     * @param index      1-based position in the interleaved schedule (A B C, B C A, ...: each round starts one further)
     * @param round      1-based run number of this allocator
     * @param ok         the child exited 0 with a result
     * @param failure    why it failed, or null
     * @param stderrTail stderr tail of a failed child (null when ok)
     * @param wallNanos  whole child lifetime, JVM start-up included
     * @param result     what the child measured, or null when it failed
     * @param straced    OS calls strace counted on the loop thread (syscall counting runs only; null otherwise)
     */
    public record RunRecord(int index, int round, String allocator, boolean ok, String failure, String stderrTail,
                            long wallNanos, RebaseRunResult result, OsCallCounts straced) {

        RunRecord withStraced(OsCallCounts counts) {
            return new RunRecord(index, round, allocator, ok, failure, stderrTail, wallNanos, result, counts);
        }
    }

    /**
     * Derived statistics of one allocator over its successful timed runs.
     *
     * @param opsPerSec      statistics of ops/s (wall clock: what the seeds quote)
     * @param opsPerCpuSec   statistics of ops per CPU second of the loop thread (steadier on a busy machine)
     * @param nsPerOp        1e9 / mean ops/s
     * @param netNsPerOp     nsPerOp minus the null allocator's (null when null was not measured)
     * @param vsReference    mean ops/s / the reference's mean ops/s (1.0 = as fast)
     * @param outliers       modified z-scores of ops/s per successful run, in run order (flagged, kept)
     * @param firstRunSlow   the first run was the slowest by a clear margin (warm-up effect)
     * @param osCalls        OS calls of one timed loop (hakmem: its own counters in the first successful run, cross-checked
     *                       against its strace run; others: the strace counting run)
     * @param syscallsPerOp  osCalls.total() / iters, null when unknown
     * @param peakRssKiB     statistics of the child's VmHWM
     * @param drift          change of mean ops/s against the previous rebase, null when there is none
     */
    public record AllocatorSummary(String allocator, int okRuns, int failedRuns, SampleStats opsPerSec, SampleStats opsPerCpuSec,
                                   double nsPerOp, Double netNsPerOp, Double vsReference, Outliers outliers,
                                   boolean firstRunSlow, OsCallCounts osCalls, Double syscallsPerOp,
                                   SampleStats peakRssKiB, Drift drift) {
    }

    /** The summary of {@code allocator}, if it had successful runs. */
    public java.util.Optional<AllocatorSummary> summary(String allocator) {
        return summaries.stream().filter(s -> s.allocator().equals(allocator)).findFirst();
    }
}
