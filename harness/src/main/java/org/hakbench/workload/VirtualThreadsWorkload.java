package org.hakbench.workload;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.nativeaccess.NativeMemory;

/**
 * docs/workloads/vthreads.md: a server on virtual threads. N submitter threads keep {@code inFlight}
 * virtual threads alive between them; each virtual thread does {@code steps} random_mixed steps on
 * its own few slots, yielding every {@code yieldEvery} steps (as a request handler blocks on I/O), so
 * thousands are mid-work at once on a few carriers. What it measures is what an allocator's
 * per-thread state costs when threads are cheap: speed, and the memory held per live thread.
 */
final class VirtualThreadsWorkload implements MultiThreadedWorkload {
    private static final int SLOTS = 8;

    @Override
    public WorkloadOutcome run(AllocatorAdapter allocator, WorkloadSpec spec) {
        int submitters = spec.threads();
        int inFlight = Math.toIntExact(spec.param("inFlight"));
        long steps = spec.param("steps");
        long yieldEvery = spec.param("yieldEvery");
        long minSize = spec.param("minSize");
        long maxSize = spec.param("maxSize");
        int perSubmitter = Math.max(1, inFlight / submitters);
        long budget = spec.stepBudget();   // virtual threads per submitter, or unbounded
        long[] ops = new long[submitters];
        AtomicLong started = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        TimedPhase phase = new TimedPhase(spec.kind().cliName(), submitters);
        long cpuBefore = processCpuNanos();
        long elapsed = phase.run(w -> () -> {
            Semaphore permits = new Semaphore(perSubmitter);
            AtomicLong done = new AtomicLong();
            long seq = 0;
            try {
                for (; seq < budget && !phase.stopped() && failure.get() == null; seq++) {
                    permits.acquire();
                    long state = Xorshift.threadState(spec.seed(), (int) (w * 1_000_003L + seq));
                    Thread.ofVirtual().start(() -> {
                        try {
                            handle(allocator, state, steps, yieldEvery, minSize, maxSize);
                            done.addAndGet(steps);   // one step is one malloc or one free
                        } catch (Throwable t) {
                            failure.compareAndSet(null, t);
                        } finally {
                            permits.release();
                        }
                    });
                    started.incrementAndGet();
                }
                permits.acquire(perSubmitter);   // every virtual thread of this submitter has ended
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("vthreads submitter interrupted", e);
            }
            ops[w] = done.get();
        }, spec.durationMillis());
        long cpu = processCpuNanos() - cpuBefore;
        if (failure.get() != null) {
            throw new WorkloadFailedException("vthreads failed: " + failure.get(), failure.get());
        }
        return WorkloadOutcome.summing(elapsed, cpuBefore < 0 ? -1 : cpu, ops, started.get());
    }

    /** One request: steps random_mixed steps on SLOTS slots, yielding every yieldEvery steps; frees what it holds. */
    private static void handle(AllocatorAdapter a, long state, long steps, long yieldEvery, long minSize, long maxSize) {
        long[] slots = new long[SLOTS];
        long s = state;
        try {
            for (long i = 0; i < steps; i++) {
                s = Xorshift.step(s);
                long r = Xorshift.output(s);
                int k = Xorshift.slot(r, SLOTS);
                if (slots[k] != 0) {
                    a.free(slots[k]);
                    slots[k] = 0;
                } else {
                    long size = Xorshift.size(r, minSize, maxSize);
                    long p = TimedPhase.checkBlock(a.malloc(size), size);
                    NativeMemory.putByte(p, (byte) i);
                    NativeMemory.putByte(p + size - 1, (byte) i);
                    slots[k] = p;
                }
                if (yieldEvery > 0 && (i + 1) % yieldEvery == 0) {
                    Thread.yield();
                }
            }
        } finally {
            for (long p : slots) {
                if (p != 0) {
                    a.free(p);
                }
            }
        }
    }

    /** CPU time of the whole process: virtual threads run on carrier threads the phase does not own. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
