package org.hakbench.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The PNG of a scale result: median ops/s against threads, one line per allocator (XChart). */
public final class ScalePlot {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;

    private ScalePlot() {
    }

    public static byte[] png(ScaleResult result) {
        // No display on benchmark machines and CI; AWT must not look for one.
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(result.config().workload().cliName() + ": ops/s vs threads (median of " + result.config().runs() + " runs)")
                .xAxisTitle("threads").yAxisTitle("ops/s").build();
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0.###E0");
        for (String allocator : result.config().allocators()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (ScalePoint p : result.points()) {
                if (p.allocator().equals(allocator) && p.measured()) {
                    x.add((double) p.threads());
                    y.add(p.opsPerSecond().median());
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(allocator, x, y).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the scale plot: " + e.getMessage(), e);
        }
    }
}
