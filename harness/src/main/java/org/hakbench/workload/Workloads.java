package org.hakbench.workload;

import org.hakbench.adapters.AllocatorAdapter;

/** Runs a spec the way every caller should: the untimed warm-up (if any), then the measured run. */
public final class Workloads {
    private Workloads() {
    }

    public static WorkloadOutcome warmUpAndRun(AllocatorAdapter allocator, WorkloadSpec spec) {
        checkThreadSafe(allocator);
        checkVerifiable(allocator, spec);
        MultiThreadedWorkload workload = spec.kind().newWorkload();
        if (spec.warmupIters() > 0) {
            workload.run(allocator, spec.warmup());
        }
        return workload.run(allocator, spec);
    }

    /**
     * Every workload calls one adapter from several threads. The null allocator is let through: its only
     * shared state is a call counter whose lost updates change nothing but which offset it returns.
     */
    private static void checkThreadSafe(AllocatorAdapter allocator) {
        if (!allocator.threadSafe() && !isNull(allocator)) {
            throw new IllegalArgumentException("the " + allocator.name() + " adapter is not thread-safe; the multi-threaded"
                    + " workloads need one (netty: NettyAdapter.forManyThreads())");
        }
    }

    private static boolean isNull(AllocatorAdapter allocator) {
        return allocator.name().equals("null");
    }

    private static void checkVerifiable(AllocatorAdapter allocator, WorkloadSpec spec) {
        if (spec.verify() && isNull(allocator)) {
            throw new IllegalArgumentException("verify=true needs an allocator with disjoint blocks; the "
                    + allocator.name() + " allocator returns overlapping blocks by design");
        }
    }
}
