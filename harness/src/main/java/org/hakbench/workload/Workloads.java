package org.hakbench.workload;

/** Runs a spec the way every caller should: the untimed warm-up (if any), then the measured run. */
public final class Workloads {
    private Workloads() {
    }

    public static WorkloadOutcome warmUpAndRun(BlockAllocator allocator, WorkloadSpec spec) {
        checkVerifiable(allocator, spec);
        MultiThreadedWorkload workload = spec.kind().newWorkload();
        if (spec.warmupIters() > 0) {
            workload.run(allocator, spec.warmup());
        }
        return workload.run(allocator, spec);
    }

    private static void checkVerifiable(BlockAllocator allocator, WorkloadSpec spec) {
        if (spec.verify() && !allocator.verifiable()) {
            throw new IllegalArgumentException("verify=true needs an allocator with disjoint blocks; " + allocator
                    + " returns overlapping blocks by design");
        }
    }
}
