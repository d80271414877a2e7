package org.hakbench.workload;

import org.hakbench.adapters.AllocatorAdapter;

/** One of the loops of docs/workloads/, run once against one allocator. */
public interface MultiThreadedWorkload {
    /**
     * Runs the loop (untimed set-up, the timed phase, untimed clean-up that frees every block still live).
     *
     * @throws WorkloadFailedException when a worker failed: the allocator returned 0 or threw, or a
     *                                 verified block was overwritten
     */
    WorkloadOutcome run(AllocatorAdapter allocator, WorkloadSpec spec);
}
