package org.hakmem.allocator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * close() of an instance other threads still use is refused with an exception naming them (before:
 * only forbidden in the javadoc; a racing thread touched unmapped memory and the JVM died with SIGSEGV).
 */
class CloseWithLiveThreadsTest {

    @Test
    void closeIsRefusedWhileAnotherLiveThreadUsesTheInstanceAndWorksOnceItEnded() throws Exception {
        HakmemAllocator heap = Hakmem.create(AllocatorConfig.defaults());
        CountDownLatch release = new CountDownLatch(1);
        Thread user = userThatWaits("hakmem-user", () -> heap.free(heap.malloc(64)), release);
        IllegalStateException e = assertThrows(IllegalStateException.class, heap::close);
        assertTrue(e.getMessage().contains("hakmem-user"), e.getMessage());
        assertNotEquals(0, heap.malloc(64), "a refused close leaves the instance working");
        release.countDown();
        user.join();
        heap.close();
        assertThrows(IllegalStateException.class, () -> heap.malloc(2048), "a closed instance throws, never faults");
    }

    /**
     * A thread that only allocates above the tiny sizes (pool 4 KiB, large 1 MiB) and frees them
     * never builds a cache of blocks; close() still sees it (before: it was invisible and close
     * unmapped the pool slab and the mapping under it).
     */
    @Test
    void closeIsRefusedWhileAThreadThatOnlyAllocatesPoolAndLargeBlocksLives() throws Exception {
        for (long byteSize : new long[] {4096, 1 << 20}) {
            HakmemAllocator heap = Hakmem.create(AllocatorConfig.defaults());
            CountDownLatch release = new CountDownLatch(1);
            Thread user = userThatWaits("big-user-" + byteSize, () -> heap.free(heap.malloc(byteSize)), release);
            IllegalStateException e = assertThrows(IllegalStateException.class, heap::close, "byteSize=" + byteSize);
            assertTrue(e.getMessage().contains("big-user-" + byteSize), e.getMessage());
            release.countDown();
            user.join();
            heap.close();
        }
    }

    /** A thread that only frees (blocks another thread allocated) is a user too. */
    @Test
    void closeIsRefusedWhileAThreadThatOnlyFreedLives() throws Exception {
        HakmemAllocator heap = Hakmem.create(AllocatorConfig.defaults());
        long tiny = heap.malloc(64);
        long large = heap.malloc(1 << 20);
        CountDownLatch release = new CountDownLatch(1);
        Thread user = userThatWaits("freer", () -> {
            heap.free(tiny);
            heap.free(large);
        }, release);
        assertThrows(IllegalStateException.class, heap::close);
        release.countDown();
        user.join();
        heap.close();
        assertThrows(IllegalStateException.class, () -> heap.free(large), "a closed instance throws, never faults");
    }

    /** Threads hammering the instance while close() is tried again and again: refusals, never a crash. */
    @Test
    void closeRacingWithAllocatingThreadsNeverFaults() throws Exception {
        HakmemAllocator heap = Hakmem.create(AllocatorConfig.defaults());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(4);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().name("racer-" + t).start(() -> {
                long[] live = new long[256];
                started.countDown();
                try {
                    for (long i = 0; !stop.get(); i++) {
                        int slot = (int) (i & 255);
                        if (live[slot] != 0) {
                            heap.free(live[slot]);
                        }
                        live[slot] = heap.malloc((i & 7) == 0 ? 2048 + (i % 5000) : 16 + (i % 1000));
                    }
                    for (long p : live) {
                        heap.free(p);
                    }
                } catch (Throwable x) {
                    failure.compareAndSet(null, x);
                }
            }));
        }
        started.await();
        int refusals = 0;
        for (int i = 0; i < 200; i++) {
            try {
                heap.close();
                break;
            } catch (IllegalStateException refused) {
                refusals++;
            }
        }
        assertEquals(200, refusals, "every close is refused while the racers live");
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(null, failure.get());
        heap.close();
    }

    /** A live thread that has used the instance (work), then waits for release; returns once work is done. */
    private static Thread userThatWaits(String name, Runnable work, CountDownLatch release) throws InterruptedException {
        CountDownLatch used = new CountDownLatch(1);
        Thread user = Thread.ofPlatform().name(name).start(() -> {
            work.run();
            used.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        used.await();
        return user;
    }
}
