package org.hakbench.scale;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

import org.hakbench.adapters.AllocatorKind;
import org.hakbench.adapters.AllocatorSpec;
import org.hakbench.adapters.AllocatorUnavailableException;
import org.hakbench.adapters.Allocators;
import org.hakbench.child.ChildLauncher;
import org.hakbench.child.ChildOutcome;
import org.hakbench.child.ChildSpec;
import org.hakbench.child.NativeTwin;
import org.hakbench.results.AtomicFiles;
import org.hakbench.results.Json;
import org.hakbench.results.MachineFingerprint;
import org.hakbench.results.ResultFiles;
import org.hakbench.results.RunJournal;
import org.hakbench.child.ShutdownStop;

/**
 * The {@code hakbench scale} service: one child JVM per (run, threads, allocator), interleaved so that
 * slow drift of the machine hits every point alike; then the table, the JSON and the plot.
 * A failed child is kept as a failed run with its stderr tail; the other runs and the files are not lost.
 */
public final class ScaleRunner {
    private final ChildLauncher launcher;

    public ScaleRunner(ChildLauncher launcher) {
        this.launcher = launcher;
    }

    private static final long SHUTDOWN_WAIT_MILLIS = 30_000;

    /**
     * Runs the sweep and writes {@code <resultsDir>/scale-<UTC>.json} and {@code .png}.
     *
     * @throws IllegalArgumentException        unknown allocator or unwritable results directory (bad input)
     * @throws AllocatorUnavailableException   a named allocator's library is not installed here
     */
    @SuppressWarnings("try")   // the resource guards the block (a signal hook, a lock); the body need not touch it
    public ScaleReport run(ScaleConfig config, PrintWriter out) {
        List<AllocatorSpec> allocators = resolve(config.allocators());
        Path dir = Path.of(config.resultsDir());
        String problem = AtomicFiles.checkWritableDirectory(dir);
        if (problem != null) {
            throw new IllegalArgumentException("--results=" + dir + ": " + problem);
        }
        Instant createdAt = Instant.now();
        // the result's name is reserved now; every finished run is journalled beside it and the result
        // assembled from the journal, so a crash or a full disk loses at most the run in flight
        Path json = ResultFiles.newJsonFile(dir, ScaleResult.KIND, createdAt);
        List<ScaleRun> runs;
        AtomicBoolean stop = new AtomicBoolean();
        try (RunJournal<ScaleRun> journal = RunJournal.beside(json, ScaleRun.class);
             ShutdownStop shutdown = ShutdownStop.stoppingChildren("scale-shutdown", stop, SHUTDOWN_WAIT_MILLIS)) {
            measure(config, allocators, out, journal, stop);
            runs = journal.read();
            if (stop.get()) {
                out.println("interrupted: stopped by a signal after " + runs.size() + " run(s); writing what was measured");
            }
            ScaleReport report = write(config, allocators, createdAt, json, runs, out);
            journal.delete();
            return report;
        }
    }

    private ScaleReport write(ScaleConfig config, List<AllocatorSpec> allocators, Instant createdAt, Path json, List<ScaleRun> runs,
                              PrintWriter out) {
        List<ScalePoint> points = ScaleStatistics.points(config, runs);
        SortedMap<String, String> versions = new TreeMap<>();
        for (AllocatorSpec spec : allocators) {
            versions.put(spec.name(), Allocators.libraryVersion(spec));
        }
        ScaleResult result = new ScaleResult(ScaleResult.SCHEMA, ScaleResult.KIND, createdAt, MachineFingerprint.capture(),
                config, versions, config.baseThreads(), runs, points);
        Json.writeFile(json, result);
        List<String> plotWarnings = new ArrayList<>();
        Path png = points.stream().anyMatch(ScalePoint::measured) ? writePlot(json, result, plotWarnings) : null;
        plotWarnings.forEach(w -> out.println("warning: " + w));
        out.println();
        out.println(config.workload().cliName() + " scaling, " + describeLength(config) + ", " + config.runs() + " run(s) per point:");
        out.print(ScaleTable.markdown(points, config.baseThreads(), config.reference()));
        if (config.reference() != null) {
            out.println("vs " + config.reference() + ": ops/s ratio of runs that ran back to back (run i with run i), Hodges-Lehmann"
                    + " estimate with the Wilcoxon signed-rank 95% CI; \"ahead\"/\"behind\" only when the interval excludes 1.");
        }
        out.println("wrote " + json + (png == null ? " (no plot)" : " and " + png));
        out.flush();
        return new ScaleReport(result, json, png);
    }

    private static List<AllocatorSpec> resolve(List<String> names) {
        List<AllocatorSpec> specs = new ArrayList<>();
        for (String name : names) {
            AllocatorSpec spec = Allocators.byNameOrNative(name);
            if (!spec.available()) {
                throw new AllocatorUnavailableException("allocator=" + name + ": " + spec.installHint());
            }
            specs.add(spec);
        }
        return specs;
    }

