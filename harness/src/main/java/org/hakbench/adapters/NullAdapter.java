package org.hakbench.adapters;

import org.hakbench.nativeaccess.NativeMemory;

/**
 * The null allocator of WORKLOAD.md: {@code malloc} returns {@code base + ((n & 0xFFFF) << 4)}, where
 * {@code n} counts this adapter's malloc calls, inside a pre-touched 1 MiB + 2 KiB region; {@code free}
 * does nothing. The largest request (1024 B) at the highest offset (0xFFFF0) still ends inside the
 * region. Measures the loop's own cost; the C twin (bench_random_mixed.c) does the same.
 */
public final class NullAdapter implements AllocatorAdapter {

    /** 1 MiB of offsets plus room for the largest request past the last offset. */
    public static final long REGION_BYTES = (1L << 20) + 2048;

    private static final AllocatorFootprint FOOTPRINT = new AllocatorFootprint(REGION_BYTES, REGION_BYTES, null);

    private final long base = NativeMemory.allocateTouched(REGION_BYTES);
    private long mallocCalls;

    @Override
    public String name() {
        return "null";
    }

    @Override
    public long malloc(long byteSize) {
        return base + ((mallocCalls++ & 0xFFFF) << 4);
    }

    @Override
    public void free(long address) {
        // The point: no work at all.
    }

    /** Its one region, touched at creation and held unchanged; it tracks nothing in use. */
    @Override
    public AllocatorFootprint footprint() {
        return FOOTPRINT;
    }

    @Override
    public String footprintSource() {
        return "the null allocator's fixed region: resident = mapped = " + REGION_BYTES + " bytes, in use not tracked";
    }

    @Override
    public boolean threadSafe() {
        return false;
    }

    @Override
    public String implementation() {
        return "bump pointer in a pre-touched " + REGION_BYTES + "-byte region, free is a no-op";
    }
}
