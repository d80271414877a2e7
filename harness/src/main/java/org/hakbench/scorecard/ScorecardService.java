package org.hakbench.scorecard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;

import org.hakbench.analyze.SoakAnalysis;
import org.hakbench.calibrate.CalibrationResult;
import org.hakbench.analyze.SoakAnalyzer;
import org.hakbench.analyze.SoakReport;
import org.hakbench.history.HistoryAnalyzer;
import org.hakbench.history.HistoryService;
import org.hakbench.history.Metric;
import org.hakbench.history.RebaseFigures;
import org.hakbench.history.SeriesReport;
import org.hakbench.rebase.RebaseReport.AllocatorSummary;
import org.hakbench.results.MachineFingerprint;
import org.hakbench.results.ResultFiles;
import org.hakbench.scorecard.ScorecardInputs.MachineSnapshot;
import org.hakbench.scorecard.ScorecardInputs.SnapshotRow;
import org.hakbench.scorecard.ScorecardInputs.SoakLine;
import org.hakbench.scorecard.ScorecardInputs.TrendLine;
import org.hakbench.scorecard.ScorecardInputs.VerdictLogEntry;
import org.hakbench.verdict.VerdictResult;

/**
 * {@code hakbench scorecard update}: reduces the latest results in the results directory (newest rebase
 * per machine, newest soak per machine and configuration, every verdict, the ops/s history) to
 * {@link ScorecardInputs} and rewrites the managed blocks of the scorecard file. The scorecard is parsed
 * first, so a broken marker refuses the update before any file (PNG included) is written.
 */
public final class ScorecardService {

    public static final String TITLE = "# hakmem performance targets scorecard";
    static final String TREND_PNG = "trend-ops_per_s.png";

    /**
     * @param scorecard   the markdown file to update (created when missing)
     * @param resultsDir  where results are read
     * @param targetsFile targets and milestones (defaults when missing)
     */
    public record Request(Path scorecard, Path resultsDir, Path targetsFile, boolean strict) {
        public Request(Path scorecard, Path resultsDir, Path targetsFile) {
            this(scorecard, resultsDir, targetsFile, false);
        }
    }

    /**
     * Whether the markdown changed, where the trend plot is (null when there is no history), and the
     * result files skipped because they did not load.
     */
    public record Outcome(boolean changed, Path trendPlot, List<String> skipped) {
    }

