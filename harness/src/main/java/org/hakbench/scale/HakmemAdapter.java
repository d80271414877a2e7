package org.hakbench.scale;

import java.util.Map;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.results.OsCallCounts;
import org.hakmem.allocator.AllocatorStats;
import org.hakmem.allocator.HakmemAllocator;

/**
 * The embedded hakmem allocator as an {@link AllocatorAdapter}: direct Java calls, no native transition.
 * hakmem is thread-safe (any thread may free any block), so one adapter serves every worker thread.
 * Belongs in org.hakbench.adapters (the registry there does not build hakmem yet); kept here so it is
 * easy to move.
 */
public final class HakmemAdapter implements AllocatorAdapter {
    private final HakmemAllocator allocator;

    public HakmemAdapter(HakmemAllocator allocator) {
        this.allocator = allocator;
    }

    @Override
    public String name() {
        return "hakmem";
    }

    @Override
    public long malloc(long byteSize) {
        return allocator.malloc(byteSize);
    }

    @Override
    public void free(long address) {
        allocator.free(address);
    }

    @Override
    public OsCallCounts osCalls() {
        AllocatorStats s = allocator.stats();
        return new OsCallCounts(s.mmapCalls(), s.munmapCalls(), s.madviseCalls(), 0, 0, "hakmem-stats");
    }

    @Override
    public Map<String, String> effectiveConfig() {
        return allocator.config().effective();
    }

    @Override
    public String implementation() {
        return "hakmem embedded (pure Java, FFM), profile " + allocator.config().profile();
    }
}
