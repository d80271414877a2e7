package org.hakmem.allocator;

import static org.hakmem.allocator.BlockStamps.check;
import static org.hakmem.allocator.BlockStamps.stamp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Four threads, two million operations, a quarter of the frees done by another thread than the
 * allocating one. Every block's content is checked at free; at the end every byte is back and,
 * in LEAN mode with a zero target, every superslab is unmapped.
 */
class MultiThreadStressTest {
    private static final int THREADS = 4;
    private static final int OPS_PER_THREAD = 500_000;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void crossThreadFreesKeepContentAndAccounting(boolean lean) throws Exception {
        AllocatorConfig config = lean
                ? AllocatorConfig.defaults().with("HAKMEM_SS_MEM_LEAN", "1").with("HAKMEM_SS_MEM_LEAN_TARGET_MB", "0")
                : AllocatorConfig.defaults();
        try (HakmemAllocator heap = Hakmem.create(config)) {
            List<ConcurrentLinkedQueue<long[]>> inboxes = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                inboxes.add(new ConcurrentLinkedQueue<>());
            }
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int id = t;
                threads.add(new Thread(() -> {
                    try {
                        work(heap, id, inboxes);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "stress-" + t));
            }
            threads.forEach(Thread::start);
            for (Thread th : threads) {
                th.join();
            }
            if (failure.get() != null) {
                throw new AssertionError("a worker failed", failure.get());
            }
            for (var inbox : inboxes) {
                for (long[] b; (b = inbox.poll()) != null; ) {
                    check(b);
                    heap.free(b[0]);
                }
            }
            heap.collect();
            AllocatorStats s = heap.stats();
            assertEquals(0, s.bytesInUse(), s.toString());
            assertEquals(0, s.corruptionsDetected());
            if (lean) {
                assertEquals(0, s.liveSuperslabs(), "LEAN leaked a superslab: " + s);
                assertEquals(0, s.bytesMapped(), "LEAN with target 0 keeps nothing mapped: " + s);
            } else {
                assertEquals(0, s.liveSuperslabs(), s.toString());
                assertTrue(s.keptSuperslabs() > 0, "FAST keeps its superslabs: " + s);
            }
        }
    }

    private static void work(HakmemAllocator heap, int id, List<ConcurrentLinkedQueue<long[]>> inboxes) {
        SplittableRandom rnd = new SplittableRandom(1234 + id);
        long[][] slots = new long[512][];
        long tag = (long) id << 40;
        for (int i = 0; i < OPS_PER_THREAD; i++) {
            long[] remote = inboxes.get(id).poll();
            if (remote != null) {
                check(remote);
                heap.free(remote[0]);
            }
            int k = rnd.nextInt(slots.length);
            if (slots[k] == null) {
                long size = rnd.nextInt(10) == 0 ? 1025 + rnd.nextInt(20_000) : rnd.nextInt(1025);
                long p = heap.malloc(size);
                slots[k] = new long[] {p, size, ++tag};
                stamp(slots[k]);
            } else if (rnd.nextInt(4) == 0) {
                inboxes.get((id + 1 + rnd.nextInt(THREADS - 1)) % THREADS).add(slots[k]);
                slots[k] = null;
            } else {
                check(slots[k]);
                heap.free(slots[k][0]);
                slots[k] = null;
            }
        }
        for (long[] b : slots) {
            if (b != null) {
                check(b);
                heap.free(b[0]);
            }
        }
    }
}
