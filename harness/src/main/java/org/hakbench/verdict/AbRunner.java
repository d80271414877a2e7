package org.hakbench.verdict;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.hakbench.adapters.AllocatorKind;
import org.hakbench.adapters.AllocatorSpec;
import org.hakbench.adapters.AllocatorUnavailableException;
import org.hakbench.adapters.Allocators;
import org.hakbench.child.ChildLauncher;
import org.hakbench.child.ChildOutcome;
import org.hakbench.child.ChildSpec;
import org.hakbench.rebase.RebaseChild;
import org.hakbench.rebase.RebaseRunResult;
import org.hakbench.rebase.RebaseRunSpec;
import org.hakbench.rebase.RebaseRunner;
import org.hakbench.results.AtomicFiles;
import org.hakbench.results.Json;
import org.hakbench.results.MachineFingerprint;
import org.hakbench.results.ResultFiles;
import org.hakbench.results.RunJournal;
import org.hakbench.child.ShutdownStop;
import org.hakmem.allocator.AllocatorConfig;

/**
 * {@code hakbench ab}: two configurations of the same random_mixed workload, runs paired and interleaved
 * A B, B A, ... ({@link AbSchedule}), each run its own child JVM (the rebase's child mode, so an A/B run
 * measures exactly what a rebase run measures), then the verdict of B against A.
 */
public final class AbRunner {

    /**
     * @param a           baseline spec
     * @param b           candidate spec
     * @param runs        runs per side (at least 5)
     * @param iters       timed iterations per run
     * @param ws          working set
     * @param seed        PRNG seed
     * @param warmupIters untimed warm-up iterations per run
     * @param timeout     wall-clock limit per child
     * @param thresholds  verdict noise band
     * @param measure     which per-run figure the verdict compares
     * @param resultsDir  where ab-*.json and verdict-*.json go
     */
    public record Request(AbSpec a, AbSpec b, int runs, long iters, int ws, long seed, long warmupIters,
                          Duration timeout, VerdictThresholds thresholds, Measure measure, Path resultsDir) {
    }

    /** The written A/B file, the verdict file (null when too few runs succeeded) and the failed runs. */
    public record Outcome(AbResult result, Path abFile, Path verdictFile, int failedRuns) {
    }

    private static final long SHUTDOWN_WAIT_MILLIS = 30_000;

    private final RebaseRunner.ChildRunner children;
    private final Clock clock;

    public AbRunner() {
        this(new ChildLauncher()::run, Clock.systemUTC());
    }

    public AbRunner(RebaseRunner.ChildRunner children, Clock clock) {
        this.children = children;
        this.clock = clock;
    }

    /** Checks everything a child would trip over, before any child starts. */
    public void check(Request request) {
        AbSchedule.order(request.runs());
        checkAtLeast("--iters", request.iters(), 1);
        checkAtLeast("--ws", request.ws(), 1);
        checkAtLeast("--warmup", request.warmupIters(), 0);
        checkSpec("--a", request.a());
        checkSpec("--b", request.b());
        String problem = AtomicFiles.checkWritableDirectory(request.resultsDir());
        if (problem != null) {
            throw new IllegalArgumentException("--results=" + request.resultsDir() + ": " + problem);
        }
    }

    /**
     * The runs of one comparison and their paired verdict, computed in memory (nothing written).
     *
     * @param a       the A figures of the complete pairs, pair by pair
     * @param b       the B figures of the same pairs
     * @param verdict null when fewer than {@link VerdictEvaluator#MIN_PAIRS} pairs completed
     */
    public record Trial(List<AbResult.Run> runs, double[] a, double[] b, Verdict verdict, MachineFingerprint machine,
                        SortedMap<String, String> workload) {
        public int failedRuns() {
            return (int) runs.stream().filter(r -> !r.ok()).count();
        }

        /** The same trial judged again from {@code fromJournal}, the runs as the journal holds them. */
        Trial withRuns(List<AbResult.Run> fromJournal, Request request) {
            double[][] pairs = completePairs(fromJournal, request.runs(), request.measure());
            Verdict v = pairs[0].length >= VerdictEvaluator.MIN_PAIRS
                    ? new VerdictEvaluator(request.thresholds()).evaluatePaired(
                            new MeasuredSide("A " + request.a().text(), machine.id(), workload, pairs[0]),
                            new MeasuredSide("B " + request.b().text(), machine.id(), workload, pairs[1]), isAaRun(request))
                    : null;
            return new Trial(List.copyOf(fromJournal), pairs[0], pairs[1], v, machine, workload);
        }
    }

