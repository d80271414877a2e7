package org.hakbench.workload;

import java.util.Arrays;

/**
 * What one timed phase did.
 *
 * @param totalOps       ops as the workload's file counts them
 * @param elapsedNanos   wall time of the timed phase
 * @param cpuNanos       CPU time of all worker threads in the timed phase (-1 when unmeasurable); on a
 *                       machine shared with other work, ops per CPU-second shows scaling that wall time hides
 * @param workerOps      per worker thread, the calls (or byte touches) it made; kept raw for imbalance checks
 * @param threadsStarted worker threads started in the timed phase (larson starts a new one per generation)
 */
public record WorkloadOutcome(long totalOps, long elapsedNanos, long cpuNanos, long[] workerOps, long threadsStarted) {
    public WorkloadOutcome {
        if (elapsedNanos <= 0) {
            throw new IllegalArgumentException("elapsedNanos=" + elapsedNanos + " must be > 0");
        }
        workerOps = workerOps.clone();
    }

    /** The outcome of a workload whose total is the sum of its workers' ops. */
    static WorkloadOutcome summing(long elapsedNanos, long cpuNanos, long[] workerOps, long threadsStarted) {
        long total = 0;
        for (long ops : workerOps) {
            total += ops;
        }
        return new WorkloadOutcome(total, elapsedNanos, cpuNanos, workerOps, threadsStarted);
    }

    public double opsPerSecond() {
        return totalOps * 1e9 / elapsedNanos;
    }

    /** Ops per second of worker CPU time, or NaN when CPU time is unknown. */
    public double opsPerCpuSecond() {
        return cpuNanos > 0 ? totalOps * 1e9 / cpuNanos : Double.NaN;
    }

    @Override
    public long[] workerOps() {
        return workerOps.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkloadOutcome w && w.totalOps == totalOps && w.elapsedNanos == elapsedNanos && w.cpuNanos == cpuNanos
                && Arrays.equals(w.workerOps, workerOps) && w.threadsStarted == threadsStarted;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(totalOps) * 31 + Arrays.hashCode(workerOps);
    }

    @Override
    public String toString() {
        return "WorkloadOutcome[totalOps=" + totalOps + ", elapsedNanos=" + elapsedNanos + ", cpuNanos=" + cpuNanos + ", workerOps="
                + Arrays.toString(workerOps) + ", threadsStarted=" + threadsStarted + "]";
    }
}
