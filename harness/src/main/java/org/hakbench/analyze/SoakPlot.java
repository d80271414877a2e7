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
 * The soak plot: three stacked charts (ops/s, RSS, p99 batch latency) against elapsed minutes, one
 * series per CSV, so several soaks (SAFE vs BALANCED, hakmem vs mimalloc) overlay in one PNG.
 */
public final class SoakPlot {
    private static final int WIDTH = 1000;
    private static final int HEIGHT_PER_CHART = 320;

    private SoakPlot() {
    }

    /** The PNG bytes of the plot of {@code soaks}. */
    public static byte[] png(List<SoakCsv> soaks) {
        List<String> labels = uniqueLabels(soaks);
        List<XYChart> charts = List.of(
                chart("Throughput", "M ops/s", soaks, labels, r -> r.opsPerSecond() / 1e6),
                chart("RSS", "MiB", soaks, labels, r -> r.rssKiB() / 1024.0),
                chart("p99 latency per timed batch", "µs", soaks, labels, r -> r.p99Nanos() == null ? null : r.p99Nanos() / 1e3));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            BitmapEncoder.saveBitmap(charts, charts.size(), 1, bytes, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the soak plot: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static XYChart chart(String title, String yTitle, List<SoakCsv> soaks, List<String> labels,
            Function<EpochRow, Double> y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT_PER_CHART)
                .title(title).xAxisTitle("elapsed minutes").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(soaks.size() > 1);
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        for (int i = 0; i < soaks.size(); i++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (EpochRow r : soaks.get(i).epochs()) {
                Double v = y.apply(r);
                if (v != null) {
                    xs.add(r.elapsedSeconds() / 60.0);
                    ys.add(v);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries(labels.get(i), xs, ys);
            series.setMarker(SeriesMarkers.NONE);
        }
        return chart;
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
