package org.hakbench.soak;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.results.OsCallCounts;

/**
 * The OS calls the allocator counted itself at an epoch end (hakmem's OS layer), if it counts them;
 * unknown figures are null, and the CSV leaves their cells empty. Byte figures come from
 * {@link AllocatorAdapter#footprint()}.
 */
record AllocatorGauges(Long mmapCalls, Long munmapCalls, Long madviseCalls, Long osCalls) {

    static AllocatorGauges read(AllocatorAdapter adapter) {
        OsCallCounts calls = adapter.osCalls();
        if (calls == null || !calls.known()) {
            return new AllocatorGauges(null, null, null, null);
        }
        return new AllocatorGauges(calls.mmap(), calls.munmap(), calls.madvise(), calls.mmap() + calls.munmap() + calls.madvise());
    }
}
