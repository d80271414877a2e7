package org.hakbench.scale;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One child's measurement, printed by the child as a JSON line and kept raw in the result file.
 *
 * @param implementation  what answered malloc (the adapter's own description)
 * @param cpuNanos        CPU time of the worker threads in the timed phase (-1 when unknown)
 * @param workerOps       per worker thread: its calls (or byte touches), see the workload's file
 * @param threadsStarted  worker threads started in the timed phase (larson: one per generation)
 * @param peakRssKiB      VmHWM of the child at the end of the run
 * @param effectiveConfig the allocator's effective configuration (hakmem: every HAKMEM_* knob)
 */
public record ScaleRunResult(String allocator, String implementation, int threads, long totalOps, long elapsedNanos,
        double opsPerSecond, long cpuNanos, long[] workerOps, long threadsStarted, long peakRssKiB,
        SortedMap<String, String> effectiveConfig) {

    public ScaleRunResult {
        workerOps = workerOps.clone();
        effectiveConfig = new TreeMap<>(effectiveConfig == null ? Map.of() : effectiveConfig);
    }

    /** Ops per second of worker CPU time: unlike ops/s, it does not drop when other processes take the cores. */
    public Double opsPerCpuSecond() {
        return cpuNanos > 0 ? totalOps * 1e9 / cpuNanos : null;
    }

    @Override
    public long[] workerOps() {
        return workerOps.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScaleRunResult r && r.allocator.equals(allocator) && r.threads == threads
                && r.totalOps == totalOps && r.elapsedNanos == elapsedNanos && r.cpuNanos == cpuNanos && java.util.Arrays.equals(r.workerOps, workerOps)
                && r.threadsStarted == threadsStarted && r.peakRssKiB == peakRssKiB && r.implementation.equals(implementation)
                && r.effectiveConfig.equals(effectiveConfig) && Double.compare(r.opsPerSecond, opsPerSecond) == 0;
    }

    @Override
    public int hashCode() {
        return allocator.hashCode() * 31 + Long.hashCode(totalOps);
    }

    @Override
    public String toString() {
        return "ScaleRunResult[" + allocator + ", threads=" + threads + ", opsPerSecond=" + opsPerSecond + ", peakRssKiB="
                + peakRssKiB + "]";
    }
}
