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
        if (request.a().equals(request.b())) {
            throw new IllegalArgumentException("--a and --b are the same configuration (" + request.a().text() + "); nothing to compare");
        }
        checkSpec("--a", request.a());
        checkSpec("--b", request.b());
        String problem = AtomicFiles.checkWritableDirectory(request.resultsDir());
        if (problem != null) {
            throw new IllegalArgumentException("--results=" + request.resultsDir() + ": " + problem);
        }
    }

    public Outcome run(Request request, Consumer<String> progress) {
        check(request);
        Instant createdAt = clock.instant();
        MachineFingerprint machine = MachineFingerprint.capture();
        List<AbSchedule.Side> order = AbSchedule.order(request.runs());
        List<AbResult.Run> runs = new ArrayList<>();
        for (AbSchedule.Side side : order) {
            AbSpec spec = side == AbSchedule.Side.A ? request.a() : request.b();
            AbResult.Run run = runChild(request, spec, side, runs.size() + 1);
            runs.add(run);
            progress.accept(String.format(java.util.Locale.ROOT, "%d/%d %s %s: %s", run.index(), order.size(), side, spec.text(),
                    run.ok() ? String.format(java.util.Locale.ROOT, "%.3f M ops/s, %.3f M ops per CPU-second",
                            run.result().opsPerSec() / 1e6, run.result().opsPerCpuSec() / 1e6) : "FAILED " + run.failure()));
        }
        SortedMap<String, String> workload = workload(request);
        double[] aOps = figures(runs, AbSchedule.Side.A, request.measure());
        double[] bOps = figures(runs, AbSchedule.Side.B, request.measure());
        int failed = (int) runs.stream().filter(r -> !r.ok()).count();
        Path verdictFile = null;
        Verdict verdict = null;
        if (aOps.length >= VerdictEvaluator.MIN_RUNS_PER_SIDE && bOps.length >= VerdictEvaluator.MIN_RUNS_PER_SIDE) {
            MeasuredSide a = new MeasuredSide("A " + request.a().text(), machine.id(), workload, aOps);
            MeasuredSide b = new MeasuredSide("B " + request.b().text(), machine.id(), workload, bOps);
            VerdictService.Written written = new VerdictService(new VerdictEvaluator(request.thresholds()), Clock.fixed(createdAt, java.time.ZoneOffset.UTC))
                    .evaluateAndWrite(a, b, request.a().text() + " -> " + request.b().text(), request.measure(), machine, request.resultsDir());
            verdictFile = written.file();
            verdict = written.result().verdict();
        }
        AbResult result = new AbResult(AbResult.SCHEMA, AbResult.KIND, createdAt, machine, request.a(), request.b(), workload, runs,
                verdictFile == null ? null : verdictFile.getFileName().toString(), verdict);
        Path abFile = ResultFiles.newJsonFile(request.resultsDir(), AbResult.KIND, createdAt);
        Json.writeFile(abFile, result);
        return new Outcome(result, abFile, verdictFile, failed);
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

    private static double[] figures(List<AbResult.Run> runs, AbSchedule.Side side, Measure measure) {
        return runs.stream().filter(r -> r.ok() && r.side() == side).mapToDouble(r -> measure.of(r.result())).toArray();
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
