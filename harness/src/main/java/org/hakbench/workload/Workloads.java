package org.hakbench.workload;

import org.hakbench.adapters.AllocatorAdapter;

/** Runs a spec the way every caller should: the untimed warm-up (if any), then the measured run. */
public final class Workloads {
    private Workloads() {
    }

    public static WorkloadOutcome warmUpAndRun(AllocatorAdapter allocator, WorkloadSpec spec) {
        checkVerifiable(allocator, spec);
        MultiThreadedWorkload workload = spec.kind().newWorkload();
        if (spec.warmupIters() > 0) {
            workload.run(allocator, spec.warmup());
        }
        return workload.run(allocator, spec);
    }

    private static void checkVerifiable(AllocatorAdapter allocator, WorkloadSpec spec) {
        if (spec.verify() && allocator.name().equals("null")) {
            throw new IllegalArgumentException("verify=true needs an allocator with disjoint blocks; the "
                    + allocator.name() + " allocator returns overlapping blocks by design");
        }
    }
}
