package org.hakmem.allocator;

import java.lang.foreign.SegmentAllocator;

import org.hakmem.allocator.internal.Core;
import org.hakmem.allocator.internal.os.NativeMemory;

/**
 * One hakmem allocator instance with its own superslabs, thread caches and OS counters. Build one
 * with {@link Hakmem#create(AllocatorConfig)}; most programs use the process-wide default through
 * the static methods of {@link Hakmem}. Thread-safe: any thread may free any block.
 *
 * <p>Bad pointers are refused with an {@link IllegalArgumentException} naming the address, before
 * any of their memory is touched: addresses hakmem did not map, interior pointers, and blocks
 * that are already free. The instance stays usable after such a refusal.
 */
public final class HakmemAllocator implements AutoCloseable {
    private final Core core;
    private final boolean isDefault;

    HakmemAllocator(AllocatorConfig config, boolean isDefault) {
        this.core = new Core(config);
        this.isDefault = isDefault;
    }

    Core core() {
        return core;
    }

    /** At least byteSize bytes, 16-byte aligned; 0 only when the OS refuses memory. malloc(0) is unique. */
    public long malloc(long byteSize) {
        return core.malloc(byteSize);
    }

    /** free(0) does nothing. */
    public void free(long address) {
        core.free(address);
    }

    /** count * byteSize zeroed bytes; an overflowing product is refused. */
    public long calloc(long count, long byteSize) {
        return core.calloc(count, byteSize);
    }

    /** Resizes in place when the block fits, else moves; 0 (old block intact) when the OS refuses. */
    public long realloc(long address, long newByteSize) {
        return core.realloc(address, newByteSize);
    }

    /** Bytes usable at address (at least what was asked for). */
    public long usableSize(long address) {
        return core.usableSize(address);
    }

    /** At least byteSize bytes aligned to byteAlignment (a power of two); free with {@link #free}. */
    public long mallocAligned(long byteSize, long byteAlignment) {
        return core.mallocAligned(byteSize, byteAlignment);
    }

    /** Hands the calling thread's cached blocks and empty slabs back (like mimalloc's mi_collect). */
    public void collect() {
        core.collect();
    }

    public AllocatorStats stats() {
        return core.stats();
    }

    public AllocatorConfig config() {
        return core.config();
    }

    /**
     * A confined {@link java.lang.foreign.Arena} over this instance: {@code allocate} returns zeroed
     * memory bound to the arena's scope (access after {@code close()} throws, as with the JDK's arenas),
     * only the calling thread may use or close it, and {@code close()} frees every block at once.
     */
    public java.lang.foreign.Arena confinedArena() {
        return org.hakmem.allocator.internal.arena.HakmemArena.confined(core);
    }

    /** As {@link #confinedArena()}, but any thread may allocate from, access and close it. */
    public java.lang.foreign.Arena sharedArena() {
        return org.hakmem.allocator.internal.arena.HakmemArena.shared(core);
    }

    /**
     * A SegmentAllocator whose segments are hakmem memory. The segments have the global scope:
     * free one with {@code free(segment.address())}.
     */
    public SegmentAllocator segmentAllocator() {
        return (byteSize, byteAlignment) -> {
            long address = core.mallocAligned(byteSize, byteAlignment);
            if (address == 0) {
                throw new OutOfMemoryError("hakmem: cannot allocate byteSize=" + byteSize);
            }
            return NativeMemory.segment(address, byteSize);
        };
    }

    /**
     * Unmaps everything this instance mapped; blocks still allocated become invalid, and any later call
     * throws IllegalStateException. Refused with an IllegalStateException naming them while another
     * live thread has used this instance (its thread cache would hand out unmapped memory): let such
     * threads end first. A thread that only ever allocated above 1024 bytes has no thread cache and is
     * not seen: do not race close() with it. The default instance cannot be closed.
     */
    @Override
    public void close() {
        if (isDefault) {
            throw new IllegalStateException("the default hakmem instance lives as long as the process");
        }
        core.close();
    }
}
