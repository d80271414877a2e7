package org.hakbench.soak;

import java.nio.file.Path;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.adapters.Allocators;
import org.hakbench.child.ChildMode;
import org.hakbench.workload.RandomMixed;

/**
 * The soak inside its child JVM: builds the one adapter, then runs {@link SoakLoop} and records every
 * epoch itself ({@link EpochRecorder}). Stops early, after flushing, on SIGTERM / Ctrl-C (a shutdown
 * hook raises the stop flag and waits for the loop to finish) or when the parent process is gone.
 */
public final class SoakChildMode implements ChildMode<SoakChildConfig, SoakChildResult> {
    static final String STOP_REQUESTED = "stop requested (SIGTERM/SIGINT)";
    private static final long SHUTDOWN_WAIT_MILLIS = 5_000;

    @Override
    public Class<SoakChildConfig> configType() {
        return SoakChildConfig.class;
    }

    @Override
    public SoakChildResult run(SoakChildConfig config) throws Exception {
        StopSignal stop = new StopSignal();
        ParentWatch.start(stop);
        // the hook waits only until the files are closed: the JVM then halts, result line or not
        CountDownLatch filesClosed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.request(STOP_REQUESTED);
            try {
                filesClosed.await(SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "soak-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (AllocatorAdapter adapter = Allocators.createAdapter(Allocators.byName(config.allocator()))) {
            TreeMap<String, String> header = new TreeMap<>(config.header());
            header.put("pid", Long.toString(ProcessHandle.current().pid()));
            header.put("java_version", Runtime.version().toString());
            header.put("implementation", adapter.implementation());
            adapter.effectiveConfig().forEach((k, v) -> header.put("config." + k, v));
            RandomMixed workload = new RandomMixed(adapter, config.workingSet(), config.seed());
            SoakLoop.Outcome outcome;
            try (EpochRecorder recorder = new EpochRecorder(adapter, Path.of(config.csvFile()),
                    Path.of(config.histogramLogFile()), header)) {
                outcome = SoakLoop.run(workload, config.batchOps(), config.timedEveryBatches(), config.epochNanos(),
                        config.epochs(), stop, recorder);
            } finally {
                filesClosed.countDown();
            }
            workload.freeAll();
            return new SoakChildResult(outcome.epochsCompleted(), outcome.totalOps(), outcome.stopReason(), config.csvFile());
        } finally {
            filesClosed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running; it only waits for this thread
            }
        }
    }
}
