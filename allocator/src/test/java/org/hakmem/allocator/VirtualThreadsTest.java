package org.hakmem.allocator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * Virtual threads share a bounded set of stripes instead of building a cache each: 100,000 of them,
 * all alive and parked in the middle of their work at once, leave a bounded footprint; blocks cross
 * between virtual and platform threads intact; close() never faults under them.
 */
class VirtualThreadsTest {
    private static final int THREADS = 100_000;

    @Test
    void aHundredThousandParkedVirtualThreadsLeaveABoundedFootprint() throws Exception {
        HakmemAllocator heap = Hakmem.create(AllocatorConfig.defaults());
        CountDownLatch parked = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>(THREADS);
        for (int t = 0; t < THREADS; t++) {
            final int id = t;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    long kept = 0;
                    for (int i = 0; i < 200; i++) {
                        long p = heap.malloc(16 + (id + i) % 112);
                        MemorySegment.ofAddress(p).reinterpret(8).set(ValueLayout.JAVA_LONG, 0, id);
                        if (i == 100) {
                            kept = p;   // one block held across the park, as a request holds its buffers
                        } else {
                            heap.free(p);
                        }
                        if (i == 100) {
                            parked.countDown();
                            go.await();
                        }
                    }
                    assertEquals(id, MemorySegment.ofAddress(kept).reinterpret(8).get(ValueLayout.JAVA_LONG, 0));
                    heap.free(kept);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        parked.await();
        AllocatorStats during = heap.stats();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(null, failure.get());
        // bound: the stripes (at most 64) instead of a cache per virtual thread (before: 100,000 caches,
        // each a 33 KiB Java array and slabs of its own); 100,000 live blocks of <= 128 B need ~8 MiB
        assertTrue(during.threadCaches() <= 64 + 1, "caches while all parked: " + during.threadCaches());
        assertTrue(during.bytesMapped() <= 64L << 20, "mapped while all parked: " + during.bytesMapped());
        heap.collect();
        assertEquals(0, heap.stats().bytesInUse(), heap.stats().toString());
        heap.close();
    }

    @Test
    void blocksCrossBetweenVirtualAndPlatformThreadsIntact() throws Exception {
        HakmemAllocator heap = Hakmem.create(AllocatorConfig.defaults());
        ConcurrentLinkedQueue<long[]> handOff = new ConcurrentLinkedQueue<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger freed = new AtomicInteger();
        int producers = 2_000;
        int perProducer = 50;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < producers; t++) {
            final long tag = t;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < perProducer; i++) {
                    long size = 8 + (tag * 7 + i * 13) % 3000;   // tiny and pool sizes
                    long p = heap.malloc(size);
                    MemorySegment.ofAddress(p).reinterpret(size).fill((byte) tag);
                    handOff.add(new long[] {p, size, tag});
                    if ((i & 7) == 0) {
                        Thread.yield();
                    }
                }
            }));
        }
        Runnable consumer = () -> {
            try {
                while (freed.get() < producers * perProducer) {
                    long[] b = handOff.poll();
                    if (b == null) {
                        Thread.onSpinWait();
                        continue;
                    }
                    MemorySegment s = MemorySegment.ofAddress(b[0]).reinterpret(b[1]);
                    for (long i = 0; i < b[1]; i++) {
                        if (s.get(ValueLayout.JAVA_BYTE, i) != (byte) b[2]) {
                            throw new AssertionError("block 0x" + Long.toHexString(b[0]) + " byte " + i + " changed");
                        }
                    }
                    heap.free(b[0]);
                    freed.incrementAndGet();
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
                freed.set(Integer.MAX_VALUE / 2);
            }
        };
        Thread platform = Thread.ofPlatform().start(consumer);
        Thread virtual = Thread.ofVirtual().start(consumer);
        for (Thread t : threads) {
            t.join();
        }
        platform.join();
        virtual.join();
        assertEquals(null, failure.get());
        heap.collect();
        assertEquals(0, heap.stats().bytesInUse(), heap.stats().toString());
        heap.close();
    }

    @Test
    void closeWithVirtualThreadsInsideNeverFaults() throws Exception {
        for (int round = 0; round < 20; round++) {
            HakmemAllocator heap = Hakmem.create(AllocatorConfig.defaults());
            AtomicReference<Throwable> unexpected = new AtomicReference<>();
            CountDownLatch running = new CountDownLatch(1);   // 8 virtual threads on as few carriers: some may not run yet
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    running.countDown();
                    try {
                        for (long i = 0; ; i++) {
                            heap.free(heap.malloc(16 + i % 5000));
                            if ((i & 1023) == 0) {
                                Thread.yield();   // let the others (and close) onto the carriers
                            }
                        }
                    } catch (IllegalStateException closed) {
                        // the expected end: the instance was closed
                    } catch (Throwable e) {
                        unexpected.compareAndSet(null, e);
                    }
                }));
            }
            running.await();
            heap.close();
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(null, unexpected.get());
        }
    }
}
