package org.hakmem.allocator;

import java.util.Arrays;

/**
 * A snapshot of one allocator instance. OS call counts are exact (the OS layer counts every call
 * it makes); byte figures summed over threads are exact when no thread is allocating meanwhile.
 *
 * @param mmapCalls              mmap calls made (superslabs, large blocks, alignment retries)
 * @param munmapCalls            munmap calls made
 * @param madviseCalls           madvise calls made (LEAN decommit)
 * @param madviseFailures        madvise calls the kernel refused
 * @param largeMaps              mappings made for single large blocks (over 64 KiB)
 * @param liveSuperslabs         superslabs holding at least one slab
 * @param liveSuperslabsPerClass per tiny class C0..C7: live superslabs holding a slab of that class
 * @param bytesInUse             usable bytes of blocks handed out and not yet freed
 * @param bytesMapped            bytes mapped from the OS now
 * @param metadataBytes          Java-heap bytes of the allocator's bookkeeping (approximate)
 * @param cacheBytes             bytes of free blocks held in thread caches
 * @param peakBytesMapped        the most bytes mapped at any moment
 * @param keptSuperslabs         empty superslabs kept mapped by the release policy
 * @param hotSuperslabs          live superslabs in the HOT tier (more than 25% used, or filling)
 * @param drainingSuperslabs     live superslabs in the DRAINING tier (25% or less used)
 * @param threadCaches           live thread caches: one per platform thread that used the instance, plus the
 *                               striped caches virtual threads share (once a virtual thread allocated)
 * @param corruptionsDetected    double frees found late, when a block went back to its slab twice (a copy
 *                               from a thread cache or a racing remote free), each dropped
 * @param bytesReleased          bytes still mapped whose pages went back to the OS (LEAN with
 *                               DECOMMIT=dontneed); see {@link #bytesResident()}
 */
public record AllocatorStats(long mmapCalls, long munmapCalls, long madviseCalls, long madviseFailures,
                             long largeMaps, int liveSuperslabs, int[] liveSuperslabsPerClass, long bytesInUse,
                             long bytesMapped, long metadataBytes, long cacheBytes, long peakBytesMapped,
                             int keptSuperslabs, int hotSuperslabs, int drainingSuperslabs, int threadCaches,
                             long corruptionsDetected, long bytesReleased) {

    public AllocatorStats {
        liveSuperslabsPerClass = liveSuperslabsPerClass.clone();
    }

    @Override
    public int[] liveSuperslabsPerClass() {
        return liveSuperslabsPerClass.clone();
    }

    /**
     * Bytes mapped whose pages hakmem has not handed back: an upper bound of what the kernel holds
     * resident for it (a page mapped but never touched, or freed with MADV_FREE and reclaimed, is not).
     */
    public long bytesResident() {
        return bytesMapped - bytesReleased;
    }

    /** mmap + munmap + madvise: the syscall budget's numerator. */
    public long osCalls() {
        return mmapCalls + munmapCalls + madviseCalls;
    }

    /** One line in the style of the seeds' HAKMEM_SS_OS_STATS=1 output. */
    public String osStatsLine() {
        StringBuilder perClass = new StringBuilder();
        for (int c = 0; c < liveSuperslabsPerClass.length; c++) {
            perClass.append(c == 0 ? "" : ",").append('C').append(c).append('=').append(liveSuperslabsPerClass[c]);
        }
        return "[SS_OS_STATS] mmap=" + mmapCalls + " munmap=" + munmapCalls + " madvise=" + madviseCalls
                + " madvise_fail=" + madviseFailures + " large_maps=" + largeMaps + " live_ss=" + liveSuperslabs
                + " kept_ss=" + keptSuperslabs + " hot=" + hotSuperslabs + " draining=" + drainingSuperslabs
                + " ss_per_class=" + perClass + " in_use_bytes=" + bytesInUse + " mapped_bytes=" + bytesMapped
                + " peak_mapped_bytes=" + peakBytesMapped + " released_bytes=" + bytesReleased + " meta_bytes=" + metadataBytes + " cache_bytes=" + cacheBytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AllocatorStats s && toString().equals(s.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return osStatsLine() + " threads=" + threadCaches + " corruptions=" + corruptionsDetected
                + " per_class=" + Arrays.toString(liveSuperslabsPerClass);
    }
}
