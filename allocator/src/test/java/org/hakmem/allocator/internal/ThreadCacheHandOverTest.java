package org.hakmem.allocator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.hakmem.allocator.AllocatorConfig;
import org.hakmem.allocator.AllocatorStats;
import org.hakmem.allocator.internal.slab.Slab;
import org.junit.jupiter.api.Test;

/**
 * A thread that starts after another one ended takes over the ended thread's cache whole: its slabs
 * (so the blocks it inherits free locally), its cached blocks, and remote frees that were announced
 * to the ended thread.
 */
class ThreadCacheHandOverTest {

    private static Thread run(Runnable body) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        t.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return t;
    }

    @Test
    void theNextThreadOwnsTheEndedThreadsSlabsAndCachedBlocks() throws Exception {
        Core core = new Core(AllocatorConfig.defaults());
        try {
            long[] a = new long[3];
            run(() -> {
                a[0] = core.malloc(100);       // stays allocated: handed to the next thread
                a[1] = core.malloc(100);
                core.free(a[1]);               // cached by the first thread, on top of its stack
            });
            long[] b = new long[3];
            run(() -> {
                b[2] = core.malloc(16);                          // first malloc, another bin: takes the cache over
                Slab slab = core.pageMap().slabAt(a[0]);
                assertSame(Thread.currentThread(), slab.ownerThread, "the 100-byte slab moved with the cache");
                b[0] = core.malloc(100);                         // the ended thread's cached block
                core.free(a[0]);                                 // a local free now
                b[1] = core.malloc(100);
            });
            assertEquals(a[1], b[0], "the cached block was handed over, not flushed");
            assertEquals(a[0], b[1], "the inherited block was freed into the heir's own cache");
            AllocatorStats s = core.stats();
            assertEquals(0, s.cacheBytes(), "after the heir ended too, its cache is reaped: " + s);
            for (long p : b) {
                core.free(p);
            }
            core.collect();
            assertEquals(0, core.stats().bytesInUse());
            assertEquals(0, core.stats().corruptionsDetected());
        } finally {
            core.close();
        }
    }

    @Test
    void remoteFreesAnnouncedToTheEndedThreadReachTheHeir() throws Exception {
        Core core = new Core(AllocatorConfig.defaults().with("HAKMEM_SS_PREWARM", "0"));
        try {
            long[] blocks = new long[20_000];
            core.free(core.malloc(64));   // this thread has its own cache, so its frees below stay remote
            run(() -> {
                for (int i = 0; i < blocks.length; i++) {
                    blocks[i] = core.malloc(64);
                }
            });
            // The owner has ended but nobody took its cache yet: these frees signal the ended cache.
            for (long p : blocks) {
                core.free(p);
            }
            // No stats() before the heir: it would reap the ended cache (and take the frees in itself).
            run(() -> {
                for (int i = 0; i < blocks.length; i++) {
                    blocks[i] = core.malloc(64);
                }
            });
            assertEquals(1L << 21, core.stats().peakBytesMapped(),
                    "one superslab: the heir found the remote frees instead of carving and mapping more");
            for (long p : blocks) {
                core.free(p);
            }
            core.collect();
            assertEquals(0, core.stats().bytesInUse());
            assertEquals(0, core.stats().corruptionsDetected());
        } finally {
            core.close();
        }
    }
}
