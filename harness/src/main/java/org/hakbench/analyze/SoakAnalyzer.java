package org.hakbench.analyze;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.HdrHistogram.Histogram;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.hakbench.soak.EpochRow;
import org.hakbench.soak.SoakFiles;
import org.hakbench.stats.SampleStats;

/**
 * Computes the statistics of one soak CSV (see {@link SoakAnalysis} for what each figure means) and
 * judges it against {@link SoakTargets}. Works on the rows as read; knows nothing of the CLI.
 */
public final class SoakAnalyzer {
    /** Share of the analysed epochs in each drift window (first / last 10%, as the issue defines drift). */
    public static final double WINDOW_FRACTION = 0.10;
    /** Share of all epochs taken as warm-up when none is given (JIT compilation, allocator prewarm). */
    public static final double AUTO_WARMUP_FRACTION = 0.05;
    private static final double SECONDS_PER_HOUR = 3600.0;
    /** Below this share of an epoch on a core, the throughput checks use ops per loop CPU-second. */
    public static final double MIN_CORE_SHARE_PERCENT = 97.0;
    public static final String BASIS_WALL = "wall";
    public static final String BASIS_CPU = "loop_cpu";
    public static final String RSS_BASIS_ALLOCATOR = "allocator_resident";
    public static final String RSS_BASIS_PROCESS = "process_rss";

    private final SoakTargets targets;
    private final Integer warmupEpochsOrNull;

    /** @param warmupEpochsOrNull epochs to skip at the start; null picks {@link #autoWarmupEpochs(int)} */
    public SoakAnalyzer(SoakTargets targets, Integer warmupEpochsOrNull) {
        if (warmupEpochsOrNull != null && warmupEpochsOrNull < 0) {
            throw new IllegalArgumentException("warm-up epochs must be >= 0: warmupEpochs=" + warmupEpochsOrNull);
        }
        this.targets = targets;
        this.warmupEpochsOrNull = warmupEpochsOrNull;
    }

    public SoakTargets targets() {
        return targets;
    }

    /** 5% of the epochs, at least one once there are four epochs, none below that. */
    public static int autoWarmupEpochs(int epochs) {
        return epochs < 4 ? 0 : Math.max(1, (int) Math.floor(epochs * AUTO_WARMUP_FRACTION));
    }

    public SoakAnalysis analyze(SoakCsv csv) {
        List<EpochRow> rows = csv.epochs();
        int n = rows.size();
        int warmup = warmupEpochsOrNull == null ? autoWarmupEpochs(n) : Math.min(warmupEpochsOrNull, n - 1);
        EpochTable all = EpochTable.of(rows);
        EpochTable analysed = all.dropFirst(warmup);
        int m = analysed.rowCount();
        int window = Math.max(1, (int) Math.ceil(m * WINDOW_FRACTION));
        EpochTable first = analysed.first(window);
        EpochTable last = analysed.last(window);

        long totalOps = all.totalOps();
        SoakAnalysis.Throughput throughput = throughput(analysed, first, last, m, rows.subList(warmup, n), window);
        SoakAnalysis.Rss rss = rss(all, analysed, first, last, m);
        SoakAnalysis.Rss resident = allocatorResident(rows, warmup, window);
        Long floorKiB = parseLongOrNull(csv.header().get(SoakFiles.JVM_RSS_KEY));
        SoakAnalysis.Latency latency = latency(csv, rows, warmup);
        SoakAnalysis.OsCalls osCalls = osCalls(rows, warmup, totalOps);
        SoakAnalysis.Verdict verdict = verdict(m, throughput, resident != null ? resident : rss);
        return new SoakAnalysis(n, warmup, m, window, rows.getLast().elapsedSeconds(), totalOps,
                throughput, rss, latency, osCalls, verdict, resident, resident != null ? RSS_BASIS_ALLOCATOR : RSS_BASIS_PROCESS,
                csv.header().get(SoakFiles.FOOTPRINT_SOURCE_KEY), floorKiB);
    }

