package org.hakbench.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hakbench.rebase.RebaseReport.AllocatorSummary;
import org.hakbench.results.AtomicFiles;
import org.hakbench.results.Json;
import org.hakbench.results.ResultFiles;

/**
 * {@code hakbench history}: every rebase in the results directory as series per machine, the
 * change-point regression flag of each, a PNG trend plot, and optional dashboard exports.
 */
public final class HistoryService {

    /** Dashboard formats of {@code --export}. */
    public enum Export { BMF, GITHUB_ACTION_BENCHMARK }

    /**
     * @param resultsDir where rebase-*.json are read from
     * @param allocator  only series of this configuration or allocator name; null = all
     * @param metrics    metrics to report
     * @param plotFile   trend PNG of the first metric, or null for none
     * @param export     dashboard format, or null
     * @param exportFile where the export goes (github-action-benchmark with metrics of both directions:
     *                   {@code NAME.bigger.json} and {@code NAME.smaller.json} next to it)
     */
    public record Request(Path resultsDir, String allocator, List<Metric> metrics, Path plotFile, Export export, Path exportFile,
                          boolean strict) {
        public Request(Path resultsDir, String allocator, List<Metric> metrics, Path plotFile, Export export, Path exportFile) {
            this(resultsDir, allocator, metrics, plotFile, export, exportFile, false);
        }
        public Request {
            metrics = List.copyOf(metrics);
            if (metrics.isEmpty()) {
                throw new IllegalArgumentException("--metric: at least one metric is needed");
            }
            if (export != null && exportFile == null) {
                throw new IllegalArgumentException("--export needs --output FILE");
            }
        }
    }

    /**
     * The series analysed and the files written.
     *
     * @param warnings files skipped (corrupt, unreadable) and a plot that could not be drawn, one line each */
    public record Outcome(List<SeriesReport> series, List<Path> written, List<String> warnings) {
        public boolean regression() {
            return series.stream().anyMatch(s -> s.regression().isPresent());
        }
    }

    private final HistoryAnalyzer analyzer;

