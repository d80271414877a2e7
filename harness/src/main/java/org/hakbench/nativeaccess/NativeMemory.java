package org.hakbench.nativeaccess;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;

/**
 * Raw reads and writes at native addresses, for workloads that hold allocations as {@code long}
 * addresses (as a C benchmark holds pointers). Unchecked: the caller guarantees the address is
 * inside a live allocation; a wrong address crashes the JVM exactly as it would crash C.
 */
@SuppressWarnings("restricted")   // this package is where the harness is allowed restricted FFM calls
public final class NativeMemory {

    /** All of the address space, so an address is an offset; bounds checks reduce to {@code >= 0}. */
    private static final MemorySegment EVERYTHING = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private NativeMemory() {
    }

    public static void putByte(long address, byte value) {
        EVERYTHING.set(ValueLayout.JAVA_BYTE, address, value);
    }

    public static byte getByte(long address) {
        return EVERYTHING.get(ValueLayout.JAVA_BYTE, address);
    }

    /** Copies byteSize bytes from one address to another (the ranges do not overlap: memcpy). */
    public static void copy(long from, long to, long byteSize) {
        MemorySegment.copy(EVERYTHING, from, EVERYTHING, to, byteSize);
    }

    /** Writes {@code byteSize} copies of {@code value} from {@code address} (memset). */
    public static void fill(long address, long byteSize, byte value) {
        EVERYTHING.asSlice(address, byteSize).fill(value);
    }

    /**
     * Allocates {@code byteSize} bytes that live as long as the process, writes every page once
     * (so first-touch page faults do not land in a measured loop), and returns the address.
     */
    public static long allocateTouched(long byteSize) {
        MemorySegment segment = java.lang.foreign.Arena.global().allocate(byteSize, 4096);
        segment.fill((byte) 0x5A);
        return segment.address();
    }

    /** The native address of a direct buffer's first byte at its position (e.g. Netty's NIO view). */
    public static long addressOf(ByteBuffer directBuffer) {
        if (!directBuffer.isDirect()) {
            throw new IllegalArgumentException("buffer is not direct: " + directBuffer);
        }
        return MemorySegment.ofBuffer(directBuffer).address();
    }
}
