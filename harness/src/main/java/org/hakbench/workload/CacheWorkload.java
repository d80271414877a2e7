package org.hakbench.workload;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.nativeaccess.NativeMemory;
import org.hakbench.nativeaccess.WorkloadMemory;

/**
 * docs/workloads/cache-thrash.md and cache-scratch.md: small objects written many times; scratch first
 * frees an object the main thread allocated next to the other workers' objects.
 */
final class CacheWorkload implements MultiThreadedWorkload {
    private final boolean scratch;

    CacheWorkload(boolean scratch) {
        this.scratch = scratch;
    }

    @Override
    public WorkloadOutcome run(AllocatorAdapter allocator, WorkloadSpec spec) {
        int threads = spec.threads();
        long objectSize = spec.param("objectSize");
        long[] given = new long[scratch ? threads : 0];
        try {
            for (int t = 0; t < given.length; t++) {
                given[t] = TimedPhase.checkBlock(allocator.malloc(objectSize), objectSize);
                if (spec.verify()) {
                    BlockPattern.write(given[t], objectSize, BlockPattern.tag(threads, t));
                }
            }
            long[] touches = new long[threads];
            TimedPhase phase = new TimedPhase(spec.kind().cliName(), threads);
            long elapsed = phase.run(t -> () -> {
                if (scratch) {
                    long p = given[t];
                    if (spec.verify()) {
                        BlockPattern.check(p, objectSize, BlockPattern.tag(threads, t));
                    }
                    given[t] = 0;
                    allocator.free(p);
                }
                touches[t] = loop(allocator, spec, (byte) (31 * (t + 1)), phase);
            }, spec.durationMillis());
            return WorkloadOutcome.summing(elapsed, phase.cpuNanos(), touches, phase.threadsStarted());
        } finally {
            for (long p : given) {
                if (p != 0) {
                    allocator.free(p);
                }
            }
        }
    }

    /**
     * The write loop; {@code salt} makes each thread's bytes its own, so with --verify an object that another
     * thread writes at the same time (two owners of one block) shows up as a foreign byte.
     */
    private static long loop(AllocatorAdapter allocator, WorkloadSpec spec, byte salt, TimedPhase phase) {
        final AllocatorAdapter a = allocator;
        final long budget = spec.stepBudget();
        final long objectSize = spec.param("objectSize");
        final long repetitions = spec.param("repetitions");
        final boolean verify = spec.verify();
        long touches = 0;
        for (long i = 0; i < budget && !phase.stopped(); i++) {
            long p = TimedPhase.checkBlock(a.malloc(objectSize), objectSize);
            for (long j = 0; j < repetitions; j++) {
                for (long k = 0; k < objectSize; k++) {
                    WorkloadMemory.touchByte(p + k, (byte) (j + k + salt));
                }
                if (verify) {
                    checkPass(p, objectSize, j, salt);
                }
            }
            a.free(p);
            touches += repetitions * objectSize;
        }
        return touches;
    }

    /** After pass j each byte k holds (j + k + salt); anything else was written by another thread. */
    private static void checkPass(long p, long objectSize, long j, byte salt) {
        for (long k = 0; k < objectSize; k++) {
            byte expected = (byte) (j + k + salt);
            byte found = NativeMemory.getByte(p + k);
            if (found != expected) {
                throw new IllegalStateException(String.format("object 0x%x (%d bytes) was overwritten: byte %d is 0x%x, expected 0x%x",
                        p, objectSize, k, found & 0xFF, expected & 0xFF));
            }
        }
    }
}
