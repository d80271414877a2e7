package org.hakbench.trace;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.hakbench.adapters.AllocatorSpec;
import org.hakbench.adapters.AllocatorUnavailableException;
import org.hakbench.adapters.Allocators;
import org.hakbench.child.ChildLauncher;
import org.hakbench.child.ChildOutcome;
import org.hakbench.child.ChildSpec;
import org.hakbench.child.ShutdownStop;
import org.hakbench.results.AtomicFiles;
import org.hakbench.results.MachineFingerprint;
import org.hakbench.results.ResultFiles;
import org.hakbench.results.RunJournal;
import org.hakbench.stats.PairedRatio;

/**
 * {@code hakbench replay}: each trace against each allocator in child JVMs, interleaved run by run
 * (run i of every allocator back to back, so drift hits all alike), every finished run journalled;
 * then per trace and allocator the median ops/s with its spread and the ratio to the reference run
 * by run (Hodges-Lehmann estimate, Wilcoxon 95% interval, as scale), and `replay-<UTC>.json`.
 */
public final class ReplayRunner {
    private static final long SHUTDOWN_WAIT_MILLIS = 30_000;

    /** The effective configuration, recorded in the result. */
    public record Request(List<String> traces, List<String> allocators, int runs, int warmupPasses, long minOps, String reference,
                          String resultsDir, long timeoutSeconds) {
        public Request {
            traces = List.copyOf(traces);
            allocators = List.copyOf(allocators);
        }

        /** The checks of a new run (not of a loaded result file, whose traces may live elsewhere now). */
        void check() {
            if (traces.isEmpty()) {
                throw new IllegalArgumentException("give at least one TRACE.trace.gz (hakbench record writes them)");
            }
            for (String t : traces) {
                if (!Files.isReadable(Path.of(t))) {
                    throw new IllegalArgumentException(t + ": no such readable trace");
                }
            }
            if (runs < 1) {
                throw new IllegalArgumentException("--runs=" + runs + ": must be at least 1");
            }
            if (warmupPasses < 0 || minOps < 1) {
                throw new IllegalArgumentException("--warmup-passes=" + warmupPasses + " / --min-ops=" + minOps + ": need >= 0 and >= 1");
            }
            if (reference != null && !allocators.contains(reference)) {
                throw new IllegalArgumentException("--reference=" + reference + ": not among --allocators=" + String.join(",", allocators));
            }
        }
    }

    /** One child's run, journalled as it finishes. */
    public record ReplayRun(int run, String trace, String allocator, ReplayRunResult result, String failure) {
        public boolean ok() {
            return result != null;
        }
    }

    /** Per trace and allocator. */
    public record ReplayPoint(String trace, String allocator, int runsOk, int runsFailed, Double medianOpsPerSecond, Double cvPercent,
                              Double minOpsPerSecond, Double maxOpsPerSecond, Long medianPeakRssKiB, Long residentBytes,
                              PairedRatio vsReference, Double nsPerOp, Double fragmentation, Double osCallsPerOp) {
    }

    public record ReplayResult(int schema, String kind, Instant createdAt, MachineFingerprint machine, Request settings,
                               List<ReplayRun> runs, List<ReplayPoint> points) implements org.hakbench.results.ResultEnvelope {
        public static final int SCHEMA = 1;
        public static final String KIND = "replay";
    }

    public record Outcome(ReplayResult result, Path json, int failedRuns) {
    }

    private final ChildLauncher launcher;

    public ReplayRunner(ChildLauncher launcher) {
        this.launcher = launcher;
    }

