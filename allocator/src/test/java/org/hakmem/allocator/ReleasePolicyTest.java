package org.hakmem.allocator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * FAST keeps superslabs, LEAN gives them back down to its target; the syscall counts of each
 * phase are exact: the release policy is the only reason to call munmap or madvise on superslabs.
 */
class ReleasePolicyTest {
    private static final int BLOCKS = 120_000;       // 120k x 512 B: about 30 superslabs
    private static final long SUPERSLAB = 2L << 20;

    private static long[] burst(HakmemAllocator heap) {
        long[] blocks = new long[BLOCKS];
        for (int i = 0; i < BLOCKS; i++) {
            blocks[i] = heap.malloc(500);
        }
        return blocks;
    }

    private static void freeAll(HakmemAllocator heap, long[] blocks) {
        for (long b : blocks) {
            heap.free(b);
        }
        heap.collect();
    }

    @Test
    void fastKeepsEverySuperslabAndReusesIt() {
        AllocatorConfig config = AllocatorConfig.defaults().with("HAKMEM_SS_PREWARM", "0");
        try (HakmemAllocator heap = Hakmem.create(config)) {
            long[] blocks = burst(heap);
            AllocatorStats full = heap.stats();
            assertTrue(full.liveSuperslabs() >= 25, full.toString());
            freeAll(heap, blocks);
            AllocatorStats empty = heap.stats();
            assertEquals(full.munmapCalls(), empty.munmapCalls(), "FAST never unmaps");
            assertEquals(full.madviseCalls(), empty.madviseCalls(), "FAST never purges");
            assertEquals(full.bytesMapped(), empty.bytesMapped());
            assertEquals(0, empty.liveSuperslabs());
            assertEquals(full.liveSuperslabs(), empty.keptSuperslabs());
            long[] again = burst(heap);
            assertEquals(empty.mmapCalls(), heap.stats().mmapCalls(), "the second burst reuses kept superslabs");
            freeAll(heap, again);
        }
    }

    @Test
    void leanUnmapsDownToItsTargetAndKeepsTheRestDecommitted() {
        AllocatorConfig config = AllocatorConfig.fromEnvironment(java.util.Map.of(
                "HAKMEM_SS_MEM_LEAN", "1", "HAKMEM_SS_MEM_LEAN_TARGET_MB", "10", "HAKMEM_SS_MEM_LEAN_DECOMMIT", "DONTNEED"));
        try (HakmemAllocator heap = Hakmem.create(config)) {
            AllocatorStats start = heap.stats();
            assertEquals(0, start.mmapCalls(), "LEAN skips prewarm");
            long[] blocks = burst(heap);
            AllocatorStats full = heap.stats();
            freeAll(heap, blocks);
            AllocatorStats empty = heap.stats();
            assertEquals(0, empty.liveSuperslabs());
            assertTrue(empty.bytesMapped() <= 10L << 20, "LEAN holds at most its target: " + empty);
            assertEquals(full.mmapCalls(), empty.mmapCalls(), "freeing maps nothing");
            assertEquals((full.bytesMapped() - empty.bytesMapped()) / SUPERSLAB, empty.munmapCalls() - full.munmapCalls(),
                    "exactly one munmap per released superslab");
            assertEquals(empty.keptSuperslabs(), empty.madviseCalls() - full.madviseCalls(),
                    "exactly one madvise per kept superslab");
            assertEquals(empty.keptSuperslabs() * SUPERSLAB, empty.bytesMapped());
        }
    }

    @Test
    void leanWithDecommitOffKeepsWithoutMadvise() {
        AllocatorConfig config = AllocatorConfig.fromEnvironment(java.util.Map.of("HAKMEM_PROFILE", "MIXED_TINYV3_C7_BALANCED"));
        try (HakmemAllocator heap = Hakmem.create(config)) {
            freeAll(heap, burst(heap));
            AllocatorStats s = heap.stats();
            assertEquals(0, s.madviseCalls(), s.toString());
            assertTrue(s.bytesMapped() <= 10L << 20, s.toString());
        }
    }

    @Test
    void leanWaitsOutItsDelayBeforeUnmappingAndReusesMeanwhileWithoutSyscalls() {
        AllocatorConfig config = AllocatorConfig.fromEnvironment(java.util.Map.of(
                "HAKMEM_SS_MEM_LEAN", "1", "HAKMEM_SS_MEM_LEAN_DELAY_MS", "60000"));
        try (HakmemAllocator heap = Hakmem.create(config)) {
            long[] blocks = burst(heap);
            AllocatorStats full = heap.stats();
            for (long b : blocks) {
                heap.free(b);
            }
            AllocatorStats waiting = heap.stats();
            assertEquals(full.munmapCalls(), waiting.munmapCalls(), "nothing unmapped before the delay");
            long[] again = burst(heap);
            // Every waiting superslab is reused; only a DRAINING one (it holds the slab of the blocks
            // still cached) takes no new slabs, so exactly that many are mapped anew.
            assertEquals(full.bytesMapped() + waiting.drainingSuperslabs() * SUPERSLAB, heap.stats().bytesMapped(),
                    "the waiting superslabs are reused without a syscall: " + waiting);
            freeAll(heap, again);   // collect() purges at once, delay or not
            AllocatorStats purged = heap.stats();
            assertEquals(0, purged.bytesMapped(), purged.toString());
            assertEquals(full.bytesMapped() / SUPERSLAB + waiting.drainingSuperslabs(), purged.munmapCalls() - full.munmapCalls());
        }
        AllocatorConfig noDelay = config.with("HAKMEM_SS_MEM_LEAN_DELAY_MS", "0");
        try (HakmemAllocator heap = Hakmem.create(noDelay)) {
            long[] blocks = burst(heap);
            AllocatorStats full = heap.stats();
            for (long b : blocks) {
                heap.free(b);
            }
            assertTrue(heap.stats().munmapCalls() - full.munmapCalls() >= full.liveSuperslabs() - 2,
                    "with no delay, superslabs go as they empty: " + heap.stats());
        }
    }

    @Test
    void largeBlocksAreMappedAndUnmappedOneCallEach() {
        try (HakmemAllocator heap = Hakmem.create(AllocatorConfig.defaults())) {
            AllocatorStats before = heap.stats();
            long p = heap.malloc(3 << 20);
            AllocatorStats during = heap.stats();
            assertEquals(1, during.largeMaps() - before.largeMaps());
            heap.free(p);
            AllocatorStats after = heap.stats();
            assertEquals(1, after.munmapCalls() - during.munmapCalls());
            assertEquals(before.bytesMapped(), after.bytesMapped());
        }
    }
}