    private static SoakAnalysis.Throughput throughput(EpochTable analysed, EpochTable first, EpochTable last, int m,
            List<EpochRow> analysedRows, int window) {
        double[] opsPerS = analysed.opsPerSecond();
        SampleStats stats = SampleStats.of(opsPerS);
        Basis basis = basis(analysedRows, window);
        double sd = stats.stddev() == null ? 0.0 : stats.stddev();
        double cvPercent = stats.cv() == null ? 0.0 : 100.0 * stats.cv();
        double firstMedian = median(first.opsPerSecond());
        double lastMedian = median(last.opsPerSecond());
        return new SoakAnalysis.Throughput(stats.mean(), stats.median(), sd, cvPercent, stats.min(), stats.max(),
                percentile(opsPerS, 1), percentile(opsPerS, 5), percentile(opsPerS, 95), percentile(opsPerS, 99),
                firstMedian, lastMedian, m >= 2 ? driftPercent(firstMedian, lastMedian) : null,
                opsPerCpuSecond(analysedRows), cpuSharePercent(analysedRows), basis.name, basis.reason,
                basis.minSharePercent, basis.cvPercent, basis.driftPercent);
    }

    /** What the throughput checks judge, and why. */
    private record Basis(String name, String reason, Double minSharePercent, Double cvPercent, Double driftPercent) {
    }

    /**
     * Wall-clock ops/s measure the machine as much as the allocator when the loop waited for a core (a
     * neighbour, the JIT, the parent's analysis); then ops per loop CPU-second are judged instead. The
     * thread's CPU time includes its page faults and system calls, so allocator costs still count.
     */
    private static Basis basis(List<EpochRow> rows, int window) {
        if (rows.isEmpty() || rows.stream().anyMatch(r -> r.cpuSeconds() == null || r.cpuSeconds() <= 0 || r.opsPerSecond() <= 0)) {
            return new Basis(BASIS_WALL, "no loop CPU time in the rows", null, null, null);
        }
        double minShare = rows.stream().mapToDouble(r -> 100.0 * r.cpuSeconds() / (r.ops() / r.opsPerSecond())).min().getAsDouble();
        double[] perCpu = rows.stream().mapToDouble(r -> r.ops() / r.cpuSeconds()).toArray();
        SampleStats stats = SampleStats.of(perCpu);
        Double cv = stats.cv() == null ? 0.0 : 100.0 * stats.cv();
        int m = perCpu.length;
        Double drift = m >= 2 ? driftPercent(median(Arrays.copyOfRange(perCpu, 0, window)),
                median(Arrays.copyOfRange(perCpu, m - window, m))) : null;
        if (minShare < MIN_CORE_SHARE_PERCENT) {
            return new Basis(BASIS_CPU, String.format(Locale.ROOT,
                    "the loop had a core for only %.1f%% of its worst epoch (< %.0f%%): judged per loop CPU-second",
                    minShare, MIN_CORE_SHARE_PERCENT), minShare, cv, drift);
        }
        return new Basis(BASIS_WALL, String.format(Locale.ROOT,
                "the loop had a core for at least %.1f%% of every epoch: judged per wall-clock second", minShare),
                minShare, cv, drift);
    }

    private static Double opsPerCpuSecond(List<EpochRow> rows) {
        double cpu = cpuSeconds(rows);
        return cpu > 0 ? rows.stream().mapToLong(EpochRow::ops).sum() / cpu : null;
    }

    private static Double cpuSharePercent(List<EpochRow> rows) {
        double cpu = cpuSeconds(rows);
        double wall = rows.stream().mapToDouble(r -> r.opsPerSecond() > 0 ? r.ops() / r.opsPerSecond() : 0).sum();
        return cpu > 0 && wall > 0 ? 100.0 * cpu / wall : null;
    }

    /** Total loop CPU seconds, or -1 when any row lacks it. */
    private static double cpuSeconds(List<EpochRow> rows) {
        return rows.stream().allMatch(r -> r.cpuSeconds() != null) ? rows.stream().mapToDouble(EpochRow::cpuSeconds).sum() : -1;
    }

    private static SoakAnalysis.Rss rss(EpochTable all, EpochTable analysed, EpochTable first, EpochTable last, int m) {
        return level(all.rssKiB(), analysed.elapsedSeconds(), analysed.rssKiB(), first.rssKiB(), last.rssKiB(), m);
    }

