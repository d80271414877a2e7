package org.hakbench.workload;

import org.hakbench.nativeaccess.WorkloadMemory;

/** docs/workloads/glibc-thread.md: N random_mixed loops, each on its own slots. */
final class GlibcThreadWorkload implements MultiThreadedWorkload {
    /** The stop flag is read every this many steps (a power of two), not every step, to keep it off the hot path. */
    private static final int STOP_CHECK_MASK = 255;

    @Override
    public WorkloadOutcome run(BlockAllocator allocator, WorkloadSpec spec) {
        int threads = spec.threads();
        int ws = Math.toIntExact(spec.param("ws"));
        long[][] slots = new long[threads][ws];
        long[][] sizes = new long[threads][spec.verify() ? ws : 0];
        long[][] tags = new long[threads][spec.verify() ? ws : 0];
        long[] ops = new long[threads];
        TimedPhase phase = new TimedPhase(spec.kind().cliName(), threads);
        try {
            long elapsed = phase.run(t -> () -> ops[t] = loop(allocator, spec, t, slots[t], sizes[t], tags[t], phase),
                    spec.durationMillis());
            long total = 0;
            for (long o : ops) {
                total += o;
            }
            return new WorkloadOutcome(total, elapsed, ops, phase.threadsStarted());
        } finally {
            freeAll(allocator, slots);
        }
    }

    private static long loop(BlockAllocator allocator, WorkloadSpec spec, int thread, long[] slots, long[] sizes,
            long[] tags, TimedPhase phase) {
        final BlockAllocator a = allocator;
        final long budget = spec.stepBudget();
        final int ws = slots.length;
        final long minSize = spec.param("minSize");
        final long maxSize = spec.param("maxSize");
        final boolean verify = spec.verify();
        long s = Xorshift.threadState(spec.seed(), thread);
        long i = 0;
        for (; i < budget; i++) {
            if ((i & STOP_CHECK_MASK) == 0 && phase.stopped()) {
                break;
            }
            s = Xorshift.step(s);
            long r = Xorshift.output(s);
            int idx = Xorshift.slot(r, ws);
            long p = slots[idx];
            if (p != 0) {
                if (verify) {
                    BlockPattern.check(p, sizes[idx], tags[idx]);
                }
                a.free(p);
                slots[idx] = 0;
            } else {
                long size = Xorshift.size(r, minSize, maxSize);
                p = TimedPhase.checkBlock(a.malloc(size), size);
                if (verify) {
                    sizes[idx] = size;
                    tags[idx] = BlockPattern.tag(thread, i);
                    BlockPattern.write(p, size, tags[idx]);
                } else {
                    WorkloadMemory.putByte(p, (byte) i);
                    WorkloadMemory.putByte(p + size - 1, (byte) i);
                }
                slots[idx] = p;
            }
        }
        return i;
    }

    private static void freeAll(BlockAllocator allocator, long[][] slots) {
        for (long[] perThread : slots) {
            for (int k = 0; k < perThread.length; k++) {
                allocator.free(perThread[k]);
                perThread[k] = 0;
            }
        }
    }
}
