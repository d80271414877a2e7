package org.hakmem.allocator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HakmemAllocatorTest {
    private HakmemAllocator heap;

    @BeforeEach
    void open() {
        heap = Hakmem.create(AllocatorConfig.defaults());
    }

    @AfterEach
    void close() {
        heap.close();
    }

    private static MemorySegment at(long address, long byteSize) {
        return MemorySegment.ofAddress(address).reinterpret(byteSize);
    }

    @Test
    void mallocZeroGivesUniqueFreeableAddresses() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            long p = heap.malloc(0);
            assertNotEquals(0, p);
            assertTrue(seen.add(p), "malloc(0) repeated an address while the first was live");
        }
        seen.forEach(heap::free);
        assertEquals(0, heap.stats().bytesInUse());
    }

    @Test
    void freeOfNullIsANoOp() {
        heap.free(0);
        assertEquals(0, heap.stats().bytesInUse());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 8, 9, 15, 16, 17, 100, 513, 1000, 1024, 1025, 4000, 65536, 65537, 300_000, 5_000_000})
    void blocksAreAlignedUsableAndHoldTheirBytes(long byteSize) {
        long p = heap.malloc(byteSize);
        assertEquals(0, p & 15, "16-byte alignment");
        assertTrue(heap.usableSize(p) >= byteSize);
        MemorySegment s = at(p, byteSize);
        s.fill((byte) 0x5A);
        assertEquals((byte) 0x5A, s.get(ValueLayout.JAVA_BYTE, byteSize - 1));
        assertTrue(heap.stats().bytesInUse() >= byteSize);
        heap.free(p);
        assertEquals(0, heap.stats().bytesInUse());
    }

    @Test
    void callocZeroesRecycledMemory() {
        long p = heap.malloc(256);
        at(p, 256).fill((byte) 0xFF);
        heap.free(p);
        long q = heap.calloc(16, 16);
        MemorySegment s = at(q, 256);
        for (long i = 0; i < 256; i++) {
            assertEquals(0, s.get(ValueLayout.JAVA_BYTE, i), "byte " + i);
        }
        heap.free(q);
    }

    @Test
    void callocRefusesOverflowAndNegativeSizes() {
        var e = assertThrows(IllegalArgumentException.class, () -> heap.calloc(Long.MAX_VALUE / 2, 4));
        assertTrue(e.getMessage().contains("overflow"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> heap.calloc(-1, 4)).getMessage().contains("count=-1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> heap.malloc(-5)).getMessage().contains("byteSize=-5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> heap.realloc(0, -1)).getMessage().contains("newByteSize=-1"));
    }

    @Test
    void reallocKeepsContentWhenGrowingAndShrinking() {
        long p = heap.malloc(40);
        for (int i = 0; i < 40; i++) {
            at(p, 40).set(ValueLayout.JAVA_BYTE, i, (byte) i);
        }
        long q = heap.realloc(p, 5000);
        for (int i = 0; i < 40; i++) {
            assertEquals((byte) i, at(q, 40).get(ValueLayout.JAVA_BYTE, i));
        }
        long r = heap.realloc(q, 200_000);
        long s = heap.realloc(r, 10);
        for (int i = 0; i < 10; i++) {
            assertEquals((byte) i, at(s, 10).get(ValueLayout.JAVA_BYTE, i));
        }
        assertThrows(IllegalArgumentException.class, () -> heap.usableSize(p), "the old block was freed by realloc");
        heap.free(s);
        assertEquals(0, heap.stats().bytesInUse());
    }

    @Test
    void reallocOfNullMallocsAndToZeroGivesAFreeableBlock() {
        long p = heap.realloc(0, 64);
        assertNotEquals(0, p);
        long q = heap.realloc(p, 0);
        assertNotEquals(0, q);
        heap.free(q);
        assertEquals(0, heap.stats().bytesInUse());
    }

    @Test
    void segmentAllocatorHandsOutAlignedHakmemMemory() {
        var allocator = heap.segmentAllocator();
        for (long alignment : new long[] {1, 8, 16, 64, 256, 4096, 65536, 1 << 20}) {
            MemorySegment s = allocator.allocate(100, alignment);
            assertEquals(0, s.address() % alignment, "alignment " + alignment);
            assertEquals(100, s.byteSize());
            s.fill((byte) 1);
            assertTrue(heap.usableSize(s.address()) >= 100);
            heap.free(s.address());
        }
        MemorySegment ints = allocator.allocateFrom(ValueLayout.JAVA_INT, 1, 2, 3);
        assertEquals(3, ints.getAtIndex(ValueLayout.JAVA_INT, 2));
        heap.free(ints.address());
        assertEquals(0, heap.stats().bytesInUse());
    }

    @Test
    void foreignPointersAreRefusedAndTheAllocatorStaysIntact() {
        try (Arena arena = Arena.ofConfined()) {
            long foreign = arena.allocate(64).address();
            var e = assertThrows(IllegalArgumentException.class, () -> heap.free(foreign));
            assertTrue(e.getMessage().contains(Long.toHexString(foreign)), e.getMessage());
            assertTrue(e.getMessage().contains("not owned"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> heap.realloc(foreign, 10));
            assertThrows(IllegalArgumentException.class, () -> heap.usableSize(foreign));
        }
        assertThrows(IllegalArgumentException.class, () -> heap.free(-16));
        assertThrows(IllegalArgumentException.class, () -> heap.free(0x10));
        long p = heap.malloc(32);
        heap.free(p);
        assertEquals(0, heap.stats().bytesInUse());
    }

    @ParameterizedTest
    @ValueSource(longs = {24, 100, 3000, 200_000})
    void interiorPointersAreRefused(long byteSize) {
        long p = heap.malloc(byteSize);
        var e = assertThrows(IllegalArgumentException.class, () -> heap.free(p + 8));
        assertTrue(e.getMessage().contains(Long.toHexString(p + 8)) && e.getMessage().contains("interior"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> heap.realloc(p + 8, 10));
        heap.free(p);
        assertEquals(0, heap.stats().bytesInUse());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 24, 100, 1024, 3000, 200_000})
    void doubleFreeIsRefusedAndStateStaysIntact(long byteSize) {
        long p = heap.malloc(byteSize);
        long q = heap.malloc(byteSize);
        heap.free(p);
        var e = assertThrows(IllegalArgumentException.class, () -> heap.free(p));
        assertTrue(e.getMessage().contains(Long.toHexString(p)), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> heap.realloc(p, 8));
        // The block is handed out exactly once afterwards.
        long r = heap.malloc(byteSize);
        long s = heap.malloc(byteSize);
        assertNotEquals(r, s);
        heap.free(q);
        heap.free(r);
        heap.free(s);
        assertEquals(0, heap.stats().bytesInUse());
    }

    @Test
    void freeOfABlockNeverHandedOutIsRefused() {
        long p = heap.malloc(48);
        // The neighbouring block is in the thread cache or free in the slab, never allocated.
        assertThrows(IllegalArgumentException.class, () -> heap.free(p + 48));
        assertThrows(IllegalArgumentException.class, () -> heap.free(p + 48 * 100));
        heap.free(p);
    }

    @Test
    void remoteDoubleFreeIsRefused() throws Exception {
        long p = heap.malloc(64);
        Thread t = new Thread(() -> heap.free(p));
        t.start();
        t.join();
        var failure = new Throwable[1];
        Thread u = new Thread(() -> {
            try {
                heap.free(p);
            } catch (IllegalArgumentException e) {
                failure[0] = e;
            }
        });
        u.start();
        u.join();
        assertTrue(failure[0] != null && failure[0].getMessage().contains("double free"));
        assertEquals(0, heap.stats().bytesInUse());
        assertEquals(0, heap.stats().corruptionsDetected());
    }

    @Test
    void blockFreedByAnotherThreadIsRefusedUntilHandedOutAgain() throws Exception {
        long p = heap.malloc(64);
        long q = heap.malloc(64);
        Thread t = new Thread(() -> heap.free(p));
        t.start();
        t.join();
        // Waiting in the slab's remote bitmap: not live for realloc and usableSize, nor for a
        // second free from another thread (remoteDoubleFreeIsRefused).
        assertThrows(IllegalArgumentException.class, () -> heap.usableSize(p));
        assertThrows(IllegalArgumentException.class, () -> heap.realloc(p, 8));
        // Once the owner took it back and handed it out again, it is an ordinary live block.
        heap.free(q);
        java.util.Set<Long> handedOut = new java.util.HashSet<>();
        for (int i = 0; i < 5000 && !handedOut.contains(p); i++) {
            handedOut.add(heap.malloc(64));
        }
        assertTrue(handedOut.contains(p), "the remotely freed block comes back to its owner");
        assertEquals(64, heap.usableSize(p));
        handedOut.forEach(heap::free);
        assertEquals(0, heap.stats().bytesInUse());
        assertEquals(0, heap.stats().corruptionsDetected());
    }

    @Test
    void doubleFreeDeeperInTheCacheIsCaughtWhenTheBlockGoesBackToItsSlab() {
        // Default mode checks only metadata on a local free: free(p); free(q); free(p) is not refused
        // on the spot (HAKMEM_CHECKED=1 refuses it), but the copy is found and dropped when the
        // cache returns its blocks, and the accounting comes out right.
        long p = heap.malloc(40);
        long q = heap.malloc(40);
        heap.free(p);
        heap.free(q);
        boolean refused = false;
        try {
            heap.free(p);
        } catch (IllegalArgumentException e) {
            refused = true;
        }
        heap.collect();
        AllocatorStats s = heap.stats();
        assertEquals(1, (refused ? 1 : 0) + s.corruptionsDetected(), s.toString());
        assertEquals(0, s.bytesInUse(), s.toString());
        assertEquals(0, s.cacheBytes(), s.toString());
    }

    @Test
    void closedInstanceRefusesWork() {
        HakmemAllocator other = Hakmem.create(AllocatorConfig.defaults());
        long p = other.malloc(10);
        other.close();
        assertThrows(IllegalStateException.class, () -> other.malloc(10));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> other.free(p));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertEquals(0, other.stats().bytesMapped());
    }

    @Test
    void defaultInstanceServesStaticApiAndCannotBeClosed() {
        long p = Hakmem.malloc(100);
        assertTrue(Hakmem.usableSize(p) >= 100);
        long q = Hakmem.realloc(p, 300);
        long r = Hakmem.calloc(3, 7);
        Hakmem.free(q);
        Hakmem.free(r);
        assertTrue(Hakmem.stats().mmapCalls() > 0);
        assertThrows(IllegalStateException.class, () -> Hakmem.instance().close());
        MemorySegment s = Hakmem.segmentAllocator().allocate(ValueLayout.JAVA_LONG);
        s.set(ValueLayout.JAVA_LONG, 0, 7L);
        Hakmem.free(s.address());
    }
}
