package org.hakbench.soak;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.hakbench.child.ShutdownStop;
import org.hakbench.adapters.AllocatorKind;
import org.hakbench.adapters.AllocatorSpec;
import org.hakbench.adapters.Allocators;
import org.hakbench.analyze.AnalyzeRequest;
import org.hakbench.analyze.SoakAnalysisService;
import org.hakbench.analyze.SoakPlot;
import org.hakbench.child.ChildLauncher;
import org.hakbench.rebase.ProfileCheck;
import org.hakbench.child.ChildOutcome;
import org.hakbench.child.ChildSpec;
import org.hakbench.results.AtomicFiles;
import org.hakbench.results.MachineFingerprint;
import org.hakbench.results.ResultFiles;
import org.hakbench.workload.RandomMixed;

/**
 * Runs a soak: one child JVM ({@link SoakChildMode}) runs random_mixed for the whole duration and
 * writes the epoch CSV itself; this process follows the CSV for the progress display, and at the end
 * (or after Ctrl-C / SIGTERM, which stop the child first) analyses it with the same code as
 * {@code hakbench analyze}. Nothing depends on this process staying alive: after a kill -9 the CSV
 * holds every completed epoch and the child stops on its own.
 */
public final class SoakRunner {
    /** Extra time the child gets beyond the soak duration (JVM start, last epoch, closing files). */
    static final Duration CHILD_GRACE = Duration.ofSeconds(120);
    private static final long POLL_MILLIS = 250;
    private static final long SHUTDOWN_WAIT_MILLIS = 60_000;

    /**
     * JVM options of the soak child. The heap is small, fixed and touched before main: the per-epoch
     * bookkeeping leaves some garbage, and with an untouched heap every new eden page showed as RSS
     * growth (the null allocator "drifted" +8% in 150 s and a 60-minute soak grew 100 -> 165 MiB, all
     * of it Java heap). Pre-touched, the heap is resident from the first epoch and stays so.
     */
    public static final List<String> CHILD_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC", "-XX:-UsePerfData");

    /** How a soak ended. */
    public record Result(Path csvFile, int epochsWritten, String stopReason, String childFailure,
                         SoakAnalysisService.Outcome analysis) {
    }