    /**
     * The allocator's own resident bytes (in KiB, like RSS), when every row carries them; null for
     * allocators without the figure and for files older than the column.
     */
    private static SoakAnalysis.Rss allocatorResident(List<EpochRow> rows, int warmup, int window) {
        if (rows.stream().anyMatch(r -> r.allocResidentBytes() == null)) {
            return null;
        }
        double[] allKiB = rows.stream().mapToDouble(r -> r.allocResidentBytes() / 1024.0).toArray();
        double[] analysed = Arrays.copyOfRange(allKiB, warmup, allKiB.length);
        double[] elapsed = rows.subList(warmup, rows.size()).stream().mapToDouble(EpochRow::elapsedSeconds).toArray();
        int m = analysed.length;
        return level(allKiB, elapsed, analysed, Arrays.copyOfRange(analysed, 0, window),
                Arrays.copyOfRange(analysed, m - window, m), m);
    }

    /** First/last/peak over every epoch; drift of the window medians and the slope over the analysed epochs. */
    private static SoakAnalysis.Rss level(double[] allKiB, double[] elapsedSeconds, double[] analysedKiB,
            double[] firstKiB, double[] lastKiB, int m) {
        double firstMedian = median(firstKiB);
        double lastMedian = median(lastKiB);
        Double slope = null;
        Double low = null;
        Double high = null;
        Double rSquared = null;
        if (m >= 3) {
            SimpleRegression regression = new SimpleRegression();
            for (int i = 0; i < m; i++) {
                regression.addData(elapsedSeconds[i] / SECONDS_PER_HOUR, analysedKiB[i]);
            }
            slope = regression.getSlope();
            double halfWidth = regression.getSlopeConfidenceInterval(0.05);
            // a perfect fit (or a constant series) leaves no residual variance: the interval is the point itself
            if (Double.isNaN(halfWidth)) {
                halfWidth = 0.0;
            }
            if (Double.isNaN(slope)) {
                slope = 0.0;
            }
            low = slope - halfWidth;
            high = slope + halfWidth;
            rSquared = Double.isNaN(regression.getRSquare()) ? null : regression.getRSquare();
        }
        double peak = Arrays.stream(allKiB).max().orElse(0);
        return new SoakAnalysis.Rss(Math.round(allKiB[0]), Math.round(allKiB[allKiB.length - 1]), Math.round(peak),
                firstMedian, lastMedian, m >= 2 ? driftPercent(firstMedian, lastMedian) : null, slope, low, high, rSquared);
    }

    private static SoakAnalysis.Latency latency(SoakCsv csv, List<EpochRow> rows, int warmup) {
        List<EpochRow> analysed = rows.subList(warmup, rows.size());
        Long batchOps = parseLongOrNull(csv.header().get(SoakFiles.BATCH_OPS_KEY));
        double[] epochP99 = analysed.stream().filter(r -> r.p99Nanos() != null).mapToDouble(EpochRow::p99Nanos).toArray();
        Double worstP99 = epochP99.length == 0 ? null : Arrays.stream(epochP99).max().getAsDouble();
        String logName = csv.header().get(SoakFiles.HISTOGRAM_LOG_KEY);
        if (logName != null) {
            Path dir = csv.file().toAbsolutePath().getParent();
            Set<Integer> epochs = new HashSet<>();
            analysed.forEach(r -> epochs.add(r.epoch()));
            Histogram h = HistogramLogs.sum(dir.resolve(logName), epochs);
            if (h != null && h.getTotalCount() > 0) {
                return new SoakAnalysis.Latency("histogram-log", batchOps, h.getTotalCount(),
                        (double) h.getValueAtPercentile(50), (double) h.getValueAtPercentile(90),
                        (double) h.getValueAtPercentile(99), (double) h.getValueAtPercentile(99.9),
                        (double) h.getMaxValue(), worstP99);
            }
        }
        long samples = analysed.stream().mapToLong(EpochRow::latencySamples).sum();
        return new SoakAnalysis.Latency("epoch-percentiles", batchOps, samples,
                medianOf(analysed, EpochRow::p50Nanos), medianOf(analysed, EpochRow::p90Nanos),
                medianOf(analysed, EpochRow::p99Nanos), medianOf(analysed, EpochRow::p999Nanos),
                analysed.stream().filter(r -> r.maxNanos() != null).mapToDouble(EpochRow::maxNanos).boxed()
                        .max(Double::compare).orElse(null),
                worstP99);
    }

