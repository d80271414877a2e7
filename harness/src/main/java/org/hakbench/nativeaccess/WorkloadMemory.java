package org.hakbench.nativeaccess;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Raw reads and writes at addresses an allocator under test returned. The workloads touch blocks only
 * through this class, so the harness keeps its unchecked memory access in this one package.
 * Callers guarantee that {@code address .. address + byteSize} lies inside a live block.
 */
public final class WorkloadMemory {
    /** The whole address space: blocks come from foreign allocators, so no narrower segment exists. */
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    /** Opaque access: each write and read really happens (no fences on x86), which false-sharing loops need. */
    private static final VarHandle BYTE = ValueLayout.JAVA_BYTE.varHandle();
    private static final ValueLayout.OfLong LONG_UNALIGNED = ValueLayout.JAVA_LONG_UNALIGNED;

    private WorkloadMemory() {
    }

    public static void putByte(long address, byte value) {
        ALL.set(ValueLayout.JAVA_BYTE, address, value);
    }

    public static byte getByte(long address) {
        return ALL.get(ValueLayout.JAVA_BYTE, address);
    }

    /** Writes then reads back one byte with opaque access; returns what was read. */
    public static byte touchByte(long address, byte value) {
        BYTE.setOpaque(ALL, address, value);
        return (byte) BYTE.getOpaque(ALL, address);
    }

    public static void putLong(long address, long value) {
        ALL.set(LONG_UNALIGNED, address, value);
    }

    public static long getLong(long address) {
        return ALL.get(LONG_UNALIGNED, address);
    }

    public static void fill(long address, long byteSize, byte value) {
        ALL.asSlice(address, byteSize).fill(value);
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
