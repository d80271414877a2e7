package org.hakmem.allocator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hakmem.allocator.AllocatorConfig;
import org.hakmem.allocator.internal.sizeclass.SizeClasses;
import org.hakmem.allocator.internal.slab.Slab;
import org.hakmem.allocator.internal.slab.SlabList;
import org.hakmem.allocator.internal.slab.SlabOwner;
import org.hakmem.allocator.internal.slab.Tier;
import org.junit.jupiter.api.Test;

class SlabTest {

    @Test
    void blockIndexIsExactForEveryOffsetOfEveryBin() {
        Core core = new Core(AllocatorConfig.defaults());
        try {
            SlabOwner owner = new SlabOwner(null, null) { };
            for (int bin = 0; bin < SizeClasses.BIN_COUNT; bin++) {
                Slab slab = core.backend().acquireSlab(bin, owner);
                int bytes = slab.blockBytes;
                assertTrue(slab.blockCount >= 8);
                long span = slab.byteSize();
                // below the slab, inside it, and past its last block: one multiply decides them all
                for (long offset = -span; offset < 2 * span; offset += 8) {
                    long expected = offset >= 0 && offset % bytes == 0 && offset / bytes < slab.blockCount ? offset / bytes : -1;
                    assertEquals(expected, slab.blockIndex(slab.base + offset), "bin " + bin + " offset " + offset);
                }
                for (long address : new long[] {0, 16, -16, Long.MIN_VALUE, Long.MAX_VALUE & ~15,
                        slab.base - (long) bytes, slab.base + (long) slab.blockCount * bytes, slab.base + (1L << 62)}) {
                    assertEquals(-1, slab.blockIndex(address), "bin " + bin + " address " + address);
                    assertTrue(Long.compareUnsigned(slab.indexOf(address), slab.blockCount) >= 0, "bin " + bin + " address " + address);
                }
                assertEquals(-1, slab.blockIndex(slab.base + 8));
                core.backend().releaseSlab(slab);
            }
        } finally {
            core.close();
        }
    }

    @Test
    void takeReadsAheadOnlyAsManyBlocksAsCameBackByRemoteFrees() {
        Core core = new Core(AllocatorConfig.defaults());
        try {
            SlabOwner owner = new SlabOwner(null, null) { };
            Slab slab = core.backend().acquireSlab(5, owner);
            long[] out = new long[slab.blockCount];
            assertEquals(10, slab.take(out, 0, 10));
            assertEquals(0, slab.remoteRecycledBlocks(), "blocks never out did not come back");
            for (int i = 0; i < 6; i++) {
                slab.freeRemote(slab.blockIndex(out[i]));
            }
            assertEquals(0, slab.drainRemote());
            assertEquals(6, slab.remoteRecycledBlocks());
            assertEquals(4, slab.take(out, 0, 4));
            assertEquals(2, slab.remoteRecycledBlocks());
            int taken = slab.take(out, 0, slab.blockCount);
            assertEquals(slab.blockCount - 8, taken, "every block but the 4 + 4 still out");
            assertEquals(0, slab.remoteRecycledBlocks());
            for (int i = 0; i < taken; i++) {
                slab.freeRemote(slab.blockIndex(out[i]));
            }
            slab.drainRemote();
            assertTrue(slab.remoteRecycledBlocks() <= slab.blockCount);
        } finally {
            core.close();
        }
    }

    @Test
    void pageMapFindsASlabOnlyInItsOwnUnits() {
        Core core = new Core(AllocatorConfig.defaults());
        try {
            SlabOwner owner = new SlabOwner(null, null) { };
            Slab slab = core.backend().acquireSlab(0, owner);
            long end = slab.base + slab.byteSize();
            assertSame(slab, core.pageMap().slabAt(slab.base));
            assertSame(slab, core.pageMap().slabAt(end - 1));
            // Other 16 GiB regions go through the root (the first leaf only answers for its own).
            assertNull(core.pageMap().slabAt(slab.base + (16L << 30)));
            assertNull(core.pageMap().slabAt(slab.base - (16L << 30)));
            assertNull(core.pageMap().slabAt(0x1000));
            assertNull(core.pageMap().slabAt(-16));
            assertNull(core.pageMap().slabAt(1L << 47));
            core.backend().releaseSlab(slab);
            assertNull(core.pageMap().slabAt(slab.base));
        } finally {
            core.close();
        }
    }

    @Test
    void slabListsLinkByBaseAndMoveBetweenSiblings() {
        Core core = new Core(AllocatorConfig.defaults());
        try {
            SlabOwner owner = new SlabOwner(null, null) { };
            Slab a = core.backend().acquireSlab(3, owner);
            Slab b = core.backend().acquireSlab(3, owner);
            Slab c = core.backend().acquireSlab(3, owner);
            SlabList available = new SlabList(core.pageMap());
            SlabList full = new SlabList(core.pageMap());
            SlabList.pair(available, full);
            available.addFirst(a);
            available.addFirst(b);
            available.addFirst(c);
            assertSame(c, available.first());
            assertSame(b, available.next(c));
            assertSame(a, available.next(b));
            assertNull(available.next(a));

            full.addFirst(b);                       // from the sibling: unlinked from the middle
            assertEquals(2, available.size());
            assertEquals(1, full.size());
            assertTrue(full.contains(b));
            assertFalse(available.contains(b));
            assertSame(a, available.next(c));
            available.addFirst(a);                  // already first-but-one: moves to the head
            assertSame(a, available.first());
            assertSame(c, available.next(a));
            assertNull(available.next(c));

            SlabList foreign = new SlabList(core.pageMap());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> foreign.addFirst(b));
            assertTrue(e.getMessage().contains(Long.toHexString(b.base)), e.getMessage());
            assertThrows(IllegalStateException.class, () -> foreign.remove(a));

            available.remove(a);
            available.remove(c);
            full.remove(b);
            assertNull(available.first());
            assertNull(full.first());
            assertEquals(0, available.size() + full.size());
            for (Slab s : new Slab[] {a, b, c}) {
                core.backend().releaseSlab(s);
            }
        } finally {
            core.close();
        }
    }

    @Test
    void tiersFollowUtilisation() {
        assertEquals(Tier.FREE, Tier.of(0, 32));
        assertEquals(Tier.DRAINING, Tier.of(1, 32));
        assertEquals(Tier.DRAINING, Tier.of(8, 32));
        assertEquals(Tier.HOT, Tier.of(9, 32));
        assertEquals(Tier.HOT, Tier.of(32, 32));
    }
}
