package org.hakbench.verdict;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.hakbench.rebase.RebaseRunResult;
import org.hakbench.results.MachineFingerprint;
import org.hakbench.results.ResultEnvelope;

/**
 * The file {@code results/ab-<UTC>.json}: every child run of an A/B comparison, in the order run, and
 * the verdict of B (candidate) against A (baseline). Failed runs are kept with their reason.
 *
 * @param a            the baseline spec
 * @param b            the candidate spec
 * @param workload     settings both sides share (iters, ws, seed, warm-up, JVM options)
 * @param runs         every child, ABBA order
 * @param verdictFile  the verdict file written alongside, or null when too few runs succeeded
 * @param verdict      the verdict, or null when too few runs succeeded
 */
public record AbResult(int schema, String kind, Instant createdAt, MachineFingerprint machine, AbSpec a, AbSpec b,
                       SortedMap<String, String> workload, List<Run> runs, String verdictFile, Verdict verdict)
        implements ResultEnvelope {

    public static final String KIND = "ab";
    public static final int SCHEMA = 2;

    public AbResult {
        workload = new TreeMap<>(workload);
        runs = List.copyOf(runs);
    }

    /**
     * One child JVM.
     *
     * @param index      1-based position in the schedule
     * @param side       A or B
     * @param ok         exited 0 with a result
     * @param failure    why not, or null
     * @param stderrTail stderr of a failed child, or null
     * @param wallNanos  child lifetime including JVM start-up
     * @param result     what it measured, or null
     */
    public record Run(int index, AbSchedule.Side side, boolean ok, String failure, String stderrTail, long wallNanos,
                      RebaseRunResult result) {
    }
}
