package org.hakmem.allocator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random malloc / realloc / free sequences. Every live block carries a pattern unique to it and
 * is verified before it is resized or freed, so any overlap between live blocks or any corruption
 * by the allocator's own bookkeeping fails the property.
 */
class RandomSequencePropertyTest {

    record Action(int kind, long byteSize, int target) {
    }

    @Provide
    Arbitrary<Action> actions() {
        Arbitrary<Long> sizes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(0, 1024)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1025, 65536)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(65537, 400_000)));
        return Combinators.combine(Arbitraries.integers().between(0, 9), sizes, Arbitraries.integers().between(0, 1 << 20))
                .as(Action::new);
    }

    @Property(tries = 60)
    void liveBlocksNeverOverlapOrChange(@ForAll @Size(max = 400) List<@net.jqwik.api.From("actions") Action> script,
                                        @ForAll boolean lean) {
        AllocatorConfig config = lean ? AllocatorConfig.defaults().with("HAKMEM_SS_MEM_LEAN", "1") : AllocatorConfig.defaults();
        try (HakmemAllocator heap = Hakmem.create(config)) {
            List<long[]> live = new ArrayList<>();   // {address, byteSize, tag}
            long tag = 1;
            for (Action a : script) {
                if (a.kind() < 5 || live.isEmpty()) {
                    long p = heap.malloc(a.byteSize());
                    fill(p, a.byteSize(), tag);
                    live.add(new long[] {p, a.byteSize(), tag++});
                } else if (a.kind() < 7) {
                    long[] b = live.get(a.target() % live.size());
                    verify(b);
                    long q = heap.realloc(b[0], a.byteSize());
                    verifyPrefix(q, Math.min(b[1], a.byteSize()), stride(b[1]), b[2]);
                    fill(q, a.byteSize(), tag);
                    b[0] = q;
                    b[1] = a.byteSize();
                    b[2] = tag++;
                } else {
                    long[] b = live.remove(a.target() % live.size());
                    verify(b);
                    heap.free(b[0]);
                }
            }
            for (long[] b : live) {
                verify(b);
                heap.free(b[0]);
            }
            assertEquals(0, heap.stats().bytesInUse());
        }
    }

    private static byte patternByte(long tag, long i) {
        return (byte) (tag * 31 + i * 7);
    }

    /** Large blocks are patterned every 61st byte to keep the property fast; small ones fully. */
    private static int stride(long byteSize) {
        return byteSize > 4096 ? 61 : 1;
    }

    private static void fill(long address, long byteSize, long tag) {
        MemorySegment s = MemorySegment.ofAddress(address).reinterpret(byteSize);
        for (long i = 0; i < byteSize; i += stride(byteSize)) {
            s.set(ValueLayout.JAVA_BYTE, i, patternByte(tag, i));
        }
    }

    private static void verify(long[] block) {
        verifyPrefix(block[0], block[1], stride(block[1]), block[2]);
    }

    private static void verifyPrefix(long address, long byteSize, int stride, long tag) {
        MemorySegment s = MemorySegment.ofAddress(address).reinterpret(byteSize);
        for (long i = 0; i < byteSize; i += stride) {
            if (s.get(ValueLayout.JAVA_BYTE, i) != patternByte(tag, i)) {
                throw new AssertionError("block 0x" + Long.toHexString(address) + " (tag " + tag + ") changed at byte " + i);
            }
        }
    }
}