    @SuppressWarnings("try")   // the shutdown guard only has to be open while the children run
    public Outcome run(Request request, PrintWriter out) {
        request.check();
        for (String name : request.allocators()) {
            AllocatorSpec spec = Allocators.byName(name);
            if (!spec.available()) {
                throw new AllocatorUnavailableException("allocator=" + name + ": " + spec.installHint());
            }
        }
        Path dir = Path.of(request.resultsDir());
        String problem = AtomicFiles.checkWritableDirectory(dir);
        if (problem != null) {
            throw new IllegalArgumentException("--results=" + dir + ": " + problem);
        }
        for (String t : request.traces()) {
            TraceRecorder.read(Path.of(t));   // a corrupt trace is bad input, before any child starts
        }
        Instant createdAt = Instant.now();
        Path json = ResultFiles.newJsonFile(dir, ReplayResult.KIND, createdAt);
        AtomicBoolean stop = new AtomicBoolean();
        int total = request.runs() * request.traces().size() * request.allocators().size();
        try (RunJournal<ReplayRun> journal = RunJournal.beside(json, ReplayRun.class);
             ShutdownStop shutdown = ShutdownStop.stoppingChildren("replay-shutdown", stop, SHUTDOWN_WAIT_MILLIS)) {
            int done = 0;
            measure:
            for (int run = 1; run <= request.runs(); run++) {
                for (String trace : request.traces()) {
                    for (String allocator : request.allocators()) {
                        if (stop.get()) {
                            break measure;
                        }
                        ReplayRun r = runOne(request, run, trace, allocator);
                        journal.append(r, done++);
                        out.printf(Locale.ROOT, "[%d/%d] run %d, %s, %s: %s%n", done, total, run, Path.of(trace).getFileName(), allocator,
                                r.ok() ? String.format(Locale.ROOT, "%.2f M ops/s", r.result().opsPerSecond() / 1e6)
                                        : "FAILED: " + r.failure().lines().findFirst().orElse(""));
                        out.flush();
                    }
                }
            }
            List<ReplayRun> runs = journal.read();
            List<ReplayPoint> points = points(request, runs);
            ReplayResult result = new ReplayResult(ReplayResult.SCHEMA, ReplayResult.KIND, createdAt, MachineFingerprint.capture(),
                    request, runs, points);
            ResultFiles.writeReserved(json, result);
            Path markdown = ResultFiles.sibling(json, ".md");
            String tables = table(request, points);
            try {
                AtomicFiles.writeString(markdown, "# hakbench replay, " + createdAt + "\n" + tables);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write " + markdown + ": " + e.getMessage(), e);
            }
            journal.delete();
            out.print(tables);
            out.println("wrote " + json + " and " + markdown.getFileName());
            out.flush();
            return new Outcome(result, json, (int) runs.stream().filter(r -> !r.ok()).count());
        }
    }

    private ReplayRun runOne(Request request, int run, String trace, String allocator) {
        AllocatorSpec spec = Allocators.byName(allocator);
        ChildSpec child = ChildSpec.of(ReplayChild.class,
                new ReplaySpec(allocator, Path.of(trace).toAbsolutePath().toString(), request.warmupPasses(), request.minOps()),
                Duration.ofSeconds(request.timeoutSeconds()));
        if (spec.preloadLibrary() != null) {
            child = child.withPreload(spec.preloadLibrary());
        }
        ChildOutcome outcome = launcher.run(child);
        if (!outcome.ok()) {
            return new ReplayRun(run, trace, allocator, null, outcome.failureReason() + "\n" + outcome.stderrTail());
        }
        try {
            return new ReplayRun(run, trace, allocator, outcome.result(ReplayRunResult.class), null);
        } catch (IllegalArgumentException e) {
            return new ReplayRun(run, trace, allocator, null, e.getMessage());
        }
    }