    /**
     * Runs the comparison and writes its files. Every finished run is journalled (fsynced) beside the
     * reserved ab file, and the file is assembled from the journal; SIGINT/SIGTERM stops the running
     * child and writes what was measured (a verdict when enough pairs completed).
     */
    @SuppressWarnings("try")   // the resource guards the block (a signal hook, a lock); the body need not touch it
    public Outcome run(Request request, Consumer<String> progress) {
        check(request);
        Instant createdAt = clock.instant();
        Path abFile = ResultFiles.newJsonFile(request.resultsDir(), AbResult.KIND, createdAt);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Trial trial;
        try (RunJournal<AbResult.Run> journal = RunJournal.beside(abFile, AbResult.Run.class);
             ShutdownStop shutdown = ShutdownStop.stoppingChildren("ab-shutdown", stop, SHUTDOWN_WAIT_MILLIS)) {
            int[] done = {0};
            Trial measured = trial(request, progress, "", run -> journal.append(run, done[0]++), stop::get);
            trial = measured.withRuns(journal.read(), request);
            Outcome outcome = write(request, createdAt, abFile, trial, stop.get());
            journal.delete();
            return outcome;
        }
    }

    private Outcome write(Request request, Instant createdAt, Path abFile, Trial trial, boolean interrupted) {
        if (interrupted) {
            System.err.println("interrupted: stopped by a signal after " + trial.runs().size() + " run(s); writing what was measured");
        }
        MachineFingerprint machine = trial.machine();
        Path verdictFile = null;
        Verdict verdict = trial.verdict();
        if (verdict != null) {
            SortedMap<String, String> workload = trial.workload();
            MeasuredSide a = new MeasuredSide("A " + request.a().text(), machine.id(), workload, trial.a());
            MeasuredSide b = new MeasuredSide("B " + request.b().text(), machine.id(), workload, trial.b());
            VerdictService.Written written = new VerdictService(new VerdictEvaluator(request.thresholds()), Clock.fixed(createdAt, java.time.ZoneOffset.UTC))
                    .write(verdict, a, b, request.a().text() + " -> " + request.b().text(), request.measure(), machine, request.resultsDir());
            verdictFile = written.file();
        }
        AbResult result = new AbResult(AbResult.SCHEMA, AbResult.KIND, createdAt, machine, request.a(), request.b(), trial.workload(),
                trial.runs(), verdictFile == null ? null : verdictFile.getFileName().toString(), verdict);
        Json.writeFile(abFile, result);
        return new Outcome(result, abFile, verdictFile, trial.failedRuns());
    }

    /** Runs the children of one comparison and judges them; {@code label} prefixes each progress line. */
    public Trial trial(Request request, Consumer<String> progress, String label) {
        return trial(request, progress, label, run -> { }, () -> false);
    }

    /** As above; {@code finished} sees each run as it ends, and the schedule stops early once {@code stop} says so. */
    public Trial trial(Request request, Consumer<String> progress, String label, Consumer<AbResult.Run> finished,
                       java.util.function.BooleanSupplier stop) {
        check(request);
        MachineFingerprint machine = MachineFingerprint.capture();
        List<AbSchedule.Side> order = AbSchedule.order(request.runs());
        List<AbResult.Run> runs = new ArrayList<>();
        for (AbSchedule.Side side : order) {
            if (stop.getAsBoolean()) {
                break;
            }
            AbSpec spec = side == AbSchedule.Side.A ? request.a() : request.b();
            AbResult.Run run = runChild(request, spec, side, runs.size() + 1);
            finished.accept(run);
            runs.add(run);
            progress.accept(String.format(java.util.Locale.ROOT, "%s%d/%d %s %s: %s", label, run.index(), order.size(), side, spec.text(),
                    run.ok() ? String.format(java.util.Locale.ROOT, "%.3f M ops/s, %.3f M ops per CPU-second",
                            run.result().opsPerSec() / 1e6, run.result().opsPerCpuSec() / 1e6) : "FAILED " + run.failure()));
        }
        SortedMap<String, String> workload = workload(request);
        double[][] pairs = completePairs(runs, request.runs(), request.measure());
        Verdict verdict = null;
        if (pairs[0].length >= VerdictEvaluator.MIN_PAIRS) {
            verdict = new VerdictEvaluator(request.thresholds()).evaluatePaired(
                    new MeasuredSide("A " + request.a().text(), machine.id(), workload, pairs[0]),
                    new MeasuredSide("B " + request.b().text(), machine.id(), workload, pairs[1]), isAaRun(request));
        }
        return new Trial(List.copyOf(runs), pairs[0], pairs[1], verdict, machine, workload);
    }

