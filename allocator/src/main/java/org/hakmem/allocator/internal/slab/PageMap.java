package org.hakmem.allocator.internal.slab;

/**
 * Address -> superslab in O(1) without hashing: a two-level radix table over 2 MiB units of the
 * 47-bit user address space (8192 x 8192 entries). A pointer hakmem never mapped finds null, so
 * foreign pointers are recognised before any of their memory is read.
 *
 * <p>Writers (mapping and unmapping superslabs) are serialised by the backend lock. Readers take no
 * lock: a block reaches another thread only through the program's own synchronisation, which
 * happens after its superslab was published here.
 */
public final class PageMap {
    private static final int LEAF_BITS = 13;
    private static final int ROOT_LENGTH = 1 << (47 - SuperSlab.SHIFT - LEAF_BITS);

    private final SuperSlab[][] root = new SuperSlab[ROOT_LENGTH][];
    private long leafBytes;

    /** The superslab containing address, or null if hakmem did not map it. */
    public SuperSlab lookup(long address) {
        long unit = address >>> SuperSlab.SHIFT;
        int hi = (int) (unit >>> LEAF_BITS);
        if (Long.compareUnsigned(unit >>> LEAF_BITS, ROOT_LENGTH) >= 0) {
            return null;
        }
        SuperSlab[] leaf = root[hi];
        return leaf == null ? null : leaf[(int) unit & ((1 << LEAF_BITS) - 1)];
    }

    void put(SuperSlab superslab) {
        long unit = superslab.base >>> SuperSlab.SHIFT;
        int hi = (int) (unit >>> LEAF_BITS);
        SuperSlab[] leaf = root[hi];
        if (leaf == null) {
            leaf = new SuperSlab[1 << LEAF_BITS];
            leafBytes += 16L + 4L * leaf.length;
            root[hi] = leaf;
        }
        leaf[(int) unit & ((1 << LEAF_BITS) - 1)] = superslab;
    }

    void remove(SuperSlab superslab) {
        long unit = superslab.base >>> SuperSlab.SHIFT;
        SuperSlab[] leaf = root[(int) (unit >>> LEAF_BITS)];
        leaf[(int) unit & ((1 << LEAF_BITS) - 1)] = null;
    }

    /** Java-heap bytes of the table itself (approximate: array headers and references). */
    long metadataBytes() {
        return 16L + 4L * ROOT_LENGTH + leafBytes;
    }
}
