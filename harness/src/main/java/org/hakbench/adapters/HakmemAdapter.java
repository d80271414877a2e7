package org.hakbench.adapters;

import java.util.Map;

import org.hakbench.results.OsCallCounts;
import org.hakmem.allocator.AllocatorStats;
import org.hakmem.allocator.Hakmem;
import org.hakmem.allocator.HakmemAllocator;

/**
 * hakmem's process-wide default instance through its static API ({@link Hakmem#malloc} /
 * {@link Hakmem#free}), configured from the child's HAKMEM_* environment (the parent sets
 * HAKMEM_PROFILE from --profile). Plain Java calls: no native transition, inlined by the JIT.
 */
public final class HakmemAdapter implements AllocatorAdapter {

    /** Resolving the instance up front reports a bad HAKMEM_* variable before any measurement. */
    private final HakmemAllocator instance = Hakmem.instance();

    @Override
    public String name() {
        return "hakmem";
    }

    @Override
    public long malloc(long byteSize) {
        return Hakmem.malloc(byteSize);
    }

    @Override
    public void free(long address) {
        Hakmem.free(address);
    }

    /** hakmem's own counters; it never calls brk or mremap (its OS layer maps with mmap only). */
    @Override
    public OsCallCounts osCalls() {
        AllocatorStats s = Hakmem.stats();
        return new OsCallCounts(s.mmapCalls(), s.munmapCalls(), s.madviseCalls(), 0, 0, "hakmem-stats");
    }

    @Override
    public AllocatorFootprint footprint() {
        AllocatorStats s = Hakmem.stats();
        return new AllocatorFootprint(s.bytesResident(), s.bytesMapped(), s.bytesInUse());
    }

    @Override
    public String footprintSource() {
        return "Hakmem.stats(): resident = bytesMapped - bytesReleased (MADV_DONTNEED'd kept superslabs), "
                + "mapped = bytesMapped, in use = bytesInUse";
    }

    @Override
    public Map<String, String> effectiveConfig() {
        return instance.config().effective();
    }

    @Override
    public boolean threadSafe() {
        return true;
    }

    @Override
    public String implementation() {
        return "org.hakmem.allocator.Hakmem static API, profile " + instance.config().profile();
    }
}
