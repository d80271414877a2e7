package org.hakmem.allocator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;

import org.hakmem.allocator.internal.os.OsLayer;
import org.junit.jupiter.api.Test;

class OsLayerTest {

    @Test
    void mapsAlignedCountsEveryCallAndRefusesForeignRanges() {
        OsLayer os = new OsLayer();
        long a = os.map(2 << 20, 2 << 20, false, false);
        assertEquals(0, a & ((2 << 20) - 1));
        assertEquals(2 << 20, os.mappedBytes());
        assertEquals(1 + 2 * os.alignmentRetries(), os.mmapCalls());
        assertTrue(os.advise(a, 4096, OsLayer.MADV_DONTNEED));
        assertEquals(1, os.madviseCalls());
        try (Arena arena = Arena.ofConfined()) {
            long foreign = arena.allocate(8192, 4096).address();
            assertThrows(IllegalStateException.class, () -> os.advise(foreign, 4096, OsLayer.MADV_DONTNEED));
            assertThrows(IllegalStateException.class, () -> os.unmap(foreign, 4096));
        }
        assertThrows(IllegalStateException.class, () -> os.unmap(a, 4096), "only whole mappings are unmapped");
        assertThrows(IllegalStateException.class, () -> os.advise(a + (2 << 20) - 4096, 8192, OsLayer.MADV_FREE),
                "a range running past our mapping");
        assertEquals(1, os.madviseCalls(), "refused calls never reach the kernel");
        long munmapsBefore = os.munmapCalls();
        os.unmap(a, 2 << 20);
        assertEquals(munmapsBefore + 1, os.munmapCalls());
        assertEquals(0, os.mappedBytes());
        assertThrows(IllegalArgumentException.class, () -> os.map(100, 4096, false, false));
        assertThrows(IllegalArgumentException.class, () -> os.map(4096, 3000, false, false));
    }
}
