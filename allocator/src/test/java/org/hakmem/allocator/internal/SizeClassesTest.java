package org.hakmem.allocator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hakmem.allocator.internal.sizeclass.SizeClasses;
import org.junit.jupiter.api.Test;

class SizeClassesTest {

    @Test
    void everySizeGetsTheSmallestFittingAlignedBin() {
        for (long size = 0; size <= SizeClasses.MAX_SMALL_BYTES; size++) {
            int bin = SizeClasses.binOf(size);
            int bytes = SizeClasses.blockBytes(bin);
            assertTrue(bytes >= size, "size " + size);
            assertEquals(0, bytes % 16, "bin " + bin + " is not 16-byte aligned");
            if (bin > 1) {
                assertTrue(SizeClasses.blockBytes(bin - 1) < size || bin == 2 && size <= 16,
                        "size " + size + " would fit the smaller bin " + (bin - 1));
            }
        }
    }

    @Test
    void tinyClassesAreTheSeedsC0ToC7() {
        long[][] ranges = {{0, 8}, {9, 16}, {17, 32}, {33, 64}, {65, 128}, {129, 256}, {257, 512}, {513, 1024}};
        for (int c = 0; c < ranges.length; c++) {
            for (long size = ranges[c][0]; size <= ranges[c][1]; size++) {
                assertEquals(c, SizeClasses.tinyClassOf(SizeClasses.binOf(size)), "size " + size);
            }
        }
        assertEquals(-1, SizeClasses.tinyClassOf(SizeClasses.binOf(1025)));
    }

    /** Power-of-two classes would waste about 25% on uniform sizes; four bins per doubling keep it near 8%. */
    @Test
    void internalWasteOnTheReferenceWorkloadIsLow() {
        double requested = 0;
        double handedOut = 0;
        for (long size = 16; size <= 1024; size++) {
            requested += size;
            handedOut += SizeClasses.blockBytes(SizeClasses.binOf(size));
        }
        double waste = 1 - requested / handedOut;
        assertTrue(waste < 0.10, "waste " + waste);
        double pow2 = 0;
        for (long size = 16; size <= 1024; size++) {
            pow2 += Long.highestOneBit(size - 1) << 1;
        }
        assertTrue(1 - requested / pow2 > 0.2, "the power-of-two comparison is what the bins improve on");
    }

    @Test
    void alignedBinsAreNaturallyAlignedPowersOfTwo() {
        assertEquals(64, SizeClasses.blockBytes(SizeClasses.alignedBinOf(40, 64)));
        assertEquals(128, SizeClasses.blockBytes(SizeClasses.alignedBinOf(100, 32)));
        assertEquals(4096, SizeClasses.blockBytes(SizeClasses.alignedBinOf(1, 4096)));
        assertEquals(-1, SizeClasses.alignedBinOf(70_000, 64));
    }
}
