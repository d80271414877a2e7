package org.hakmem.allocator.internal.slab;

/**
 * Utilisation tier of a superslab (the seeds' ss_tier_box). New slabs are carved only from HOT
 * superslabs, so DRAINING ones empty out; a FREE one leaves the backend at once and goes to the
 * release policy, so no empty superslab lingers in the page map's active set.
 */
public enum Tier {
    /** More than 25% of the units in use: accepts new slabs. */
    HOT,
    /** At most 25% in use, but not empty: drains, takes no new slabs while a HOT or fresh one exists. */
    DRAINING,
    /** Empty: handed to the release policy immediately. */
    FREE;

    public static Tier of(int usedUnits, int totalUnits) {
        if (usedUnits == 0) {
            return FREE;
        }
        return usedUnits * 4 > totalUnits ? HOT : DRAINING;
    }
}
