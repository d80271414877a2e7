package org.hakbench.scale;

import java.util.TreeMap;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.adapters.AllocatorKind;
import org.hakbench.adapters.AllocatorSpec;
import org.hakbench.adapters.Allocators;
import org.hakbench.adapters.NettyAdapter;
import org.hakbench.child.ChildMode;
import org.hakbench.child.ProcessMemory;
import org.hakbench.workload.WorkloadOutcome;
import org.hakbench.workload.Workloads;

/**
 * The child-JVM side of {@code hakbench scale}: builds the one allocator adapter, warms the workload up,
 * runs it timed, and reports ops/s with the process's peak RSS (VmHWM, which includes the warm-up).
 */
public final class ScaleChild implements ChildMode<ScaleChildConfig, ScaleRunResult> {

    @Override
    public Class<ScaleChildConfig> configType() {
        return ScaleChildConfig.class;
    }

    @Override
    public ScaleRunResult run(ScaleChildConfig config) {
        try (AllocatorAdapter adapter = adapterFor(Allocators.byName(config.allocator()))) {
            WorkloadOutcome outcome = Workloads.warmUpAndRun(adapter, config.spec());
            return new ScaleRunResult(adapter.name(), adapter.implementation(), config.spec().threads(), outcome.totalOps(),
                    outcome.elapsedNanos(), outcome.opsPerSecond(), outcome.cpuNanos(), outcome.workerOps(), outcome.threadsStarted(),
                    ProcessMemory.peakRssKiB(), new TreeMap<>(adapter.effectiveConfig()));
        }
    }

    /** The registry's adapter, with netty's handle table made safe for releases on any thread. */
    static AllocatorAdapter adapterFor(AllocatorSpec spec) {
        return spec.kind() == AllocatorKind.NETTY_POOLED ? NettyAdapter.forManyThreads() : Allocators.createAdapter(spec);
    }
}
