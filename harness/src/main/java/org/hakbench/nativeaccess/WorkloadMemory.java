package org.hakbench.nativeaccess;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The raw accesses the multi-threaded workloads need beyond {@link NativeMemory}: opaque byte touches
 * (false-sharing loops, whose writes the JIT must not merge or drop) and the 8-byte tags of content
 * verification. Callers guarantee that the bytes lie inside a live block.
 */
public final class WorkloadMemory {
    /** The whole address space: blocks come from foreign allocators, so no narrower segment exists. */
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    /** Opaque access: every write and read really happens, in order, without fences on x86. */
    private static final VarHandle BYTE = ValueLayout.JAVA_BYTE.varHandle();

    private WorkloadMemory() {
    }

    /** Writes then reads back one byte with opaque access; returns what was read. */
    public static byte touchByte(long address, byte value) {
        BYTE.setOpaque(ALL, address, value);
        return (byte) BYTE.getOpaque(ALL, address);
    }

    public static void putLong(long address, long value) {
        ALL.set(ValueLayout.JAVA_LONG_UNALIGNED, address, value);
    }

    public static long getLong(long address) {
        return ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, address);
    }

    /** Offset of the first byte in {@code address .. address + byteSize} that differs from value, or -1. */
    public static long firstMismatch(long address, long byteSize, byte value) {
        for (long k = 0; k < byteSize; k++) {
            if (ALL.get(ValueLayout.JAVA_BYTE, address + k) != value) {
                return k;
            }
        }
        return -1;
    }
}
