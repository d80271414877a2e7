package org.hakbench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RandomMixedTest {

    /**
     * Reference computed by hand (Python big integers, masking to 64 bits) from WORKLOAD.md for
     * seed 42, ws 4: slot indices 3,3,0,3,3,2,2,3,1,3 and sizes 535, 646, 659, 447, 652, 1013.
     */
    @Test
    void firstTenOpsMatchTheHandComputedReference() {
        RecordingAdapter adapter = new RecordingAdapter();
        RandomMixed loop = new RandomMixed(adapter, 4, 42);
        loop.run(10);
        // Blocks are handed out lowest-free-first by the recorder, so frees name the block of the slot.
        assertEquals(List.of("malloc 535", "free block0", "malloc 646", "malloc 659", "free block1",
                "malloc 447", "free block1", "malloc 652", "malloc 1013", "free block1"), adapter.events);
        assertEquals(0x30221e7886bb0e7eL, loop.state());
        assertEquals(10, loop.iterations());
        assertEquals(6, loop.mallocCalls());
        assertEquals(4, loop.freeCalls());
        assertEquals(2, loop.liveBlocks());   // slot 0 holds block 0, slot 1 block 2
    }

    @Test
    void writesTheIterationByteAtFirstAndLastByte() {
        RecordingAdapter adapter = new RecordingAdapter();
        RandomMixed loop = new RandomMixed(adapter, 4, 42);
        loop.run(9);
        // iteration 8 (0-based) malloc'd 1013 bytes into block 2 (blocks 0 and 1 live): mark byte 8
        assertEquals(8, adapter.byteAt(2 * 1024));
        assertEquals(8, adapter.byteAt(2 * 1024 + 1013 - 1));
    }

    @Test
    void seedZeroIsSeedOne() {
        RandomMixed zero = new RandomMixed(new RecordingAdapter(), 8, 0);
        RandomMixed one = new RandomMixed(new RecordingAdapter(), 8, 1);
        zero.run(20);
        one.run(20);
        assertEquals(one.state(), zero.state());
    }

    @Test
    void freeAllEmptiesEverySlot() {
        RecordingAdapter adapter = new RecordingAdapter();
        RandomMixed loop = new RandomMixed(adapter, 16, 7);
        loop.run(100);
        int live = loop.liveBlocks();
        assertEquals(live, loop.freeAll());
        assertEquals(0, loop.liveBlocks());
        assertEquals(loop.mallocCalls(), loop.freeCalls());
    }

    @Test
    void badArgumentsNameTheValue() {
        assertEquals("ws=0: must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> new RandomMixed(new RecordingAdapter(), 0, 1)).getMessage());
        RandomMixed loop = new RandomMixed(new RecordingAdapter(), 4, 1);
        assertEquals("ops=-1: must be >= 0", assertThrows(IllegalArgumentException.class, () -> loop.run(-1)).getMessage());
    }

    @Property(tries = 50)
    void chunkedRunsEqualOneRun(@ForAll @IntRange(min = 1, max = 40) int ws, @ForAll long seed,
                                @ForAll @LongRange(min = 0, max = 300) long first, @ForAll @LongRange(min = 0, max = 300) long second) {
        RecordingAdapter chunkedAdapter = new RecordingAdapter();
        RandomMixed chunked = new RandomMixed(chunkedAdapter, ws, seed);
        chunked.run(first);
        chunked.run(second);
        RecordingAdapter wholeAdapter = new RecordingAdapter();
        RandomMixed whole = new RandomMixed(wholeAdapter, ws, seed);
        whole.run(first + second);
        assertEquals(wholeAdapter.events, chunkedAdapter.events);
        assertEquals(whole.state(), chunked.state());
    }
}
