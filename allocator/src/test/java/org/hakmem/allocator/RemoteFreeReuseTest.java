package org.hakmem.allocator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Blocks freed by another thread go back to their owner: its full slabs get them through the
 * remote-free bitmaps and the signal that tells the owner which slabs to look at (no slab is searched).
 * If a signal were lost, the owner would map new superslabs instead of reusing its own.
 */
class RemoteFreeReuseTest {

    @Test
    void theOwnerReusesBlocksFreedByAnotherThreadWithoutMappingMore() throws Exception {
        try (HakmemAllocator heap = Hakmem.create(AllocatorConfig.defaults().with("HAKMEM_SS_PREWARM", "0"))) {
            long[] blocks = new long[50_000];
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < blocks.length; i++) {
                    blocks[i] = heap.malloc(64);
                }
                AllocatorStats full = heap.stats();
                Thread other = new Thread(() -> {
                    for (long b : blocks) {
                        heap.free(b);
                    }
                });
                other.start();
                other.join();
                assertEquals(0, heap.stats().bytesInUse(), "remote frees are accounted at once");
                for (int i = 0; i < blocks.length; i++) {
                    blocks[i] = heap.malloc(64);
                }
                assertEquals(full.bytesMapped(), heap.stats().bytesMapped(),
                        "round " + round + ": the owner took the remote frees back instead of mapping more");
                for (long b : blocks) {
                    heap.free(b);
                }
            }
            heap.collect();
            assertEquals(0, heap.stats().bytesInUse());
            assertEquals(0, heap.stats().corruptionsDetected());
        }
    }
}