    /** The allocator cannot run here (e.g. its library is not installed); maps to exit code 3. */
    public static final class EnvironmentException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public EnvironmentException(String message) {
            super(message);
        }
    }

    private final ChildLauncher launcher;

    public SoakRunner(ChildLauncher launcher) {
        this.launcher = launcher;
    }

    /**
     * Runs the soak. Bad requests and unwritable directories throw IllegalArgumentException (naming the
     * option); a missing library throws {@link EnvironmentException}.
     */
    @SuppressWarnings("try")   // the resource guards the block (a signal hook, a lock); the body need not touch it
    public Result run(SoakRequest request, PrintWriter out, PrintWriter err) {
        AllocatorSpec allocator = Allocators.byName(request.allocator());
        checkProfile(allocator, request.profile());
        if (!allocator.available()) {
            throw new EnvironmentException("allocator=" + allocator.name() + ": " + allocator.installHint());
        }
        // an unwritable directory is a bad option value, exit 2, as in every other command
        String outProblem = AtomicFiles.checkWritableDirectory(request.outDir());
        if (outProblem != null) {
            throw new IllegalArgumentException("--out=" + request.outDir() + ": " + outProblem);
        }
        String resultsProblem = AtomicFiles.checkWritableDirectory(request.resultsDir());
        if (resultsProblem != null) {
            throw new IllegalArgumentException("--results=" + request.resultsDir() + ": " + resultsProblem);
        }
        Instant started = Instant.now();
        String stem = uniqueStem(request.outDir(), SoakFiles.stem(allocator.name(), request.profile(), ResultFiles.stamp(started)));
        Path csv = request.outDir().resolve(stem + ".csv");
        Path hlog = request.outDir().resolve(stem + ".hlog");
        SoakChildConfig config = new SoakChildConfig(allocator.name(), request.workingSet(), request.seed(), request.epochs(),
                TimeUnit.SECONDS.toNanos(request.epochSeconds()), request.batchOps(), request.timedEveryBatches(),
                csv.toAbsolutePath().toString(), hlog.toAbsolutePath().toString(), header(request, allocator, started, hlog));
        ChildSpec spec = ChildSpec.of(SoakChildMode.class, config,
                        Duration.ofSeconds(request.durationSeconds()).plus(CHILD_GRACE))
                .withEnvironment(request.profile() == null ? Map.of() : Map.of("HAKMEM_PROFILE", request.profile()))
                .withPreload(allocator.preloadLibrary())
                .withJvmOptions(CHILD_JVM_OPTIONS);

        String label = allocator.name() + (request.profile() == null ? "" : "/" + request.profile());
        out.printf("soak %s: %d s in %d s epochs, ws=%d, 1 of %d batches of %d ops timed -> %s%n", label,
                request.durationSeconds(), request.epochSeconds(), request.workingSet(), request.timedEveryBatches(),
                request.batchOps(), csv);
        out.flush();

        try (ShutdownStop shutdown = new ShutdownStop("soak-shutdown", ShutdownStop::stopJavaChildren, SHUTDOWN_WAIT_MILLIS)) {
            ChildOutcome outcome = follow(spec, csv, label, request, out);
            return finish(request, csv, outcome, out, err);
        }
    }

    private ChildOutcome follow(ChildSpec spec, Path csv, String label, SoakRequest request, PrintWriter out) {
        CompletableFuture<ChildOutcome> child = new CompletableFuture<>();
        Thread.ofPlatform().name("soak-child").start(() -> {
            try {
                child.complete(launcher.run(spec));
            } catch (RuntimeException | Error e) {
                child.completeExceptionally(e);
            }
        });
        SoakPlot.prepare();
        EpochCsvTail tail = new EpochCsvTail(csv);
        try (SoakProgress progress = SoakProgress.create(label, request.durationSeconds(), request.epochSeconds(), out)) {
            while (true) {
                try {
                    ChildOutcome outcome = child.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    tail.poll().forEach(progress::epoch);
                    return outcome;
                } catch (TimeoutException stillRunning) {
                    tail.poll().forEach(progress::epoch);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    ShutdownStop.stopJavaChildren();
                    return child.join();
                } catch (ExecutionException e) {
                    throw new EnvironmentException("cannot run the soak child: " + e.getCause().getMessage());
                }
            }
        }
    }

    private static Result finish(SoakRequest request, Path csv, ChildOutcome outcome, PrintWriter out, PrintWriter err) {
        String stopReason = null;
        int epochs = 0;
        String failure = null;
        if (outcome.ok()) {
            SoakChildResult r = outcome.result(SoakChildResult.class);
            stopReason = r.stopReason();
            epochs = r.epochsWritten();
        } else if (outcome.exitCode() == 130 || outcome.exitCode() == 143) {
            stopReason = SoakChildMode.STOP_REQUESTED;
        } else {
            failure = outcome.failureReason();
            err.println("error: soak child failed: " + failure);
            err.println(outcome.stderrTail());
        }
        if (stopReason != null && !stopReason.equals(SoakLoop.COMPLETED)) {
            out.println("soak stopped early: " + stopReason);
        }
        if (!Files.exists(csv) || new EpochCsvTail(csv).poll().isEmpty()) {
            err.println("error: no completed epoch in " + csv + "; nothing to analyse");
            return new Result(csv, 0, stopReason, failure == null ? "no completed epoch" : failure, null);
        }
        SoakAnalysisService.Outcome analysis = new SoakAnalysisService().analyze(
                new AnalyzeRequest(List.of(csv), request.resultsDir(), request.warmupEpochs(), request.targets(), null, true),
                out, err);
        if (epochs == 0) {
            epochs = analysis.reports().getFirst().epochs().size();
        }
        return new Result(csv, epochs, stopReason, failure, analysis);
    }

    /**
     * Asks the soak child of this process to stop (SIGTERM); it flushes and exits. The child is the only
     * JVM this process starts during a soak, so it is found by its executable: its argument list is not
     * a reliable key (Linux may hand back an empty one when the class path is long).
     */
    private static void checkProfile(AllocatorSpec allocator, String profile) {
        if (allocator.kind() == AllocatorKind.EMBEDDED_HAKMEM) {
            ProfileCheck.check(profile, Map.of());
        } else if (profile != null) {
            throw new IllegalArgumentException("--profile applies to hakmem only: allocator=" + allocator.name() + ", profile=" + profile);
        }
    }

    private static String uniqueStem(Path dir, String stem) {
        String candidate = stem;
        for (int n = 2; Files.exists(dir.resolve(candidate + ".csv")); n++) {
            candidate = stem + "-" + n;
        }
        return candidate;
    }

    private static TreeMap<String, String> header(SoakRequest request, AllocatorSpec allocator, Instant started, Path hlog) {
        MachineFingerprint machine = MachineFingerprint.capture();
        Map<String, String> h = new HashMap<>();
        h.put("allocator", allocator.name());
        h.put("profile", request.profile() == null ? "-" : request.profile());
        h.put("ws", Integer.toString(request.workingSet()));
        h.put("seed", Long.toString(request.seed()));
        h.put("min_size", Integer.toString(RandomMixed.MIN_BYTES));
        h.put("max_size", Integer.toString(RandomMixed.MAX_BYTES));
        h.put("epoch_s", Integer.toString(request.epochSeconds()));
        h.put("duration_s", Integer.toString(request.durationSeconds()));
        h.put(SoakFiles.BATCH_OPS_KEY, Integer.toString(request.batchOps()));
        h.put("timed_every_batches", Integer.toString(request.timedEveryBatches()));
        h.put(SoakFiles.HISTOGRAM_LOG_KEY, hlog.getFileName().toString());
        h.put("started_utc", started.toString());
        h.put("ld_preload", allocator.preloadLibrary() == null ? "" : allocator.preloadLibrary().toString());
        h.put("machine_id", machine.id());
        h.put("cpu_model", machine.cpuModel());
        h.put("kernel", machine.kernel());
        h.put("git_commit", machine.gitCommit() == null ? "" : machine.gitCommit());
        return new TreeMap<>(h);
    }
}
