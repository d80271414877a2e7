package org.hakmem.allocator.internal.os;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The only place that calls mmap, munmap and madvise (FFM downcalls). It counts every call and
 * keeps the set of ranges it mapped: munmap and madvise of a range it did not map are refused
 * before reaching the kernel, so the allocator can never release or purge foreign memory
 * (the seeds' madvise guard). One instance per allocator, so counts are exact per instance.
 */
public final class OsLayer {
    public static final long PAGE_SIZE = 4096;

    public static final int MADV_DONTNEED = 4;
    public static final int MADV_FREE = 8;

    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE = 0x02;
    private static final int MAP_ANONYMOUS = 0x20;
    private static final int MAP_NORESERVE = 0x4000;
    private static final int MAP_POPULATE = 0x8000;
    private static final long MAP_FAILED = -1L;
    public static final int ENOMEM = 12;
    /**
     * x86-64 user address space with 4-level page tables: no single mapping can be larger, so a request
     * above it is refused (0) before any arithmetic on it can overflow.
     */
    public static final long MAX_MAP_BYTES = 1L << 47;

    private static final MethodHandle MMAP;
    private static final MethodHandle MUNMAP;
    private static final MethodHandle MADVISE;
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(
            java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));

    static {
        Linker linker = Linker.nativeLinker();
        var libc = linker.defaultLookup();
        Linker.Option errno = Linker.Option.captureCallState("errno");
        MMAP = linker.downcallHandle(libc.findOrThrow("mmap"),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG),
                errno);
        MUNMAP = linker.downcallHandle(libc.findOrThrow("munmap"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), errno);
        MADVISE = linker.downcallHandle(libc.findOrThrow("madvise"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_INT), errno);
    }

    private final LongAdder mmapCalls = new LongAdder();
    private final LongAdder munmapCalls = new LongAdder();
    private final LongAdder madviseCalls = new LongAdder();
    private final LongAdder madviseFailures = new LongAdder();
    private final LongAdder largeMaps = new LongAdder();
    private final LongAdder mappedBytes = new LongAdder();
    private final LongAdder alignmentRetries = new LongAdder();
    private volatile long peakMappedBytes;
    private volatile long nextHint;

    /** start address -> end address (exclusive) of every live mapping; guarded by itself. */
    private final TreeMap<Long, Long> mappings = new TreeMap<>();

    /**
     * Maps byteSize bytes of zeroed, read-write, private anonymous memory with the given alignment
     * (a power of two, at least a page). Returns 0 when the kernel refuses. An alignment above a
     * page first tries an exact-size map (often aligned already), then over-maps and trims.
     */
    public long map(long byteSize, long byteAlignment, boolean populate, boolean large) {
        checkPageMultiple("byteSize", byteSize);
        checkAlignment(byteAlignment);
        if (byteSize > MAX_MAP_BYTES || byteAlignment > MAX_MAP_BYTES) {
            return 0;
        }
        int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | (populate ? MAP_POPULATE : 0);
        // The hint (never MAP_FIXED) asks for the aligned address right after our last mapping;
        // the kernel usually grants it, so an aligned map costs one call instead of three.
        long hint = (nextHint + byteAlignment - 1) & -byteAlignment;
        long address = rawMmap(hint, byteSize, flags);
        if (address == 0) {
            return 0;
        }
        if ((address & (byteAlignment - 1)) != 0) {
            rawMunmap(address, byteSize);
            alignmentRetries.increment();
            long overSize = byteSize + byteAlignment;
            long over = rawMmap(0L, overSize, flags);
            if (over == 0) {
                return 0;
            }
            address = (over + byteAlignment - 1) & -byteAlignment;
            long head = address - over;
            long tail = over + overSize - (address + byteSize);
            if (head > 0) {
                rawMunmap(over, head);
            }
            if (tail > 0) {
                rawMunmap(address + byteSize, tail);
            }
        }
        nextHint = address + byteSize;
        if (large) {
            largeMaps.increment();
        }
        synchronized (mappings) {
            mappings.put(address, address + byteSize);
        }
        mappedBytes.add(byteSize);
        long mapped = mappedBytes.sum();
        if (mapped > peakMappedBytes) {
            peakMappedBytes = mapped;
        }
        return address;
    }

    /**
     * Unmaps a whole mapping made by {@link #map}; anything else is refused. The mapping leaves the
     * table only once the kernel has unmapped it: when munmap fails (IllegalStateException naming the
     * errno) it stays mapped, counted and listed, so the figures never hide a leak. The call is made
     * under the table's lock, so two threads can never unmap the same range twice.
     */
    public void unmap(long address, long byteSize) {
        synchronized (mappings) {
            Long end = mappings.get(address);
            if (end == null || end - address != byteSize) {
                throw new IllegalStateException("refusing munmap of a range hakmem did not map: address=0x"
                        + Long.toHexString(address) + " byteSize=" + byteSize);
            }
            rawMunmap(address, byteSize);
            mappings.remove(address);
        }
        mappedBytes.add(-byteSize);
    }

    /**
     * madvise over a range inside one mapping of ours; returns false (and counts a failure) when
     * the kernel refuses, e.g. MADV_FREE on a kernel older than 4.5.
     */
    public boolean advise(long address, long byteSize, int advice) {
        checkOwned(address, byteSize);
        madviseCalls.increment();
        int result;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE_LAYOUT);
            result = (int) MADVISE.invokeExact(state, address, byteSize, advice);
        } catch (Throwable t) {
            throw new IllegalStateException("madvise downcall failed", t);
        }
        if (result != 0) {
            madviseFailures.increment();
            return false;
        }
        return true;
    }

    private void checkOwned(long address, long byteSize) {
        synchronized (mappings) {
            Map.Entry<Long, Long> e = mappings.floorEntry(address);
            if (e == null || address + byteSize > e.getValue() || byteSize <= 0) {
                throw new IllegalStateException("refusing madvise of a range hakmem did not map: address=0x"
                        + Long.toHexString(address) + " byteSize=" + byteSize);
            }
        }
    }

    private long rawMmap(long hint, long byteSize, int flags) {
        mmapCalls.increment();
        long result;
        int errno = FaultInjection.nextMmapFault();
        if (errno != 0) {
            result = MAP_FAILED;
        } else try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE_LAYOUT);
            result = (long) MMAP.invokeExact(state, hint, byteSize, PROT_READ_WRITE, flags, -1, 0L);
            errno = (int) ERRNO.get(state, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException("mmap downcall failed", t);
        }
        if (result == MAP_FAILED) {
            if (errno == ENOMEM) {
                return 0;
            }
            throw new IllegalStateException("mmap(byteSize=" + byteSize + ") failed with errno=" + errno);
        }
        return result;
    }

    private void rawMunmap(long address, long byteSize) {
        munmapCalls.increment();
        int result;
        int errno = FaultInjection.nextMunmapFault();
        if (errno != 0) {
            result = -1;
        } else try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE_LAYOUT);
            result = (int) MUNMAP.invokeExact(state, address, byteSize);
            errno = (int) ERRNO.get(state, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException("munmap downcall failed", t);
        }
        if (result != 0) {
            throw new IllegalStateException("munmap(address=0x" + Long.toHexString(address) + ", byteSize="
                    + byteSize + ") failed with errno=" + errno);
        }
    }

    private static void checkPageMultiple(String name, long value) {
        if (value <= 0 || (value & (PAGE_SIZE - 1)) != 0) {
            throw new IllegalArgumentException(name + "=" + value + ": must be a positive multiple of " + PAGE_SIZE);
        }
    }

    private static void checkAlignment(long byteAlignment) {
        if (byteAlignment < PAGE_SIZE || Long.bitCount(byteAlignment) != 1) {
            throw new IllegalArgumentException("byteAlignment=" + byteAlignment + ": must be a power of two >= " + PAGE_SIZE);
        }
    }

    public long mmapCalls() {
        return mmapCalls.sum();
    }

    public long munmapCalls() {
        return munmapCalls.sum();
    }

    public long madviseCalls() {
        return madviseCalls.sum();
    }

    public long madviseFailures() {
        return madviseFailures.sum();
    }

    /** Maps that came back unaligned and were redone by over-mapping and trimming. */
    public long alignmentRetries() {
        return alignmentRetries.sum();
    }

    public long largeMaps() {
        return largeMaps.sum();
    }

    public long mappedBytes() {
        return mappedBytes.sum();
    }

    public long peakMappedBytes() {
        return peakMappedBytes;
    }

    /** Unmaps everything still mapped; used when an allocator instance is closed. */
    public void unmapAll() {
        Map<Long, Long> copy;
        synchronized (mappings) {
            copy = new TreeMap<>(mappings);
        }
        copy.forEach((start, end) -> unmap(start, end - start));
    }
}
