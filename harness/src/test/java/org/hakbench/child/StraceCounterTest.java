package org.hakbench.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;

import org.hakbench.results.OsCallCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StraceCounterTest {

    @Test
    void countsOnlyTheMarkingThreadBetweenItsMarkers(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("s.log"), """
                100 mmap(NULL, 8192, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f00
                101 getppid()                         = 99
                101 mmap(NULL, 2097152, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0 <unfinished ...>
                102 munmap(0x7f00, 4096)              = 0
                101 <... mmap resumed>)               = 0x7e00
                101 madvise(0x7e00, 4096, MADV_DONTNEED) = 0
                101 brk(0x5600)                        = 0x5600
                101 munmap(0x7e00, 4096)              = 0
                101 getppid()                         = 99
                101 mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7d00
                """);
        OsCallCounts c = StraceCounter.count(log);
        assertEquals(new OsCallCounts(1, 1, 1, 1, 0, c.source()), c);
        assertEquals(4, c.total());
    }

    @Test
    void missingMarkersAreUnknownNotZero(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("s.log"), "100 mmap(NULL, 1) = 0x1\n");
        OsCallCounts c = StraceCounter.count(log);
        assertFalse(c.known());
        assertEquals(-1, c.total());
    }
}
