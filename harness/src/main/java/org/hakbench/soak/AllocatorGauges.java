package org.hakbench.soak;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.adapters.HakmemAdapter;
import org.hakbench.results.OsCallCounts;
import org.hakmem.allocator.AllocatorStats;
import org.hakmem.allocator.Hakmem;

/**
 * The allocator's own counters at an epoch end: for hakmem its {@link Hakmem#stats()} (bytes in use,
 * bytes mapped, mmap / munmap / madvise calls); for others the OS calls their adapter counts, if any.
 * Unknown figures are null, and the CSV leaves their cells empty.
 */
record AllocatorGauges(Long bytesInUse, Long bytesMapped, Long mmapCalls, Long munmapCalls, Long madviseCalls, Long osCalls) {

    static AllocatorGauges read(AllocatorAdapter adapter) {
        if (adapter instanceof HakmemAdapter) {
            // the adapter runs on the static default instance, whose statistics these are
            AllocatorStats s = Hakmem.stats();
            return new AllocatorGauges(s.bytesInUse(), s.bytesMapped(), s.mmapCalls(), s.munmapCalls(), s.madviseCalls(), s.osCalls());
        }
        OsCallCounts calls = adapter.osCalls();
        if (calls == null || !calls.known()) {
            return new AllocatorGauges(null, null, null, null, null, null);
        }
        return new AllocatorGauges(null, null, calls.mmap(), calls.munmap(), calls.madvise(),
                calls.mmap() + calls.munmap() + calls.madvise());
    }
}
