package org.hakmem.allocator.internal.large;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

import org.hakmem.allocator.internal.os.OsLayer;

/**
 * Requests above 64 KiB: one private mapping each, unmapped on free. Not a hot path, so a sorted
 * concurrent map serves both the ownership check and the error message for an interior pointer.
 */
public final class LargeAllocator {
    private final OsLayer os;
    /** address -> mapped bytes. */
    private final ConcurrentSkipListMap<Long, Long> blocks = new ConcurrentSkipListMap<>();
    private final LongAdder bytesInUse = new LongAdder();

    public LargeAllocator(OsLayer os) {
        this.os = os;
    }

    /** 0 when the OS refuses or no mapping can be that large. byteAlignment is a power of two. */
    public long malloc(long byteSize, long byteAlignment) {
        if (Long.compareUnsigned(byteSize, OsLayer.MAX_MAP_BYTES) > 0 || byteAlignment > OsLayer.MAX_MAP_BYTES) {
            return 0;   // checked before rounding: near Long.MAX_VALUE the page rounding would overflow
        }
        long bytes = (Math.max(byteSize, 1) + OsLayer.PAGE_SIZE - 1) & -OsLayer.PAGE_SIZE;
        long address = os.map(bytes, Math.max(byteAlignment, OsLayer.PAGE_SIZE), false, true);
        if (address != 0) {
            blocks.put(address, bytes);
            bytesInUse.add(bytes);
        }
        return address;
    }

    /** False when address is not the start of a live large block. */
    public boolean free(long address) {
        Long bytes = blocks.remove(address);
        if (bytes == null) {
            return false;
        }
        try {
            os.unmap(address, bytes);
        } catch (IllegalStateException e) {
            blocks.put(address, bytes);   // still mapped: still this block, still counted
            throw e;
        }
        bytesInUse.add(-bytes);
        return true;
    }

    /** Mapped bytes of the block starting at address, or -1. */
    public long usableSize(long address) {
        Long bytes = blocks.get(address);
        return bytes == null ? -1 : bytes;
    }

    /** True when address lies inside a live large block without being its start. */
    public boolean isInterior(long address) {
        Map.Entry<Long, Long> e = blocks.floorEntry(address);
        return e != null && address > e.getKey() && address < e.getKey() + e.getValue();
    }

    public long bytesInUse() {
        return bytesInUse.sum();
    }

    public void clear() {
        blocks.clear();
        bytesInUse.reset();
    }
}