    /**
     * Regenerates the scorecard under an exclusive lock on {@code <scorecard>.lock}, so two updates (two
     * nightly jobs, a user and CI) run one after the other instead of each overwriting the other's blocks.
     */
    @SuppressWarnings("try")   // the resource guards the block (a signal hook, a lock); the body need not touch it
    public Outcome update(Request request) {
        org.hakbench.results.ResultFiles.checkReadableDir(request.resultsDir());
        Path lockFile = request.scorecard().toAbsolutePath().resolveSibling(request.scorecard().getFileName() + ".lock");
        try {
            java.nio.file.Files.createDirectories(lockFile.getParent());
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                 java.nio.channels.FileLock lock = channel.lock()) {
                return updateLocked(request);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private Outcome updateLocked(Request request) {
        ScorecardWriter writer = new ScorecardWriter(TITLE);
        ScorecardDocument document = writer.read(request.scorecard());
        Targets targets = Targets.read(request.targetsFile());
        Path scorecardDir = request.scorecard().toAbsolutePath().getParent();

        List<String> skipped = new ArrayList<>();
        boolean strict = request.strict();
        List<RebaseFigures> rebases = RebaseFigures.loadAll(request.resultsDir(), strict, skipped);
        List<Loaded<SoakReport>> soaks = load(request.resultsDir(), SoakReport.class, SoakReport.KIND, SoakReport.SCHEMA, strict, skipped);
        List<Loaded<VerdictResult>> verdicts = load(request.resultsDir(), VerdictResult.class, VerdictResult.KIND,
                VerdictResult.SCHEMA, strict, skipped);
        List<Loaded<CalibrationResult>> calibrations = load(request.resultsDir(), CalibrationResult.class, CalibrationResult.KIND,
                CalibrationResult.SCHEMA, strict, skipped);

        List<Loaded<org.hakbench.trace.ReplayRunner.ReplayResult>> replays = load(request.resultsDir(),
                org.hakbench.trace.ReplayRunner.ReplayResult.class, org.hakbench.trace.ReplayRunner.ReplayResult.KIND,
                org.hakbench.trace.ReplayRunner.ReplayResult.SCHEMA, strict, skipped);

        List<TrendLine> trends = new ArrayList<>();
        Path plot = null;
        if (!rebases.isEmpty()) {
            plot = scorecardDir.resolve(TREND_PNG);
            HistoryService.Outcome history = new HistoryService(new HistoryAnalyzer()).run(
                    new HistoryService.Request(request.resultsDir(), null, List.of(Metric.OPS_PER_S), plot, null, null));
            trends.add(trendLine(history.series()));
        }
        ScorecardInputs inputs = new ScorecardInputs(snapshots(rebases), targets, soakLines(soaks, scorecardDir),
                verdictEntries(verdicts), trends, calibrations(calibrations), realPrograms(replays));
        SequencedMap<String, String> bodies = ScorecardRenderer.render(inputs, document.block(ScorecardRenderer.VERDICTS));
        boolean changed = writer.update(request.scorecard(), bodies, ScorecardRenderer.HEADINGS);
        skipped.replaceAll(w -> "skipped " + w);
        return new Outcome(changed, plot, List.copyOf(skipped));
    }

    /** A result and the file it came from. */
    record Loaded<T>(Path file, T value) {
    }

    private static <T extends org.hakbench.results.ResultEnvelope> List<Loaded<T>> load(Path dir, Class<T> type, String kind, int schema,
            boolean strict, List<String> skipped) {
        return ResultFiles.loadSkipping(ResultFiles.list(dir, kind), f -> new Loaded<>(f, ResultFiles.load(f, type, kind, schema)),
                strict, skipped);
    }

    /** Newest rebase of every machine, in order of first appearance (newest machine first). */
    static List<MachineSnapshot> snapshots(List<RebaseFigures> newestFirst) {
        Map<String, MachineSnapshot> byMachine = new LinkedHashMap<>();
        for (RebaseFigures r : newestFirst) {
            byMachine.computeIfAbsent(r.machine().id(), id -> snapshot(r));
        }
        List<MachineSnapshot> out = new ArrayList<>(byMachine.values());
        out.sort(java.util.Comparator.comparing(MachineSnapshot::machineId));
        return out;
    }

    private static MachineSnapshot snapshot(RebaseFigures r) {
        List<SnapshotRow> rows = new ArrayList<>();
        for (RebaseFigures.Configuration c : r.configurations()) {
            AllocatorSummary s = c.summary();
            boolean cpuKnown = s.opsPerCpuSec() != null && s.opsPerCpuSec().mean() > 0;
            rows.add(new SnapshotRow(c.name(), s.okRuns(), s.opsPerSec().mean(), orNaN(s.netNsPerOp()),
                    s.opsPerSec().cv() == null ? Double.NaN : s.opsPerSec().cv() * 100,
                    cpuKnown ? s.opsPerCpuSec().mean() : Double.NaN,
                    cpuKnown && s.opsPerCpuSec().cv() != null ? s.opsPerCpuSec().cv() * 100 : Double.NaN,
                    s.peakRssKiB() == null ? Double.NaN : s.peakRssKiB().mean(), orNaN(s.syscallsPerOp())));
        }
        String workload = String.format(Locale.ROOT, "iters=%s ws=%s seed=%s warm-up=%s", r.workload().get("iters"),
                r.workload().get("ws"), r.workload().get("seed"), r.workload().get("warmupIters"));
        return new MachineSnapshot(r.machine().id(), describe(r.machine()), r.file().getFileName().toString(), r.createdAt(), workload, rows,
                r.nativeHeadline());
    }

    static String describe(MachineFingerprint m) {
        return m.cpuModel() + ", " + m.cores() + " cores, kernel " + m.kernel() + ", " + m.os() + ", JDK " + m.jdkVersion()
                + (m.gitCommit() == null ? "" : ", commit " + m.gitCommit());
    }

    /** Newest soak per machine and configuration. */
    static List<SoakLine> soakLines(List<Loaded<SoakReport>> newestFirst, Path scorecardDir) {
        Map<String, SoakLine> byKey = new LinkedHashMap<>();
        for (Loaded<SoakReport> loaded : newestFirst) {
            Path file = loaded.file();
            SoakReport s = loaded.value();
            String profile = s.header().get("profile");
            String configuration = s.header().getOrDefault("allocator", "?") + (profile == null || profile.equals("-") ? "" : ":" + profile);
            SoakAnalysis a = s.analysis();
            SoakAnalysis.Rss judged = a.allocatorResident() != null ? a.allocatorResident() : a.rss();
            boolean cpu = SoakAnalyzer.BASIS_CPU.equals(a.throughput().basis());
            byKey.computeIfAbsent(s.machine().id() + " " + configuration, k -> new SoakLine(s.machine().id(), configuration,
                    file.getFileName().toString(), s.createdAt(), a.elapsedSeconds(),
                    judged.driftPercent(), cpu ? a.throughput().cpuDriftPercent() : a.throughput().driftPercent(),
                    cpu ? a.throughput().cpuCvPercent() : a.throughput().cvPercent(),
                    a.rss().peakKiB(), a.verdict().result(), a.verdict().reason(),
                    relativeLink(plotBeside(file, s.plotFile()), scorecardDir),
                    a.allocatorResident() == null ? null : a.allocatorResident().peakKiB(),
                    a.rssBasis() == null ? SoakAnalyzer.RSS_BASIS_PROCESS : a.rssBasis(),
                    a.throughput().basis() == null ? SoakAnalyzer.BASIS_WALL : a.throughput().basis()));
        }
        return List.copyOf(byKey.values());
    }

    /**
     * The soak's plot: the file of that name beside its analysis JSON when it is there (analyze writes
     * them side by side), so the link does not depend on the directory analyze ran from; else the path
     * as recorded.
     */
    private static String plotBeside(Path json, String recorded) {
        if (recorded == null) {
            return null;
        }
        Path beside = json.toAbsolutePath().resolveSibling(Path.of(recorded).getFileName());
        return java.nio.file.Files.isRegularFile(beside) ? beside.toString() : recorded;
    }

    private static String relativeLink(String file, Path fromDir) {
        if (file == null) {
            return null;
        }
        Path p = Path.of(file).toAbsolutePath().normalize();
        try {
            return fromDir.relativize(p).toString();
        } catch (IllegalArgumentException e) {
            return file;
        }
    }

    static List<VerdictLogEntry> verdictEntries(List<Loaded<VerdictResult>> files) {
        List<VerdictLogEntry> out = new ArrayList<>();
        for (Loaded<VerdictResult> loaded : files) {
            Path f = loaded.file();
            VerdictResult v = loaded.value();
            out.add(new VerdictLogEntry(v.createdAt(), v.verdict().decision().name(), fileName(v.baselineSource()),
                    fileName(v.candidateSource()), v.configuration() + " [" + v.measure().description() + "]: " + v.verdict().reason(),
                    f.getFileName().toString()));
        }
        return out;
    }

    /** Newest replay per machine. */
    static List<ScorecardInputs.RealPrograms> realPrograms(List<Loaded<org.hakbench.trace.ReplayRunner.ReplayResult>> newestFirst) {
        Map<String, ScorecardInputs.RealPrograms> byMachine = new LinkedHashMap<>();
        for (Loaded<org.hakbench.trace.ReplayRunner.ReplayResult> loaded : newestFirst) {
            org.hakbench.trace.ReplayRunner.ReplayResult r = loaded.value();
            byMachine.computeIfAbsent(r.machine().id(), id -> {
                java.util.SequencedMap<String, Map<String, Double>> ops = new LinkedHashMap<>();
                for (org.hakbench.trace.ReplayRunner.ReplayPoint p : r.points()) {
                    String trace = Path.of(p.trace()).getFileName().toString();
                    Map<String, Double> row = ops.computeIfAbsent(trace, t -> new LinkedHashMap<>());
                    if (p.medianOpsPerSecond() != null) {
                        row.put(p.allocator(), p.medianOpsPerSecond());
                    }
                }
                return new ScorecardInputs.RealPrograms(id, loaded.file().getFileName().toString(), r.createdAt(),
                        r.settings().allocators(), ops);
            });
        }
        return List.copyOf(byMachine.values());
    }

    /** Newest calibration per machine. */
    static List<ScorecardInputs.CalibrationLine> calibrations(List<Loaded<CalibrationResult>> newestFirst) {
        Map<String, ScorecardInputs.CalibrationLine> byMachine = new LinkedHashMap<>();
        for (Loaded<CalibrationResult> loaded : newestFirst) {
            Path f = loaded.file();
            CalibrationResult c = loaded.value();
            byMachine.computeIfAbsent(c.machine().id(), id -> new ScorecardInputs.CalibrationLine(id, c.configuration().text(),
                    f.getFileName().toString(), c.createdAt(), c.trials().size(), c.runsPerSide(),
                    Math.round(c.falseAlarmRate() * c.trials().size()), 100 * c.falseAlarmCi95High(), c.runToRunCvPercent(),
                    c.detectable().stream().map(CalibrationResult.Detectable::runsPerSide).toList(),
                    c.detectable().stream().map(CalibrationResult.Detectable::abSlowdownPercent).toList(),
                    c.detectable().stream().map(CalibrationResult.Detectable::verdictSlowdownPercent).toList()));
        }
        return List.copyOf(byMachine.values());
    }

    private static String fileName(String source) {
        try {
            Path p = Path.of(source).getFileName();
            return p == null ? source : p.toString();
        } catch (java.nio.file.InvalidPathException e) {
            return source;
        }
    }

    private static TrendLine trendLine(List<SeriesReport> series) {
        List<String> regressions = new ArrayList<>();
        for (SeriesReport s : series) {
            s.regression().ifPresent(c -> regressions.add(String.format(Locale.ROOT, "`%s` on `%s`: %+.2f%% since %s",
                    s.key().series(), s.key().machineId(), c.relativeChange() * 100, s.points().get(c.index()).source())));
        }
        return new TrendLine(TREND_PNG, Metric.OPS_PER_S.cliName(), regressions, series.size(),
                series.stream().mapToInt(s -> s.points().size()).sum());
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }

}
