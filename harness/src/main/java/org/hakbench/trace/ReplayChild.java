package org.hakbench.trace;

import java.nio.file.Path;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.adapters.Allocators;
import org.hakbench.child.ChildMode;
import org.hakbench.child.ProcessMemory;

/** The child-JVM side of {@code hakbench replay}: warm-up passes, timed passes, footprint with the final live set. */
public final class ReplayChild implements ChildMode<ReplaySpec, ReplayRunResult> {
    @Override
    public Class<ReplaySpec> configType() {
        return ReplaySpec.class;
    }

    @Override
    public ReplayRunResult run(ReplaySpec spec) {
        MallocTrace trace = TraceRecorder.read(Path.of(spec.trace()));
        try (AllocatorAdapter adapter = Allocators.createAdapter(Allocators.byName(spec.allocator()))) {
            TraceReplay replay = new TraceReplay(trace);
            for (int i = 0; i < spec.warmupPasses(); i++) {
                replay.pass(adapter);
                replay.freeLive(adapter);
            }
            // one untimed pass stopped at the peak live set: what the allocator maps for it
            Long mappedAtPeak = null;
            if (trace.peakIndex() >= 0) {
                replay.replay(adapter, 0, trace.peakIndex() + 1);
                mappedAtPeak = adapter.footprint().mappedBytes();
                replay.replay(adapter, trace.peakIndex() + 1, trace.operations());
                replay.freeLive(adapter);
            }
            org.hakbench.results.OsCallCounts before = adapter.osCalls();
            long ops = 0;
            long elapsed = 0;
            int passes = 0;
            Long resident = null;
            while (ops < spec.minOps() || passes == 0) {
                long t0 = System.nanoTime();
                ops += replay.pass(adapter);
                elapsed += System.nanoTime() - t0;
                passes++;
                if (ops >= spec.minOps()) {
                    resident = adapter.footprint().residentBytes();   // with the live set the program ended on
                }
                replay.freeLive(adapter);
            }
            org.hakbench.results.OsCallCounts after = adapter.osCalls();
            Double osPerOp = before == null || after == null ? null
                    : (double) ((after.mmap() - before.mmap()) + (after.munmap() - before.munmap()) + (after.madvise() - before.madvise())) / ops;
            return new ReplayRunResult(adapter.name(), adapter.implementation(), spec.trace(), passes, ops, Math.max(1, elapsed),
                    ops * 1e9 / Math.max(1, elapsed), ProcessMemory.peakRssKiB(), resident, trace.finalLiveBytes(), mappedAtPeak,
                    trace.peakLiveBytes(), osPerOp);
        }
    }
}
