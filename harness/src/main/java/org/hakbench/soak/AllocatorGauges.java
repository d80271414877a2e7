package org.hakbench.soak;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.results.OsCallCounts;

/**
 * The allocator's own counters at an epoch end: cumulative OS calls (from the adapter, when the
 * allocator counts them) and its live / mapped bytes (hakmem only). Unknown figures are null, and the
 * CSV leaves their cells empty.
 */
record AllocatorGauges(Long bytesInUse, Long bytesMapped, Long mmapCalls, Long munmapCalls, Long madviseCalls, Long osCalls) {

    static AllocatorGauges read(AllocatorAdapter adapter) {
        OsCallCounts calls = adapter.osCalls();
        if (calls == null || !calls.known()) {
            return new AllocatorGauges(null, null, null, null, null, null);
        }
        return new AllocatorGauges(null, null, calls.mmap(), calls.munmap(), calls.madvise(),
                calls.mmap() + calls.munmap() + calls.madvise());
    }
}
