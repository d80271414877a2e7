package org.hakbench.results;

/**
 * OS memory-management calls made during a measured loop, or why they are unknown.
 *
 * @param mmap    mmap calls (-1 when unknown)
 * @param munmap  munmap calls (-1 when unknown)
 * @param madvise madvise calls (-1 when unknown)
 * @param brk     brk calls (-1 when the source cannot see them, e.g. hakmem never calls brk: 0)
 * @param mremap  mremap calls (-1 when unknown)
 * @param source  how they were counted: "hakmem-stats" (the allocator's own counters),
 *                "strace" (counted from outside in a separate, untimed run), or "unknown: reason"
 */
public record OsCallCounts(long mmap, long munmap, long madvise, long brk, long mremap, String source) {

    /** Counts are not available; {@code reason} says why. */
    public static OsCallCounts unknown(String reason) {
        return new OsCallCounts(-1, -1, -1, -1, -1, "unknown: " + reason);
    }

    /** True when the counts were measured. */
    public boolean known() {
        return mmap >= 0;
    }

    /** mmap + munmap + madvise + brk + mremap, or -1 when unknown. */
    public long total() {
        return known() ? mmap + munmap + madvise + Math.max(0, brk) + Math.max(0, mremap) : -1;
    }
}
