package org.hakmem.allocator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;

/**
 * Threads that come and go must not leak: each of 10,000 short-lived threads allocates, frees most
 * of it into its own cache and hands one block to the main thread. Their caches are reaped after
 * they end, and main's frees of the handed-over blocks reach slabs the pool adopted.
 */
class ThreadChurnTest {

    @Test
    void tenThousandShortLivedThreadsGiveEverythingBack() throws Exception {
        try (HakmemAllocator heap = Hakmem.create(AllocatorConfig.defaults())) {
            long startInUse = heap.stats().bytesInUse();
            ConcurrentLinkedQueue<Long> handedOver = new ConcurrentLinkedQueue<>();
            int batch = 8;
            for (int i = 0; i < 10_000; i += batch) {
                Thread[] threads = new Thread[batch];
                for (int t = 0; t < batch; t++) {
                    int seed = i + t;
                    threads[t] = new Thread(() -> {
                        long[] blocks = new long[20];
                        for (int k = 0; k < blocks.length; k++) {
                            blocks[k] = heap.malloc(16 + (seed * 31 + k * 17) % 1000);
                        }
                        for (int k = 1; k < blocks.length; k++) {
                            heap.free(blocks[k]);
                        }
                        handedOver.add(blocks[0]);
                    });
                    threads[t].start();
                }
                for (Thread t : threads) {
                    t.join();
                }
            }
            AllocatorStats mid = heap.stats();
            assertTrue(mid.threadCaches() <= 1 + 8, "dead threads' caches are reaped: " + mid);
            assertEquals(0, mid.cacheBytes(), "no cached block outlives its thread: " + mid);
            for (Long p; (p = handedOver.poll()) != null; ) {
                heap.free(p);
            }
            heap.collect();
            AllocatorStats end = heap.stats();
            assertEquals(startInUse, end.bytesInUse(), end.toString());
            assertEquals(0, end.liveSuperslabs(), "every slab came back: " + end);
            // 10,000 threads x ~20 slabs each would be gigabytes if caches or slabs leaked per thread.
            assertTrue(end.peakBytesMapped() <= 128L << 20, "memory did not grow with the number of threads: " + end);
        }
    }
}