    private AbResult.Run runChild(Request request, AbSpec spec, AbSchedule.Side side, int index) {
        AllocatorSpec allocator = Allocators.byName(spec.allocator());
        RebaseRunSpec runSpec = new RebaseRunSpec(spec.allocator(), request.iters(), request.ws(), request.seed(),
                request.warmupIters(), RebaseRunner.WARMUP_CHUNK_OPS, false);
        ChildSpec child = ChildSpec.of(RebaseChild.class, runSpec, request.timeout())
                .withEnvironment(spec.environment())
                .withPreload(allocator.preloadLibrary());
        ChildOutcome outcome = children.run(child);
        if (!outcome.ok()) {
            return new AbResult.Run(index, side, false, outcome.failureReason(), outcome.stderrTail(), outcome.wallNanos(), null);
        }
        try {
            return new AbResult.Run(index, side, true, null, null, outcome.wallNanos(), outcome.result(RebaseRunResult.class));
        } catch (IllegalArgumentException e) {
            return new AbResult.Run(index, side, false, e.getMessage(), outcome.stderrTail(), outcome.wallNanos(), null);
        }
    }

    /** An A/A run: both sides the same configuration, so any GO or NO-GO is a false alarm. */
    public static boolean isAaRun(Request request) {
        return request.a().equals(request.b());
    }

    /**
     * The A and B figures of every pair whose two runs both succeeded, pair by pair (a pair with a failed
     * run is dropped whole, so the rest stay paired).
     */
    static double[][] completePairs(List<AbResult.Run> runs, int pairCount, Measure measure) {
        Double[] a = new Double[pairCount];
        Double[] b = new Double[pairCount];
        for (AbResult.Run r : runs) {
            if (r.ok()) {
                (r.side() == AbSchedule.Side.A ? a : b)[AbSchedule.pairOf(r.index())] = measure.of(r.result());
            }
        }
        java.util.List<double[]> both = new ArrayList<>();
        for (int p = 0; p < pairCount; p++) {
            if (a[p] != null && b[p] != null) {
                both.add(new double[] {a[p], b[p]});
            }
        }
        return new double[][] {both.stream().mapToDouble(x -> x[0]).toArray(), both.stream().mapToDouble(x -> x[1]).toArray()};
    }

    private static SortedMap<String, String> workload(Request r) {
        TreeMap<String, String> w = new TreeMap<>();
        w.put("iters", Long.toString(r.iters()));
        w.put("ws", Integer.toString(r.ws()));
        w.put("seed", Long.toString(r.seed()));
        w.put("warmupIters", Long.toString(r.warmupIters()));
        w.put("warmupChunkOps", Long.toString(RebaseRunner.WARMUP_CHUNK_OPS));
        w.put("jvmOptions", String.join(" ", ChildLauncher.DEFAULT_JVM_OPTIONS));
        return w;
    }

    /** Unknown allocator -> 2; a competitor library missing -> 3; a HAKMEM_* the allocator rejects -> 2. */
    private static void checkSpec(String option, AbSpec spec) {
        AllocatorSpec allocator;
        try {
            allocator = Allocators.byName(spec.allocator());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + "=" + spec.text() + ": " + e.getMessage(), e);
        }
        if (!allocator.available()) {
            throw new AllocatorUnavailableException(option + "=" + spec.text() + ": " + allocator.installHint());
        }
        if (allocator.kind() == AllocatorKind.EMBEDDED_HAKMEM) {
            Map<String, String> known = AllocatorConfig.defaults().effective();
            for (String name : spec.overrides().keySet()) {
                if (!known.containsKey(name)) {
                    throw new IllegalArgumentException(option + "=" + spec.text() + ": " + name + " is not a hakmem variable; known: " + known.keySet());
                }
            }
            try {
                AllocatorConfig.fromEnvironment(spec.environment());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + "=" + spec.text() + ": " + e.getMessage(), e);
            }
        }
    }

    private static void checkAtLeast(String option, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(option + "=" + value + ": must be at least " + min);
        }
    }
}