    private void measure(ScaleConfig config, List<AllocatorSpec> allocators, PrintWriter out, RunJournal<ScaleRun> journal,
                         AtomicBoolean stop) {
        int total = config.runs() * config.threads().size() * allocators.size();
        int done = 0;
        long startNanos = System.nanoTime();
        for (int run = 1; run <= config.runs(); run++) {
            for (int threads : config.threads()) {
                for (AllocatorSpec allocator : allocators) {
                    if (stop.get()) {
                        return;
                    }
                    ScaleRun result = measureOne(config, allocator, threads, run);
                    journal.append(result, done++);
                    out.println(progressLine(done, total, result, System.nanoTime() - startNanos));
                    out.flush();
                }
            }
        }
    }

    private ScaleRun measureOne(ScaleConfig config, AllocatorSpec allocator, int threads, int run) {
        if (allocator.kind() == AllocatorKind.NATIVE_TWIN) {
            return measureNative(config, allocator, threads, run);
        }
        ChildSpec spec = ChildSpec.of(ScaleChild.class, new ScaleChildConfig(allocator.name(), config.spec(threads)),
                Duration.ofSeconds(config.timeoutSeconds()));
        if (allocator.preloadLibrary() != null) {
            spec = spec.withPreload(allocator.preloadLibrary());
        }
        if (allocator.kind() == AllocatorKind.EMBEDDED_HAKMEM) {
            spec = spec.withEnvironment(config.hakmemChildEnvironment());
        }
        ChildOutcome outcome = launcher.run(spec);
        if (!outcome.ok()) {
            return new ScaleRun(run, allocator.name(), threads, null, outcome.failureReason() + "\n" + outcome.stderrTail());
        }
        return new ScaleRun(run, allocator.name(), threads, outcome.result(ScaleRunResult.class), null);
    }

    /**
     * One run of the C twin (bench_scale.c) as a plain process, the competitor preloaded: the same
     * workload spec, warm-up and length as the JVM children, no JVM in the process.
     */
    private ScaleRun measureNative(ScaleConfig config, AllocatorSpec allocator, int threads, int run) {
        ChildSpec spec = ChildSpec.ofNative(allocator.name(), NativeTwin.scaleCommand(config.workload().cliName(), allocator.name(),
                        allocator.baseName().equals("null"), threads, config.iters(), config.durationMillis(), config.warmupIters(),
                        config.seed(), config.params()), Duration.ofSeconds(config.timeoutSeconds()))
                .withPreload(allocator.preloadLibrary());
        ChildOutcome outcome = launcher.run(spec);
        if (!outcome.ok()) {
            return new ScaleRun(run, allocator.name(), threads, null, outcome.failureReason() + "\n" + outcome.stderrTail());
        }
        try {
            ScaleRunResult result = outcome.result(ScaleRunResult.class);
            String wrong = NativeTwin.wrongLibrary(allocator.name(), allocator.mallocLibrary(), allocator.preloadLibrary(),
                    result.implementation());
            return wrong == null ? new ScaleRun(run, allocator.name(), threads, result, null)
                    : new ScaleRun(run, allocator.name(), threads, null, wrong);
        } catch (IllegalArgumentException e) {
            return new ScaleRun(run, allocator.name(), threads, null, e.getMessage() + "\n" + outcome.stderrTail());
        }
    }

    private static String progressLine(int done, int total, ScaleRun run, long elapsedNanos) {
        long etaSeconds = Math.round(elapsedNanos / 1e9 / done * (total - done));
        String what = run.ok()
                ? String.format(Locale.ROOT, "%s ops/s, peak RSS %.1f MiB", ScaleTable.millions(run.result().opsPerSecond()),
                        run.result().peakRssKiB() / 1024.0)
                : "FAILED: " + run.failure().lines().findFirst().orElse("");
        return String.format(Locale.ROOT, "[%d/%d] run %d, %d thread(s), %s: %s (elapsed %ds, ETA %ds)", done, total,
                run.run(), run.threads(), run.allocator(), what, Math.round(elapsedNanos / 1e9), etaSeconds);
    }

    private static Path writePlot(Path json, ScaleResult result, List<String> warnings) {
        Path png = ResultFiles.sibling(json, ".png");
        byte[] bytes = org.hakbench.results.Plots.drawOrWarn(() -> ScalePlot.png(result), warnings);
        if (bytes == null) {
            return null;
        }
        try {
            AtomicFiles.writeBytes(png, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
        }
        return png;
    }

    private static String describeLength(ScaleConfig config) {
        return config.iters() > 0 ? config.iters() + " steps per thread" : config.durationMillis() / 1000.0 + " s per run";
    }
}
