package org.hakbench.scale;

import org.hakbench.stats.PairedRatio;
import org.hakbench.stats.SampleStats;

/**
 * The derived figures of one (allocator, threads) point over its successful runs.
 *
 * @param opsPerSecond statistics of the successful runs' ops/s; null when every run failed
 * @param opsPerCpuSecond statistics of ops per second of worker CPU time; null when unknown. On a machine
 *                     whose cores other processes share, this is the figure that still shows the allocator's cost
 * @param speedUp      median ops/s here divided by the same allocator's median at the base thread count;
 *                     null when either point has no successful run
 * @param peakRssKiB   the highest VmHWM of the point's successful runs (0 when none)
 * @param vsReference  ops/s against the reference allocator at the same thread count, run by run (run i with
 *                     its run i, which ran right next to it); null for the reference itself, without a
 *                     reference, or when no run index measured on both sides
 */
public record ScalePoint(String allocator, int threads, int okRuns, int failedRuns, SampleStats opsPerSecond,
        SampleStats opsPerCpuSecond, Double speedUp, long peakRssKiB, PairedRatio vsReference) {

    public boolean measured() {
        return opsPerSecond != null;
    }
}
