package org.hakmem.allocator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hakmem.allocator.internal.os.FaultInjection;
import org.hakmem.allocator.internal.os.OsLayer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sizes no mapping can hold return 0 as malloc documents (before: the page rounding overflowed near
 * Long.MAX_VALUE and the OS layer threw "byteSize=-..."), alignment edge cases, and the OS layer's
 * error paths driven by {@link FaultInjection}: ENOMEM is 0, another errno an exception naming it, and a
 * failed munmap keeps the mapping counted.
 */
class HugeSizesAndOsFaultsTest {
    private HakmemAllocator heap;

    @BeforeEach
    void open() {
        heap = Hakmem.create(AllocatorConfig.defaults());
    }

    @AfterEach
    void close() {
        FaultInjection.clear();
        heap.close();
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MAX_VALUE, Long.MAX_VALUE - 4095, Long.MAX_VALUE - 4096 * 2 + 1, (1L << 47) + 1, 1L << 50, 1L << 62})
    void sizesNoMappingCanHoldReturnZero(long byteSize) {
        long callsBefore = heap.stats().mmapCalls();
        assertEquals(0, heap.malloc(byteSize), "byteSize=" + byteSize);
        assertEquals(0, heap.mallocAligned(byteSize, 1 << 16), "aligned byteSize=" + byteSize);
        assertEquals(callsBefore, heap.stats().mmapCalls(), "refused before asking the kernel");
    }

    @Test
    void alignmentEdgeCases() {
        assertThrows(IllegalArgumentException.class, () -> heap.mallocAligned(64, 0));
        assertThrows(IllegalArgumentException.class, () -> heap.mallocAligned(64, 3));
        assertThrows(IllegalArgumentException.class, () -> heap.mallocAligned(64, -8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> heap.mallocAligned(64, 48));
        assertTrue(e.getMessage().contains("byteAlignment=48"), e.getMessage());
        assertEquals(0, heap.mallocAligned(64, Long.MIN_VALUE >>> 1), "an alignment above the address space is refused with 0");
        for (long alignment = 1; alignment <= 1 << 22; alignment <<= 1) {
            long p = heap.mallocAligned(100, alignment);
            assertNotEquals(0, p);
            assertEquals(0, p & (alignment - 1), "alignment=" + alignment);
            heap.free(p);
        }
    }

    @Test
    void enomemFromTheKernelIsZeroAndTheNextCallWorks() {
        FaultInjection.failNextMmaps(1, OsLayer.ENOMEM);
        assertEquals(0, heap.malloc(1 << 20));
        long p = heap.malloc(1 << 20);
        assertNotEquals(0, p);
        heap.free(p);
    }

    @Test
    void anotherMmapErrnoIsAnExceptionNamingIt() {
        FaultInjection.failNextMmaps(1, 22);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> heap.malloc(1 << 20));
        assertTrue(e.getMessage().contains("errno=22"), e.getMessage());
    }

    @Test
    void aFailedMunmapKeepsTheMappingCountedAndTheBlockFreeable() {
        long p = heap.malloc(1 << 20);
        long mapped = heap.stats().bytesMapped();
        FaultInjection.failNextMunmaps(1, 22);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> heap.free(p));
        assertTrue(e.getMessage().contains("errno=22"), e.getMessage());
        assertEquals(mapped, heap.stats().bytesMapped(), "still mapped, still counted");
        heap.free(p);   // the kernel works again: the same block frees
        assertEquals(mapped - (1 << 20), heap.stats().bytesMapped());
    }
}
