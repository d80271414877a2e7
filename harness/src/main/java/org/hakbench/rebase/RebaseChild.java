package org.hakbench.rebase;

import java.time.Duration;
import java.time.Instant;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.adapters.Allocators;
import org.hakbench.child.ChildMode;
import org.hakbench.child.ProcessMemory;
import org.hakbench.nativeaccess.SyscallMarker;
import org.hakbench.nativeaccess.ThreadCpuClock;
import org.hakbench.results.OsCallCounts;
import org.hakbench.workload.RandomMixed;

/** The child side of one rebase run: warm up, then time the random_mixed loop once. */
public final class RebaseChild implements ChildMode<RebaseRunSpec, RebaseRunResult> {

    @Override
    public Class<RebaseRunSpec> configType() {
        return RebaseRunSpec.class;
    }

    @Override
    public RebaseRunResult run(RebaseRunSpec spec) {
        try (AllocatorAdapter adapter = Allocators.createAdapter(Allocators.byName(spec.allocator()))) {
            long warmStart = System.nanoTime();
            RandomMixed warm = new RandomMixed(adapter, spec.ws(), spec.seed());
            for (long done = 0; done < spec.warmupIters(); done += spec.warmupChunkOps()) {
                warm.run(Math.min(spec.warmupChunkOps(), spec.warmupIters() - done));
            }
            warm.freeAll();
            long warmupNanos = System.nanoTime() - warmStart;

            RandomMixed loop = new RandomMixed(adapter, spec.ws(), spec.seed());
            OsCallCounts before = adapter.osCalls();
            long rssBefore = ProcessMemory.rssKiB();
            long uptime = uptimeMillis();
            long startupCpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            // Clocks outside the markers: their first use links a downcall and allocates, which strace would
            // otherwise count as the allocator's.
            long cpuStart = ThreadCpuClock.nanos();
            long start = System.nanoTime();
            if (spec.markSyscalls()) {
                SyscallMarker.mark();
            }
            loop.run(spec.iters());
            if (spec.markSyscalls()) {
                SyscallMarker.mark();
            }
            long elapsed = System.nanoTime() - start;
            long cpu = ThreadCpuClock.nanos() - cpuStart;
            long peak = ProcessMemory.peakRssKiB();
            OsCallCounts osCalls = delta(before, adapter.osCalls());
            long mallocs = loop.mallocCalls();
            long frees = loop.freeCalls();
            loop.freeAll();
            return new RebaseRunResult(spec.allocator(), adapter.implementation(), adapter.effectiveConfig(),
                    spec.iters(), spec.warmupIters(), warmupNanos, elapsed, spec.iters() * 1e9 / elapsed, cpu, spec.iters() * 1e9 / cpu,
                    mallocs, frees, rssBefore, peak, osCalls, uptime, startupCpu);
        }
    }

    /** Process age from /proc (10 ms resolution); cheaper at start-up than the management beans. */
    private static long uptimeMillis() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
    }

    private static OsCallCounts delta(OsCallCounts before, OsCallCounts after) {
        if (before == null || after == null) {
            return OsCallCounts.unknown("the allocator keeps no counters; counted from outside if strace is present");
        }
        return new OsCallCounts(after.mmap() - before.mmap(), after.munmap() - before.munmap(),
                after.madvise() - before.madvise(), after.brk() - before.brk(), after.mremap() - before.mremap(), after.source());
    }
}