    static List<ReplayPoint> points(Request request, List<ReplayRun> runs) {
        List<ReplayPoint> points = new ArrayList<>();
        for (String trace : request.traces()) {
            for (String allocator : request.allocators()) {
                List<ReplayRun> mine = runs.stream().filter(r -> r.trace().equals(trace) && r.allocator().equals(allocator)).toList();
                List<ReplayRun> ok = mine.stream().filter(ReplayRun::ok).toList();
                PairedRatio vs = null;
                if (request.reference() != null && !request.reference().equals(allocator)) {
                    List<double[]> pairs = new ArrayList<>();
                    for (ReplayRun r : ok) {
                        runs.stream().filter(x -> x.ok() && x.run() == r.run() && x.trace().equals(trace) && x.allocator().equals(request.reference()))
                                .findFirst().ifPresent(ref -> pairs.add(new double[] {r.result().opsPerSecond(), ref.result().opsPerSecond()}));
                    }
                    if (!pairs.isEmpty()) {
                        vs = PairedRatio.of(pairs.stream().mapToDouble(p -> p[0]).toArray(), pairs.stream().mapToDouble(p -> p[1]).toArray());
                    }
                }
                if (ok.isEmpty()) {
                    points.add(new ReplayPoint(trace, allocator, 0, mine.size(), null, null, null, null, null, null, null, null, null, null));
                    continue;
                }
                DescriptiveStatistics ops = new DescriptiveStatistics(ok.stream().mapToDouble(r -> r.result().opsPerSecond()).toArray());
                DescriptiveStatistics rss = new DescriptiveStatistics(ok.stream().mapToDouble(r -> r.result().peakRssKiB()).toArray());
                double[] resident = ok.stream().filter(r -> r.result().residentBytes() != null).mapToDouble(r -> r.result().residentBytes()).toArray();
                points.add(new ReplayPoint(trace, allocator, ok.size(), mine.size() - ok.size(), ops.getPercentile(50),
                        ok.size() > 1 ? 100 * ops.getStandardDeviation() / ops.getMean() : null, ops.getMin(), ops.getMax(),
                        Math.round(rss.getPercentile(50)), resident.length == 0 ? null : Math.round(new DescriptiveStatistics(resident).getPercentile(50)),
                        vs, 1e9 / ops.getPercentile(50), median(ok.stream().map(r -> r.result().fragmentation()).toList()),
                        median(ok.stream().map(r -> r.result().osCallsPerOp()).toList())));
            }
        }
        return points;
    }

    /** Median of the known values, or null when none is known. */
    private static Double median(List<Double> values) {
        double[] known = values.stream().filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        return known.length == 0 ? null : new DescriptiveStatistics(known).getPercentile(50);
    }

    static String table(Request request, List<ReplayPoint> points) {
        StringBuilder sb = new StringBuilder();
        String ref = request.reference();
        for (String trace : request.traces()) {
            sb.append('\n').append(Path.of(trace).getFileName()).append(", ").append(request.runs()).append(" run(s):\n");
            sb.append("| allocator | runs ok/failed | median M ops/s | ns/op | min .. max | CV % | peak RSS MiB | resident MiB"
                    + " | mapped at peak / peak live | OS calls/op | vs ").append(ref == null ? "-" : ref).append(", run by run |\n");
            sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (ReplayPoint p : points) {
                if (!p.trace().equals(trace)) {
                    continue;
                }
                sb.append(String.format(Locale.ROOT, "| %s | %d/%d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", p.allocator(), p.runsOk(),
                        p.runsFailed(),
                        p.medianOpsPerSecond() == null ? "-" : String.format(Locale.ROOT, "%.2f", p.medianOpsPerSecond() / 1e6),
                        p.nsPerOp() == null ? "-" : String.format(Locale.ROOT, "%.1f", p.nsPerOp()),
                        p.minOpsPerSecond() == null ? "-" : String.format(Locale.ROOT, "%.2f .. %.2f", p.minOpsPerSecond() / 1e6, p.maxOpsPerSecond() / 1e6),
                        p.cvPercent() == null ? "-" : String.format(Locale.ROOT, "%.1f", p.cvPercent()),
                        p.medianPeakRssKiB() == null ? "-" : String.format(Locale.ROOT, "%.1f", p.medianPeakRssKiB() / 1024.0),
                        p.residentBytes() == null ? "-" : String.format(Locale.ROOT, "%.2f", p.residentBytes() / 1048576.0),
                        p.fragmentation() == null ? "-" : String.format(Locale.ROOT, "%.2f", p.fragmentation()),
                        p.osCallsPerOp() == null ? "-" : String.format(Locale.ROOT, "%.2e", p.osCallsPerOp()),
                        p.allocator().equals(ref) ? "(reference)" : p.vsReference() == null ? "-" : p.vsReference().describe()));
            }
        }
        return sb.toString();
    }
}
