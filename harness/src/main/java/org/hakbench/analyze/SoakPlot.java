package org.hakbench.analyze;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hakbench.soak.EpochRow;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The soak plot: four stacked charts (ops/s, allocator resident bytes, RSS, p99 batch latency) against elapsed time, one
 * series per CSV, so several soaks (SAFE vs BALANCED, hakmem vs mimalloc) overlay in one PNG.
 */
public final class SoakPlot {
    private static final int WIDTH = 1000;
    private static final int HEIGHT_PER_CHART = 320;
    /** Buckets per series: at most 2 x 250 points, about one per 2 pixels of plot width (painting cost grows with points). */
    static final int MAX_BUCKETS = 250;
    /** Soaks shorter than this are plotted against seconds, longer ones against minutes. */
    private static final double SHORT_SOAK_SECONDS = 600;

    private SoakPlot() {
    }

    /**
     * Draws a tiny chart once, so that Java2D, fonts and ImageIO are initialised now. A soak calls it at
     * start: after Ctrl-C the JVM is shutting down, and AWT cannot start then (it registers shutdown hooks).
     */
    public static void prepare() {
        XYChart chart = new XYChartBuilder().width(40).height(30).title("-").build();
        chart.addSeries("-", new double[] {0, 1}, new double[] {0, 1});
        try {
            BitmapEncoder.saveBitmap(chart, new ByteArrayOutputStream(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render a chart: " + e.getMessage(), e);
        }
    }

    /** The PNG bytes of the plot of {@code soaks}. */
    public static byte[] png(List<SoakCsv> soaks) {
        List<String> labels = uniqueLabels(soaks);
        double longestSeconds = soaks.stream().mapToDouble(s -> s.epochs().getLast().elapsedSeconds()).max().orElse(0);
        TimeAxis axis = longestSeconds < SHORT_SOAK_SECONDS ? new TimeAxis("elapsed seconds", 1) : new TimeAxis("elapsed minutes", 60);
        List<XYChart> charts = List.of(
                chart("Throughput", "M ops/s", soaks, labels, axis, r -> r.opsPerSecond() / 1e6),
                chart("Allocator resident bytes (its own figure)", "MiB", soaks, labels, axis,
                        r -> r.allocResidentBytes() == null ? null : r.allocResidentBytes() / (1024.0 * 1024.0)),
                chart("RSS (whole child JVM)", "MiB", soaks, labels, axis, r -> r.rssKiB() / 1024.0),
                chart("p99 latency per timed batch", "µs", soaks, labels, axis, r -> r.p99Nanos() == null ? null : r.p99Nanos() / 1e3));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            BitmapEncoder.saveBitmap(charts, charts.size(), 1, bytes, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the soak plot: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private record TimeAxis(String title, double secondsPerUnit) {
    }

    private static XYChart chart(String title, String yTitle, List<SoakCsv> soaks, List<String> labels, TimeAxis axis,
            Function<EpochRow, Double> y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT_PER_CHART)
                .title(title).xAxisTitle(axis.title()).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(soaks.size() > 1);
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        for (int i = 0; i < soaks.size(); i++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (EpochRow r : soaks.get(i).epochs()) {
                Double v = y.apply(r);
                if (v != null) {
                    xs.add(r.elapsedSeconds() / axis.secondsPerUnit());
                    ys.add(v);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            double[][] points = minMaxDecimate(xs, ys, MAX_BUCKETS);
            XYSeries series = chart.addSeries(labels.get(i), points[0], points[1]);
            series.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /**
     * Keeps, for each of at most {@code buckets} runs of consecutive points, the lowest and the highest
     * point in time order, so a long soak draws fast while every spike and dip stays visible.
     */
    static double[][] minMaxDecimate(List<Double> xs, List<Double> ys, int buckets) {
        int n = xs.size();
        if (n <= 2 * buckets) {
            return new double[][] {xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray()};
        }
        int size = (n + buckets - 1) / buckets;
        List<Double> outX = new ArrayList<>();
        List<Double> outY = new ArrayList<>();
        for (int from = 0; from < n; from += size) {
            int to = Math.min(n, from + size);
            int lo = from;
            int hi = from;
            for (int i = from; i < to; i++) {
                if (ys.get(i) < ys.get(lo)) {
                    lo = i;
                }
                if (ys.get(i) > ys.get(hi)) {
                    hi = i;
                }
            }
            for (int i : lo == hi ? new int[] {lo} : new int[] {Math.min(lo, hi), Math.max(lo, hi)}) {
                outX.add(xs.get(i));
                outY.add(ys.get(i));
            }
        }
        return new double[][] {outX.stream().mapToDouble(Double::doubleValue).toArray(),
                outY.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    /** Series names must be unique in XChart; repeated labels get the file name added. */
    private static List<String> uniqueLabels(List<SoakCsv> soaks) {
        Map<String, Integer> counts = new HashMap<>();
        soaks.forEach(s -> counts.merge(s.label(), 1, Integer::sum));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < soaks.size(); i++) {
            SoakCsv s = soaks.get(i);
            String label = counts.get(s.label()) > 1 ? s.label() + " (" + s.file().getFileName() + ")" : s.label();
            while (labels.contains(label)) {
                label = label + " #" + (i + 1);
            }
            labels.add(label);
        }
        return labels;
    }
}
