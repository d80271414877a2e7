package org.hakbench.workload;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.nativeaccess.NativeMemory;

/**
 * docs/workloads/larson.md. Each area's supervisor thread starts one generation thread after another and
 * waits for it; generations do all the allocation work, so every block a generation inherits was
 * allocated by another thread (the main thread, or an exited generation).
 */
final class LarsonWorkload implements MultiThreadedWorkload {

    /** One area's blocks and state; a generation thread owns it while it runs (thread start/join order the hand-over). */
    private static final class Area {
        final int index;
        final int base;
        long state;
        long stepsLeft;
        long ops;
        long sequence;

        Area(int index, int base, long state, long stepsLeft) {
            this.index = index;
            this.base = base;
            this.state = state;
            this.stepsLeft = stepsLeft;
        }
    }

    @Override
    public WorkloadOutcome run(AllocatorAdapter allocator, WorkloadSpec spec) {
        int threads = spec.threads();
        int ws = Math.toIntExact(spec.param("ws"));
        long minSize = spec.param("minSize");
        long maxSize = spec.param("maxSize");
        int total = Math.multiplyExact(threads, ws);
        long[] blocks = new long[total];
        long[] sizes = new long[total];
        long[] tags = new long[spec.verify() ? total : 0];
        try {
            fillAndShuffle(allocator, spec, blocks, sizes, tags, minSize, maxSize);
            Area[] areas = new Area[threads];
            for (int a = 0; a < threads; a++) {
                areas[a] = new Area(a, a * ws, Xorshift.threadState(spec.seed(), a), spec.stepBudget());
            }
            TimedPhase phase = new TimedPhase(spec.kind().cliName(), threads);
            long elapsed = phase.run(a -> () -> supervise(allocator, spec, areas[a], blocks, sizes, tags, phase),
                    spec.durationMillis());
            long[] ops = new long[threads];
            for (int a = 0; a < threads; a++) {
                ops[a] = areas[a].ops;
            }
            // The supervisors are not allocation workers: only generation threads count as started.
            return WorkloadOutcome.summing(elapsed, phase.cpuNanos(), ops, phase.threadsStarted() - threads);
        } finally {
            for (int k = 0; k < total; k++) {
                if (blocks[k] != 0) {
                    allocator.free(blocks[k]);
                    blocks[k] = 0;
                }
            }
        }
    }

    /** The untimed initial live set, allocated on the calling thread and shuffled across areas as in Larson's warm-up. */
    private static void fillAndShuffle(AllocatorAdapter allocator, WorkloadSpec spec, long[] blocks, long[] sizes,
            long[] tags, long minSize, long maxSize) {
        long s = Xorshift.threadState(spec.seed(), spec.threads());
        for (int k = 0; k < blocks.length; k++) {
            s = Xorshift.step(s);
            long size = Xorshift.size(Xorshift.output(s), minSize, maxSize);
            blocks[k] = TimedPhase.checkBlock(allocator.malloc(size), size);
            sizes[k] = size;
            if (spec.verify()) {
                tags[k] = BlockPattern.tag(spec.threads(), k);
                BlockPattern.write(blocks[k], size, tags[k]);
            }
        }
        for (int k = blocks.length - 1; k > 0; k--) {
            s = Xorshift.step(s);
            int j = (int) ((Xorshift.output(s) >>> 32) % (k + 1));
            swap(blocks, k, j);
            swap(sizes, k, j);
            if (spec.verify()) {
                swap(tags, k, j);
            }
        }
    }

    private static void swap(long[] array, int i, int j) {
        long t = array[i];
        array[i] = array[j];
        array[j] = t;
    }

    private static void supervise(AllocatorAdapter allocator, WorkloadSpec spec, Area area, long[] blocks, long[] sizes,
            long[] tags, TimedPhase phase) {
        long generationSteps = spec.param("generationSteps");
        int generation = 0;
        while (area.stepsLeft > 0 && !phase.stopped()) {
            Thread thread = phase.startThread(spec.kind().cliName() + "-area-" + area.index + "-gen-" + generation++,
                    () -> generation(allocator, spec, area, blocks, sizes, tags, generationSteps, phase));
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a larson generation", e);
            }
        }
    }

    private static void generation(AllocatorAdapter allocator, WorkloadSpec spec, Area area, long[] blocks, long[] sizes,
            long[] tags, long generationSteps, TimedPhase phase) {
        final AllocatorAdapter a = allocator;
        final int ws = Math.toIntExact(spec.param("ws"));
        final int base = area.base;
        final long minSize = spec.param("minSize");
        final long maxSize = spec.param("maxSize");
        final boolean verify = spec.verify();
        final long steps = Math.min(generationSteps, area.stepsLeft);
        long s = area.state;
        long done = 0;
        try {
            for (; done < steps; done++) {
                if (phase.stopped()) {
                    break;
                }
                s = Xorshift.step(s);
                long r = Xorshift.output(s);
                int victim = base + Xorshift.slot(r, ws);
                if (verify) {
                    BlockPattern.check(blocks[victim], sizes[victim], tags[victim]);
                }
                a.free(blocks[victim]);
                blocks[victim] = 0;
                long size = Xorshift.size(r, minSize, maxSize);
                long p = TimedPhase.checkBlock(a.malloc(size), size);
                if (verify) {
                    tags[victim] = BlockPattern.tag(area.index, area.sequence++);
                    BlockPattern.write(p, size, tags[victim]);
                } else {
                    NativeMemory.putByte(p, (byte) 'a');
                    NativeMemory.putByte(p + size - 1, (byte) 'b');
                }
                blocks[victim] = p;
                sizes[victim] = size;
            }
        } finally {
            area.state = s;
            area.stepsLeft -= done;
            area.ops += 2 * done;
        }
    }
}