    public HistoryService(HistoryAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    public Outcome run(Request request) {
        ResultFiles.checkReadableDir(request.resultsDir());
        List<HistoryPoint> points = new ArrayList<>();
        Set<Metric> wanted = Set.copyOf(request.metrics());
        List<String> warnings = new ArrayList<>();
        for (RebaseFigures rebase : RebaseFigures.loadAll(request.resultsDir(), request.strict(), warnings)) {
            for (HistoryPoint p : points(rebase)) {
                if (wanted.contains(p.metric()) && matches(request.allocator(), p.series())) {
                    points.add(p);
                }
            }
        }
        List<SeriesReport> series = analyzer.analyze(points);
        List<Path> written = new ArrayList<>();
        warnings.replaceAll(w -> "skipped " + w);
        if (series.isEmpty()) {
            return new Outcome(series, written, warnings);
        }
        try {
            if (request.plotFile() != null && series.stream().anyMatch(s -> s.key().metric() == request.metrics().getFirst())) {
                byte[] png = org.hakbench.results.Plots.drawOrWarn(() -> {
                    try {
                        return TrendPlot.png(series, request.metrics().getFirst());
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot render the trend plot: " + e.getMessage(), e);
                    }
                }, warnings);
                if (png != null && writeIfChanged(request.plotFile(), png)) {
                    written.add(request.plotFile());
                }
            }
            if (request.export() == Export.BMF) {
                AtomicFiles.writeString(request.exportFile(), Json.pretty(DashboardExport.bmf(series)));
                written.add(request.exportFile());
            } else if (request.export() == Export.GITHUB_ACTION_BENCHMARK) {
                written.addAll(writeGithubActionBenchmark(series, request.exportFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write history output: " + e.getMessage(), e);
        }
        return new Outcome(series, written, warnings);
    }

    private static List<Path> writeGithubActionBenchmark(List<SeriesReport> series, Path file) throws IOException {
        boolean bigger = series.stream().anyMatch(s -> s.key().metric().biggerIsBetter());
        boolean smaller = series.stream().anyMatch(s -> !s.key().metric().biggerIsBetter());
        if (bigger && smaller) {
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            Path big = file.resolveSibling(name + ".bigger.json");
            Path small = file.resolveSibling(name + ".smaller.json");
            AtomicFiles.writeString(big, Json.pretty(DashboardExport.githubActionBenchmark(series, true)));
            AtomicFiles.writeString(small, Json.pretty(DashboardExport.githubActionBenchmark(series, false)));
            return List.of(big, small);
        }
        AtomicFiles.writeString(file, Json.pretty(DashboardExport.githubActionBenchmark(series, bigger)));
        return List.of(file);
    }

    /** The tool name to give github-action-benchmark for an exported file. */
    public static String githubActionBenchmarkTool(Path file, List<SeriesReport> series) {
        if (file.getFileName().toString().endsWith(".smaller.json")) {
            return "customSmallerIsBetter";
        }
        if (file.getFileName().toString().endsWith(".bigger.json")) {
            return "customBiggerIsBetter";
        }
        return series.getFirst().key().metric().biggerIsBetter() ? "customBiggerIsBetter" : "customSmallerIsBetter";
    }

    /** Writes {@code bytes} unless the file already holds exactly them (keeps re-runs from touching files). */
    public static boolean writeIfChanged(Path file, byte[] bytes) throws IOException {
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return false;
        }
        AtomicFiles.writeBytes(file, bytes);
        return true;
    }

    private static boolean matches(String filter, String series) {
        return filter == null || series.equals(filter) || series.startsWith(filter + ":") || series.startsWith(filter + ",");
    }

    /** Every tracked figure of every configuration of one rebase. */
    static List<HistoryPoint> points(RebaseFigures rebase) {
        List<HistoryPoint> out = new ArrayList<>();
        String machineId = rebase.machine().id();
        String source = rebase.file().getFileName().toString();
        String commit = rebase.machine().gitCommit();
        for (RebaseFigures.Configuration c : rebase.configurations()) {
            AllocatorSummary s = c.summary();
            out.add(new HistoryPoint(rebase.createdAt(), machineId, c.name(), Metric.OPS_PER_S, s.opsPerSec().mean(),
                    s.opsPerSec().min(), s.opsPerSec().max(), source, commit));
            if (s.opsPerCpuSec() != null) {
                out.add(new HistoryPoint(rebase.createdAt(), machineId, c.name(), Metric.OPS_PER_CPU_S, s.opsPerCpuSec().mean(),
                        s.opsPerCpuSec().min(), s.opsPerCpuSec().max(), source, commit));
            }
            if (s.netNsPerOp() != null) {
                out.add(point(rebase, c, Metric.NET_NS_PER_OP, s.netNsPerOp()));
            }
            if (s.opsPerSec().cv() != null) {
                out.add(point(rebase, c, Metric.CV_PERCENT, s.opsPerSec().cv() * 100));
            }
            if (s.peakRssKiB() != null) {
                out.add(new HistoryPoint(rebase.createdAt(), machineId, c.name(), Metric.PEAK_RSS_KIB, s.peakRssKiB().mean(),
                        s.peakRssKiB().min(), s.peakRssKiB().max(), source, commit));
            }
            if (s.syscallsPerOp() != null) {
                out.add(point(rebase, c, Metric.OS_CALLS_PER_OP, s.syscallsPerOp()));
            }
        }
        return out;
    }

    private static HistoryPoint point(RebaseFigures rebase, RebaseFigures.Configuration c, Metric metric, double value) {
        return new HistoryPoint(rebase.createdAt(), rebase.machine().id(), c.name(), metric, value, Double.NaN, Double.NaN,
                rebase.file().getFileName().toString(), rebase.machine().gitCommit());
    }

    /** The series as text, one table per machine. */
    public static String describe(List<SeriesReport> series) {
        if (series.isEmpty()) {
            return "no rebase results found\n";
        }
        StringBuilder b = new StringBuilder();
        String machine = null;
        for (SeriesReport s : series) {
            if (!s.key().machineId().equals(machine)) {
                machine = s.key().machineId();
                b.append(String.format(Locale.ROOT, "%nmachine %s%n%-44s %-16s %6s %16s  %s%n", machine, "series", "metric", "points", "latest", "status"));
            }
            b.append(String.format(Locale.ROOT, "%-44s %-16s %6d %16.6g  %s%n", s.key().series(), s.key().metric().cliName(),
                    s.points().size(), s.latest().value(), status(s)));
        }
        return b.toString();
    }

    private static String status(SeriesReport s) {
        if (s.regression().isPresent()) {
            ChangePoint c = s.regression().get();
            return String.format(Locale.ROOT, "REGRESSION %+.2f%% since %s (p=%.3f)", c.relativeChange() * 100,
                    s.points().get(c.index()).source(), c.pValue());
        }
        if (!s.changePoints().isEmpty()) {
            ChangePoint c = s.changePoints().getLast();
            return String.format(Locale.ROOT, "changed %+.2f%% since %s (not worse)", c.relativeChange() * 100, s.points().get(c.index()).source());
        }
        return s.points().size() < 2 * ChangePointDetector.DEFAULT_MIN_SEGMENT ? "too short to judge" : "stable";
    }
}
