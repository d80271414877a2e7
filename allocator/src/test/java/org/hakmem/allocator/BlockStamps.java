package org.hakmem.allocator;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Content checks for stress tests. A block is {address, byteSize, tag}: the tag goes at both ends
 * of the block (one byte for blocks under 16 B, where two longs would overlap; nothing for 0 B),
 * and a block handed out twice or written by someone else fails the check at free.
 */
final class BlockStamps {
    private BlockStamps() {
    }

    static void stamp(long[] b) {
        MemorySegment s = MemorySegment.ofAddress(b[0]).reinterpret(Math.max(b[1], 1));
        if (b[1] >= 16) {
            s.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, b[2]);
            s.set(ValueLayout.JAVA_LONG_UNALIGNED, b[1] - 8, ~b[2]);
        } else if (b[1] > 0) {
            s.set(ValueLayout.JAVA_BYTE, b[1] - 1, (byte) b[2]);
        }
    }

    static void check(long[] b) {
        MemorySegment s = MemorySegment.ofAddress(b[0]).reinterpret(Math.max(b[1], 1));
        boolean intact = b[1] >= 16
                ? s.get(ValueLayout.JAVA_LONG_UNALIGNED, 0) == b[2] && s.get(ValueLayout.JAVA_LONG_UNALIGNED, b[1] - 8) == ~b[2]
                : b[1] == 0 || s.get(ValueLayout.JAVA_BYTE, b[1] - 1) == (byte) b[2];
        if (!intact) {
            throw new AssertionError("block 0x" + Long.toHexString(b[0]) + " of " + b[1] + " B was corrupted");
        }
    }
}
