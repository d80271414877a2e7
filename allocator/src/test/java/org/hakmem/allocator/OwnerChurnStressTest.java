package org.hakmem.allocator;

import static org.hakmem.allocator.BlockStamps.check;
import static org.hakmem.allocator.BlockStamps.stamp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Owners that end while other threads free into their slabs: the kind of interleaving behind the
 * signal-stack cycle of a1ea239 (a remote freer that won a slab's signal flag, descheduled while the
 * owner ended and the slab changed hands, then signalling the new owner). A stress run makes such
 * interleavings likely, not certain (that cycle showed once in a few hundred larson runs; its
 * deterministic test is SignalStackTest). Chains of short-lived owner
 * threads (larson's generations: each starts its successor and exits, the successor inherits the
 * live blocks) allocate and hand a share of their blocks to long-lived freers, which free them
 * while the caches are taken over by heirs or reaped into the shared pool. Every block's content
 * is checked at free; the whole run must finish (a cycle in a signal walk spins forever) and give
 * every byte back with no corruption counted.
 */
class OwnerChurnStressTest {
    private static final int CHAINS = 3;
    private static final int GENERATIONS = 150;
    private static final int STEPS_PER_GENERATION = 3_000;
    private static final int LIVE_BLOCKS = 256;
    private static final int FREERS = 2;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void endingOwnersAndRemoteFreersGiveEverythingBack(boolean lean) {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> run(lean),
                "owner churn against remote frees did not finish (a cycle in a signal walk?)");
    }

    private static void run(boolean lean) throws Exception {
        AllocatorConfig config = lean
                ? AllocatorConfig.defaults().with("HAKMEM_SS_MEM_LEAN", "1").with("HAKMEM_SS_MEM_LEAN_TARGET_MB", "0")
                : AllocatorConfig.defaults();
        try (HakmemAllocator heap = Hakmem.create(config)) {
            long startInUse = heap.stats().bytesInUse();
            LinkedBlockingQueue<long[]> handedOff = new LinkedBlockingQueue<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean ownersDone = new AtomicBoolean();
            List<Thread> freers = new ArrayList<>();
            for (int f = 0; f < FREERS; f++) {
                freers.add(Thread.ofPlatform().name("freer-" + f).start(() -> {
                    try {
                        while (!ownersDone.get() || !handedOff.isEmpty()) {
                            long[] b = handedOff.poll(1, TimeUnit.MILLISECONDS);
                            if (b != null) {
                                check(b);
                                heap.free(b[0]);
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            List<Chain> chains = new ArrayList<>();
            for (int c = 0; c < CHAINS; c++) {
                Chain chain = new Chain(heap, c, handedOff, failure);
                chains.add(chain);
                chain.startNextGeneration();
            }
            for (Chain chain : chains) {
                chain.awaitEnd();
            }
            ownersDone.set(true);
            for (Thread t : freers) {
                t.join();
            }
            if (failure.get() != null) {
                throw new AssertionError("a thread failed", failure.get());
            }
            for (Chain chain : chains) {
                chain.freeRemaining();
            }
            heap.collect();
            AllocatorStats end = heap.stats();
            assertEquals(startInUse, end.bytesInUse(), end.toString());
            assertEquals(0, end.corruptionsDetected(), end.toString());
            assertEquals(0, end.liveSuperslabs(), "every slab came back: " + end);
        }
    }

    /** One area of live blocks handed from each generation's thread to the next (larson). */
    private static final class Chain {
        private final HakmemAllocator heap;
        private final LinkedBlockingQueue<long[]> handedOff;
        private final AtomicReference<Throwable> failure;
        private final long[][] live = new long[LIVE_BLOCKS][];
        private final SplittableRandom random;
        private final CountDownLatch ended = new CountDownLatch(1);
        private long tag;
        private int generation;
        /** The newest generation's thread; the one after it is started only once it is assigned. */
        private volatile Thread last;

        Chain(HakmemAllocator heap, int id, LinkedBlockingQueue<long[]> handedOff, AtomicReference<Throwable> failure) {
            this.heap = heap;
            this.handedOff = handedOff;
            this.failure = failure;
            this.random = new SplittableRandom(77 + id);
            this.tag = (long) id << 48;
        }

        /** Each generation's thread starts the next one just before it ends (the start publishes the fields). */
        void startNextGeneration() {
            if (generation++ == GENERATIONS || failure.get() != null) {
                ended.countDown();
                return;
            }
            Thread next = Thread.ofPlatform().unstarted(() -> {
                try {
                    steps();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    ended.countDown();
                    return;
                }
                startNextGeneration();
            });
            last = next;   // before start: the new thread's own successor must not be overwritten by this one
            next.start();
        }

        private void steps() {
            for (int i = 0; i < STEPS_PER_GENERATION; i++) {
                int k = random.nextInt(LIVE_BLOCKS);
                long[] b = live[k];
                if (b != null) {
                    live[k] = null;
                    if (random.nextInt(3) == 0) {
                        handedOff.add(b);   // a remote free, at once or after this thread ended
                    } else {
                        check(b);
                        heap.free(b[0]);    // local, or remote when an earlier generation's cache went elsewhere
                    }
                } else {
                    long size = random.nextInt(16) == 0 ? 1025 + random.nextInt(8_000) : 1 + random.nextInt(1024);
                    long[] fresh = {heap.malloc(size), size, ++tag};
                    stamp(fresh);
                    live[k] = fresh;
                }
            }
        }

        /** Until the last generation's thread has ended, so its cache is reaped, not live. */
        void awaitEnd() throws InterruptedException {
            ended.await();
            last.join();
        }

        void freeRemaining() {
            for (int k = 0; k < LIVE_BLOCKS; k++) {
                if (live[k] != null) {
                    check(live[k]);
                    heap.free(live[k][0]);
                    live[k] = null;
                }
            }
        }
    }
}
