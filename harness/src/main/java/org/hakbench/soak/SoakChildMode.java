package org.hakbench.soak;

import java.nio.file.Path;
import java.util.TreeMap;

import org.hakbench.child.ShutdownStop;
import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.adapters.Allocators;
import org.hakbench.child.ChildMode;
import org.hakbench.child.ProcessMemory;
import org.hakbench.workload.RandomMixed;

/**
 * The soak inside its child JVM: builds the one adapter, then runs {@link SoakLoop} and records every
 * epoch itself ({@link EpochRecorder}). Stops early, after flushing, on SIGTERM / Ctrl-C (a shutdown
 * hook raises the stop flag and waits for the loop to finish) or when the parent process is gone.
 */
public final class SoakChildMode implements ChildMode<SoakChildConfig, SoakChildResult> {
    static final String STOP_REQUESTED = "stop requested (SIGTERM/SIGINT)";
    private static final long SHUTDOWN_WAIT_MILLIS = 5_000;
    /** Past C2's invocation threshold (5,000), so the epoch bookkeeping is compiled before epoch 0. */
    static final int WARM_UP_ROUNDS = 12_000;

    /** The soak stops by itself, after flushing, when its parent is gone ({@link ParentWatch}). */
    @Override
    public boolean watchesParent() {
        return true;
    }

    @Override
    public Class<SoakChildConfig> configType() {
        return SoakChildConfig.class;
    }

    @Override
    @SuppressWarnings("try")   // the resource guards the block (a signal hook, a lock); the body need not touch it
    public SoakChildResult run(SoakChildConfig config) throws Exception {
        StopSignal stop = new StopSignal();
        ParentWatch.start(stop);
        long jvmRssKiB = ProcessMemory.rssKiB();
        // on SIGTERM/SIGINT: raise the stop flag, then wait only until the files are closed
        try (ShutdownStop shutdown = new ShutdownStop("soak-stop", () -> stop.request(STOP_REQUESTED), SHUTDOWN_WAIT_MILLIS);
             AllocatorAdapter adapter = Allocators.createAdapter(Allocators.byName(config.allocator()))) {
            TreeMap<String, String> header = new TreeMap<>(config.header());
            header.put("pid", Long.toString(ProcessHandle.current().pid()));
            header.put("java_version", Runtime.version().toString());
            header.put("implementation", adapter.implementation());
            header.put(SoakFiles.JVM_RSS_KEY, Long.toString(jvmRssKiB));
            header.put(SoakFiles.FOOTPRINT_SOURCE_KEY, adapter.footprintSource());
            adapter.effectiveConfig().forEach((k, v) -> header.put("config." + k, v));
            RandomMixed workload = new RandomMixed(adapter, config.workingSet(), config.seed());
            SoakLoop.Outcome outcome;
            try (EpochRecorder recorder = new EpochRecorder(adapter, Path.of(config.csvFile()),
                    Path.of(config.histogramLogFile()), header)) {
                recorder.warmUp(WARM_UP_ROUNDS);
                outcome = SoakLoop.run(workload, config.batchOps(), config.timedEveryBatches(), config.epochNanos(),
                        config.epochs(), stop, recorder);
            }
            shutdown.close();   // files closed: a Ctrl-C in progress may halt the JVM now
            workload.freeAll();
            return new SoakChildResult(outcome.epochsCompleted(), outcome.totalOps(), outcome.stopReason(), config.csvFile());
        }
    }
}
