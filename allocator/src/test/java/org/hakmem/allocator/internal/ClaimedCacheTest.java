package org.hakmem.allocator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.hakmem.allocator.AllocatorConfig;
import org.junit.jupiter.api.Test;

/** The claimed cache moves from a thread that allocated first and then blocks to the next allocating thread. */
class ClaimedCacheTest {

    @Test
    void aBlockedFirstThreadHandsTheClaimToTheWorkerAndKeepsItsOwnCache() throws Exception {
        Core core = new Core(AllocatorConfig.defaults());
        CountDownLatch workerDone = new CountDownLatch(1);
        Thread first = null;
        try {
            CountDownLatch firstAllocated = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            long[] firstBlocks = new long[100];
            first = new Thread(() -> {
                try {
                    for (int i = 0; i < firstBlocks.length; i++) {
                        firstBlocks[i] = core.malloc(64);
                    }
                    firstAllocated.countDown();
                    workerDone.await();             // blocked (WAITING) while the worker starts
                    for (long b : firstBlocks) {
                        core.free(b);                // still its own slabs: local frees
                    }
                    for (int i = 0; i < 1000; i++) {
                        core.free(core.malloc(16 + i % 1000));
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "first");
            first.start();
            firstAllocated.await();
            while (first.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            assertSame(first, core.claimedThread());
            Thread worker = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    core.free(core.malloc(16 + i % 1000));
                }
            }, "worker");
            worker.start();
            worker.join();
            assertSame(worker, core.claimedThread(), "the claim moved to the thread that allocated while its holder waited");
            workerDone.countDown();
            first.join();
            assertEquals(null, failure.get());
            assertEquals(0, core.stats().bytesInUse(), "every block came back, through either path");
            assertEquals(0, core.stats().corruptionsDetected());
        } finally {
            workerDone.countDown();     // a failed assertion must not leave "first" waiting: close() refuses live users
            if (first != null) {
                first.join();
            }
            core.close();
        }
    }
}
