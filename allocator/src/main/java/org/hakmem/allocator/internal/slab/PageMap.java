package org.hakmem.allocator.internal.slab;

/**
 * Address -> slab in O(1) without hashing: a two-level radix table over the 64 KiB units of the
 * 47-bit user address space (8192 leaves of 2^18 entries, a leaf made when a superslab first lands
 * in its 16 GiB). A pointer hakmem never mapped, or one into a unit no slab holds, finds null, so
 * foreign pointers are recognised before any of their memory is read. Mapping straight to the slab
 * (not the superslab) saves {@code free} a dependent load, and so does the first-leaf check below.
 *
 * <p>Writers (carving and releasing slabs) hold the backend lock. Readers take no lock: a block
 * reaches another thread only through the program's own synchronisation, which happens after its
 * slab was published here; and a slab is only removed when none of its blocks is live.
 */
public final class PageMap {
    private static final int UNIT_SHIFT = SuperSlab.UNIT_SHIFT;
    private static final int LEAF_BITS = 18;
    private static final int ROOT_LENGTH = 1 << (47 - UNIT_SHIFT - LEAF_BITS);
    private static final int LEAF_MASK = (1 << LEAF_BITS) - 1;

    private final Slab[][] root = new Slab[ROOT_LENGTH][];
    private long leafBytes;
    /**
     * The first leaf made, looked at before the root: nearly every mapping of a process lands in
     * one 16 GiB region, and a hit makes the slab the first load that depends on the address
     * instead of the second (larson, whose 2.5 MB per thread keeps pushing the table out of L1:
     * +10% ops/s). Replaced whole, never mutated: a racy reader sees the old or the new pair,
     * each complete (final fields).
     */
    private FirstLeaf first = new FirstLeaf(-1, new Slab[0]);

    private record FirstLeaf(long hi, Slab[] slabs) {
    }

    /** The slab holding address, or null if no live slab of this allocator covers it. */
    public Slab slabAt(long address) {
        final long unit = address >>> UNIT_SHIFT;
        final long hi = unit >>> LEAF_BITS;
        final FirstLeaf f = first;
        if (hi == f.hi) {
            return f.slabs[(int) unit & LEAF_MASK];
        }
        if (hi >= ROOT_LENGTH) {    // also every negative address: >>> made it huge
            return null;
        }
        final Slab[] leaf = root[(int) hi];
        return leaf == null ? null : leaf[(int) unit & LEAF_MASK];
    }

    void put(Slab slab) {
        set(slab.base, slab.unitCount, slab);
    }

    void remove(Slab slab) {
        set(slab.base, slab.unitCount, null);
    }

    private void set(long base, int units, Slab value) {
        for (int u = 0; u < units; u++) {
            long unit = (base >>> UNIT_SHIFT) + u;
            int hi = (int) (unit >>> LEAF_BITS);
            Slab[] leaf = root[hi];
            if (leaf == null) {
                if (value == null) {
                    continue;
                }
                leaf = new Slab[1 << LEAF_BITS];
                leafBytes += 16L + 4L * leaf.length;
                root[hi] = leaf;
                if (first.hi < 0) {
                    first = new FirstLeaf(hi, leaf);
                }
            }
            leaf[(int) unit & LEAF_MASK] = value;
        }
    }

    /** Java-heap bytes of the table itself (approximate: array headers and references). */
    long metadataBytes() {
        return 16L + 4L * ROOT_LENGTH + leafBytes;
    }
}