    private static Double medianOf(List<EpochRow> rows, java.util.function.Function<EpochRow, Long> field) {
        double[] values = rows.stream().map(field).filter(v -> v != null).mapToDouble(Long::doubleValue).toArray();
        return values.length == 0 ? null : median(values);
    }

    private static SoakAnalysis.OsCalls osCalls(List<EpochRow> rows, int warmup, long totalOps) {
        EpochRow lastRow = rows.getLast();
        Long peakMapped = rows.stream().map(EpochRow::bytesMapped).filter(v -> v != null).max(Long::compare).orElse(null);
        if (lastRow.osCalls() == null) {
            return new SoakAnalysis.OsCalls(null, null, null, null, null, null, lastRow.bytesInUse(), lastRow.bytesMapped(), peakMapped);
        }
        Double perOp = totalOps > 0 ? lastRow.osCalls() / (double) totalOps : null;
        Double perOpAfterWarmup = null;
        if (warmup > 0 && rows.get(warmup - 1).osCalls() != null) {
            long opsAfter = rows.subList(warmup, rows.size()).stream().mapToLong(EpochRow::ops).sum();
            long callsAfter = lastRow.osCalls() - rows.get(warmup - 1).osCalls();
            perOpAfterWarmup = opsAfter > 0 ? callsAfter / (double) opsAfter : null;
        }
        return new SoakAnalysis.OsCalls(lastRow.osCalls(), lastRow.mmapCalls(), lastRow.munmapCalls(), lastRow.madviseCalls(),
                perOp, perOpAfterWarmup, lastRow.bytesInUse(), lastRow.bytesMapped(), peakMapped);
    }

    private SoakAnalysis.Verdict verdict(int analysedEpochs, SoakAnalysis.Throughput throughput, SoakAnalysis.Rss rss) {
        List<SoakAnalysis.Check> checks = new ArrayList<>();
        if (analysedEpochs < 2) {
            return new SoakAnalysis.Verdict("INCONCLUSIVE", checks,
                    "only " + analysedEpochs + " epoch(s) after warm-up; drift needs at least 2");
        }
        checks.add(new SoakAnalysis.Check("rss_drift_percent", rss.driftPercent(), "<=", targets.maxRssDriftPercent(),
                rss.driftPercent() <= targets.maxRssDriftPercent()));
        boolean cpu = BASIS_CPU.equals(throughput.basis());
        double drift = cpu ? throughput.cpuDriftPercent() : throughput.driftPercent();
        double cv = cpu ? throughput.cpuCvPercent() : throughput.cvPercent();
        checks.add(new SoakAnalysis.Check("throughput_drift_percent", drift, ">=",
                targets.minThroughputDriftPercent(), drift >= targets.minThroughputDriftPercent()));
        checks.add(new SoakAnalysis.Check("throughput_cv_percent", cv, "<", targets.maxCvPercent(), cv < targets.maxCvPercent()));
        List<String> failed = checks.stream().filter(c -> !c.passed()).map(SoakAnalysis.Check::name).toList();
        return failed.isEmpty()
                ? new SoakAnalysis.Verdict("PASS", checks, "every target holds")
                : new SoakAnalysis.Verdict("FAIL", checks, "missed: " + String.join(", ", failed));
    }

    static double driftPercent(double firstWindow, double lastWindow) {
        return firstWindow == 0 ? 0.0 : 100.0 * (lastWindow - firstWindow) / firstWindow;
    }

    static double median(double[] values) {
        return percentile(values, 50);
    }

    /** R-7 estimation (linear interpolation between order statistics; numpy's and R's default). */
    static double percentile(double[] values, double p) {
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, p);
    }

    private static Long parseLongOrNull(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
