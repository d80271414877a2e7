package org.hakmem.allocator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.hakmem.allocator.internal.policy.RouteTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutesAndCheckedModeTest {

    @Test
    void routeProfilesAreTheSeedsTable() {
        RouteTable hot = new RouteTable(AllocatorConfig.TinyProfile.HOT);
        for (int c = 0; c <= 3; c++) {
            assertEquals(RouteTable.Route.TINY_ONLY, hot.routeOfClass(c));
        }
        for (int c = 4; c <= 6; c++) {
            assertEquals(RouteTable.Route.TINY_FIRST, hot.routeOfClass(c));
        }
        assertEquals(RouteTable.Route.POOL_ONLY, hot.routeOfClass(7));
        for (int c = 0; c < 8; c++) {
            assertEquals(RouteTable.Route.TINY_FIRST, new RouteTable(AllocatorConfig.TinyProfile.CONSERVATIVE).routeOfClass(c));
            assertEquals(RouteTable.Route.POOL_ONLY, new RouteTable(AllocatorConfig.TinyProfile.OFF).routeOfClass(c));
            assertEquals(RouteTable.Route.TINY_ONLY, new RouteTable(AllocatorConfig.TinyProfile.FULL).routeOfClass(c));
        }
    }

    /** The tiny front caches freed blocks per thread; the pool does not. So cacheBytes shows the route taken. */
    @ParameterizedTest
    @CsvSource({"conservative, 8, true", "conservative, 1000, true", "full, 1000, true",
            "off, 8, false", "off, 1000, false", "hot, 8, true", "hot, 1000, false"})
    void eachClassTakesItsRoute(String profile, long byteSize, boolean tinyFront) {
        AllocatorConfig config = AllocatorConfig.defaults().with("HAKMEM_TINY_PROFILE", profile);
        try (HakmemAllocator heap = Hakmem.create(config)) {
            long[] blocks = new long[10];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = heap.malloc(byteSize);
            }
            for (long b : blocks) {
                heap.free(b);
            }
            AllocatorStats s = heap.stats();
            assertEquals(tinyFront, s.cacheBytes() > 0, s.toString());
            assertEquals(0, s.bytesInUse());
        }
    }

    @Test
    void checkedModeCatchesUseAfterFreeWrites() {
        try (HakmemAllocator heap = Hakmem.create(AllocatorConfig.defaults().with("HAKMEM_CHECKED", "1"))) {
            long p = heap.malloc(64);
            heap.free(p);
            MemorySegment.ofAddress(p).reinterpret(64).set(ValueLayout.JAVA_BYTE, 40, (byte) 7);
            var e = assertThrows(IllegalStateException.class, () -> heap.malloc(64));
            assertTrue(e.getMessage().contains("use after free") && e.getMessage().contains(Long.toHexString(p)), e.getMessage());
        }
    }

    @Test
    void checkedModeRefusesDoubleFreeExactly() {
        try (HakmemAllocator heap = Hakmem.create(AllocatorConfig.defaults().with("HAKMEM_CHECKED", "1"))) {
            long p = heap.malloc(24);
            long q = heap.malloc(24);
            heap.free(p);
            // Overwrite everything a key could live in: checked mode still knows the block is free.
            MemorySegment.ofAddress(p).reinterpret(32).fill((byte) 0);
            assertThrows(IllegalArgumentException.class, () -> heap.free(p));
            heap.free(q);
            assertEquals(0, heap.stats().bytesInUse());
            assertEquals(0, heap.stats().cacheBytes(), "checked mode bypasses the thread cache");
        }
    }

    @Test
    void cacheCapacityKnobBoundsCachedBytes() {
        try (HakmemAllocator heap = Hakmem.create(AllocatorConfig.defaults().with("HAKMEM_TINY_CACHE_BLOCKS", "4"))) {
            long[] blocks = new long[100];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = heap.malloc(16);
            }
            for (long b : blocks) {
                heap.free(b);
            }
            assertTrue(heap.stats().cacheBytes() <= 4 * 16, heap.stats().toString());
        }
    }
}
