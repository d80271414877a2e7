package org.hakmem.allocator.internal.slab;

/**
 * A 2 MiB-aligned region of 32 units of 64 KiB; each slab takes one or more contiguous units and
 * serves one bin. Guarded by the backend lock; pointers find their slab through the {@link PageMap}.
 */
public final class SuperSlab {
    public static final int SHIFT = 21;
    public static final long BYTES = 1L << SHIFT;
    public static final int UNIT_SHIFT = 16;
    public static final long UNIT_BYTES = 1L << UNIT_SHIFT;
    public static final int UNITS = (int) (BYTES >>> UNIT_SHIFT);

    public final long base;
    /** unit index -> slab covering it, or null for a free unit. */
    final Slab[] slabs = new Slab[UNITS];
    /** Bit u set: unit u belongs to a slab. */
    int usedUnits;
    Tier tier = Tier.FREE;
    /** Taken fresh (new or from the kept set) and not yet past 25%: still accepts slabs. */
    boolean filling;
    /** When it became empty (LEAN waits out the delay from here). */
    long emptySinceNanos;
    /**
     * Whether the pages went back to the OS with MADV_DONTNEED while kept (LEAN + DECOMMIT=dontneed),
     * so none is resident until touched again. After MADV_FREE the kernel reclaims only under
     * pressure, so such a superslab still counts as resident: the figure stays an upper bound.
     */
    boolean pagesReleased;

    SuperSlab(long base) {
        this.base = base;
    }

    int usedUnitCount() {
        return Integer.bitCount(usedUnits);
    }

    /** First run of count free units starting at a multiple of count, or -1. */
    int findFreeUnits(int count) {
        int want = count == UNITS ? -1 : (1 << count) - 1;
        for (int u = 0; u + count <= UNITS; u += count) {
            if ((usedUnits & (want << u)) == 0) {
                return u;
            }
        }
        return -1;
    }
}
