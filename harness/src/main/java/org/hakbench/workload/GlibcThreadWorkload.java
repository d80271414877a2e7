package org.hakbench.workload;

import org.hakbench.adapters.AllocatorAdapter;

/**
 * docs/workloads/glibc-thread.md: N {@link RandomMixed} loops, each on its own slots, so the one-thread
 * figure is the random_mixed figure and any loss at N threads is the allocator's (or the machine's).
 */
final class GlibcThreadWorkload implements MultiThreadedWorkload {
    /** Ops between two looks at the stop flag: ~0.1 ms of work, invisible next to a run of seconds. */
    private static final long CHUNK_OPS = 4096;

    @Override
    public WorkloadOutcome run(AllocatorAdapter allocator, WorkloadSpec spec) {
        int threads = spec.threads();
        int ws = Math.toIntExact(spec.param("ws"));
        RandomMixed[] loops = new RandomMixed[threads];
        for (int t = 0; t < threads; t++) {
            loops[t] = new RandomMixed(allocator, ws, Xorshift.threadState(spec.seed(), t));
        }
        long[] ops = new long[threads];
        TimedPhase phase = new TimedPhase(spec.kind().cliName(), threads);
        try {
            long elapsed = phase.run(t -> () -> ops[t] = loop(loops[t], spec.stepBudget(), phase), spec.durationMillis());
            return WorkloadOutcome.summing(elapsed, phase.cpuNanos(), ops, phase.threadsStarted());
        } finally {
            for (RandomMixed loop : loops) {
                loop.freeAll();
            }
        }
    }

    private static long loop(RandomMixed loop, long budget, TimedPhase phase) {
        while (loop.iterations() < budget && !phase.stopped()) {
            loop.run(Math.min(CHUNK_OPS, budget - loop.iterations()));
        }
        return loop.iterations();
    }
}
