package org.hakbench.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** mtrace parsing: every record kind, addresses remapped to reused dense slots, unknown frees, bad lines. */
class MallocTraceTest {

    @Test
    void everyRecordKindIsParsedAndAddressesBecomeDenseReusedSlots() {
        MallocTrace t = MallocTrace.parse(List.of(
                "= Start",
                "@ /usr/bin/prog:(main+1a)[0x1234] + 0x55a0000010 0x20",
                "@ /usr/bin/prog:[0x1235] + 0x55a0000040 0x100",
                "@ [0x1236] - 0x55a0000010",
                "@ /usr/bin/prog:[0x1237] + 0x55a0000090 0x8",          // reuses slot 0
                "@ /usr/lib/libc.so.6:(realloc+9)[0x1] < 0x55a0000040",
                "@ /usr/lib/libc.so.6:(realloc+9)[0x1] > 0x55a0000200 0x400",
                "@ /usr/bin/prog:[0x1238] - 0x7f0000000000",            // allocated before tracing
                "= End"), "t");
        assertArrayEquals(new byte[] {MallocTrace.MALLOC, MallocTrace.MALLOC, MallocTrace.FREE, MallocTrace.MALLOC, MallocTrace.REALLOC},
                t.kinds());
        assertArrayEquals(new int[] {0, 1, 0, 0, 1}, t.slots());
        assertEquals(1, t.newSlots()[4], "the realloc's new block takes the slot its old block freed");
        assertArrayEquals(new long[] {0x20, 0x100, 0, 0x8, 0x400}, t.sizes());
        assertEquals(2, t.slotCount());
        assertEquals(1, t.unknownFrees());
        assertEquals(0x8 + 0x400, t.peakLiveBytes());
        assertEquals(3, t.count(MallocTrace.MALLOC));
    }

    @Test
    void peakLiveBytesAndSlotCountFollowTheLiveSet() {
        MallocTrace t = MallocTrace.parse(List.of(
                "@ [0x1] + 0xa 0x10", "@ [0x1] + 0xb 0x20", "@ [0x1] - 0xa", "@ [0x1] + 0xc 0x30", "@ [0x1] - 0xb", "@ [0x1] - 0xc"), "t");
        assertEquals(2, t.slotCount(), "at most two blocks live at once");
        assertEquals(0x20 + 0x30, t.peakLiveBytes());
        long[] h = t.sizeHistogram();
        assertEquals(1, h[5]);   // 16..31
        assertEquals(2, h[6]);   // 32..63
    }

    @Test
    void aBadOrCutOffLineIsRefusedNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MallocTrace.parse(List.of("@ [0x1] + 0xa 0x10", "garbage here"), "f.trace.gz"));
        assertTrue(e.getMessage().startsWith("f.trace.gz: line 2: not an mtrace line"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MallocTrace.parse(List.of("@ [0x1] + 0xa 0xZZ"), "f"));
        assertTrue(e.getMessage().contains("line 1: size 0xZZ is not a hex number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MallocTrace.parse(List.of("@ [0x1] + 0xa 0x10", "@ [0x1] < 0xa"), "f"));
        assertTrue(e.getMessage().contains("line 2: realloc '<' without its '>' line (trace cut off?)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MallocTrace.parse(List.of("@ [0x1] > 0xa 0x10"), "f"));
        assertTrue(e.getMessage().contains("line 1: realloc '>' without its '<' line"), e.getMessage());
    }
}
