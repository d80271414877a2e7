package org.hakmem.allocator.internal.os;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Every raw memory access of the allocator. Addresses are plain {@code long}s into memory that
 * {@link OsLayer} mapped; callers have already proved ownership (page map + block checks), so this
 * class does no checking of its own beyond what the FFM API does.
 */
public final class NativeMemory {
    /**
     * One segment over the whole address space: bounds checks against it always pass and its
     * global scope is never closed, so the JIT reduces an access to a plain load or store.
     */
    private static final MemorySegment EVERYTHING = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private NativeMemory() {
    }

    public static long getLong(long address) {
        return EVERYTHING.get(LONG, address);
    }

    public static void putLong(long address, long value) {
        EVERYTHING.set(LONG, address, value);
    }

    public static byte getByte(long address) {
        return EVERYTHING.get(ValueLayout.JAVA_BYTE, address);
    }

    public static void putByte(long address, byte value) {
        EVERYTHING.set(ValueLayout.JAVA_BYTE, address, value);
    }

    public static void fill(long address, long byteSize, byte value) {
        EVERYTHING.asSlice(address, byteSize).fill(value);
    }

    /** Index of the first byte in [address, address + byteSize) that differs from value, or -1. */
    public static long findNot(long address, long byteSize, byte value) {
        for (long i = 0; i < byteSize; i++) {
            if (EVERYTHING.get(ValueLayout.JAVA_BYTE, address + i) != value) {
                return i;
            }
        }
        return -1;
    }

    public static void copy(long fromAddress, long toAddress, long byteSize) {
        MemorySegment.copy(EVERYTHING, fromAddress, EVERYTHING, toAddress, byteSize);
    }

    /** A segment of byteSize bytes at address, for callers that hand memory to FFM users. */
    public static MemorySegment segment(long address, long byteSize) {
        return MemorySegment.ofAddress(address).reinterpret(byteSize);
    }

    /** A segment over byteSize bytes at address in the scope of arena: it dies when the arena closes. */
    public static MemorySegment segment(long address, long byteSize, java.lang.foreign.Arena arena) {
        return MemorySegment.ofAddress(address).reinterpret(byteSize, arena, null);
    }
}
