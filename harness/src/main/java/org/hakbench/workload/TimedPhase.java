package org.hakbench.workload;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * The timed phase shared by every multi-threaded workload: N workers wait at a start barrier with the
 * main thread, the clock starts when the barrier opens (read by the last thread to arrive, before any is
 * released), a stop flag is raised after the duration (if the run is timed by duration), and the clock
 * stops when the last worker finishes (read by each worker itself). Neither end depends on when the main
 * thread gets a core, which on a machine with fewer cores than workers can be long after the work.
 * A failing worker raises the stop flag so the others end quickly; the first failure is rethrown.
 */
final class TimedPhase {
    private final String workloadName;
    private final int workers;
    private final CyclicBarrier startBarrier;
    private final CountDownLatch finished;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong threadsStarted = new AtomicLong();
    private final AtomicLong lastFinishNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong cpuNanos = new AtomicLong();
    private volatile long startNanos;
    private volatile boolean stop;

    TimedPhase(String workloadName, int workers) {
        this.workloadName = workloadName;
        this.workers = workers;
        this.startBarrier = new CyclicBarrier(workers + 1, () -> startNanos = System.nanoTime());
        this.finished = new CountDownLatch(workers);
    }

    /** True once the duration is over or a worker failed; loops check it and end early. */
    boolean stopped() {
        return stop;
    }

    /**
     * Starts worker w = 0..workers-1 with {@code body.apply(w)}, times the phase and returns its nanoseconds.
     * Everything a worker wrote is visible to the caller afterwards (the latch orders it).
     */
    long run(IntFunction<Runnable> body, long durationMillis) {
        for (int w = 0; w < workers; w++) {
            Runnable work = body.apply(w);
            start(workloadName + "-worker-" + w, () -> {
                try {
                    startBarrier.await();
                    work.run();
                } catch (InterruptedException | BrokenBarrierException e) {
                    fail(e);
                }
            }, () -> {
                lastFinishNanos.accumulateAndGet(System.nanoTime(), Math::max);
                finished.countDown();
            });
        }
        try {
            startBarrier.await();
            if (durationMillis > 0 && !finished.await(durationMillis, TimeUnit.MILLISECONDS)) {
                stop = true;
            }
            finished.await();
            long elapsed = lastFinishNanos.get() - startNanos;
            Throwable t = failure.get();
            if (t != null) {
                throw new WorkloadFailedException(workloadName + " failed: " + t, t);
            }
            return Math.max(1, elapsed);
        } catch (InterruptedException | BrokenBarrierException e) {
            stop = true;
            Thread.currentThread().interrupt();
            throw new WorkloadFailedException(workloadName + " interrupted", e);
        }
    }

    /**
     * Starts a platform thread that records any failure of {@code body}; larson uses it for each
     * generation. Platform threads, not virtual ones: allocators keep per-OS-thread caches.
     */
    Thread startThread(String name, Runnable body) {
        return start(name, body, () -> { });
    }

    /** Starts a thread running body, then adds its CPU time, then runs {@code last} (so a latch sees the CPU time). */
    private Thread start(String name, Runnable body, Runnable last) {
        Thread thread = Thread.ofPlatform().name(name).unstarted(() -> {
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long cpuStart = cpu.getCurrentThreadCpuTime();
            try {
                body.run();
            } catch (Throwable t) {
                fail(t);
            } finally {
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
                last.run();
            }
        });
        threadsStarted.incrementAndGet();
        thread.start();
        return thread;
    }

    /**
     * CPU time the phase's threads used, summed (-1 where the JVM cannot measure thread CPU time).
     * Complete once {@link #run} has returned for workers, and once a started thread was joined.
     */
    long cpuNanos() {
        return ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported() ? cpuNanos.get() : -1;
    }

    long threadsStarted() {
        return threadsStarted.get();
    }

    private void fail(Throwable t) {
        failure.compareAndSet(null, t);
        stop = true;
    }

    /** The allocator returned 0: treated as a failed run, never as a silently skipped step. */
    static long checkBlock(long address, long byteSize) {
        if (address == 0) {
            throw new IllegalStateException("malloc(" + byteSize + ") returned 0 (out of memory)");
        }
        return address;
    }
}
