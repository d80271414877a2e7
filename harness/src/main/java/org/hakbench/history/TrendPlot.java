package org.hakbench.history;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG trend plot of series of one metric, one line per machine x allocator configuration. The image
 * depends only on the points, so re-plotting the same history gives the same bytes.
 */
public final class TrendPlot {

    private TrendPlot() {
    }

    /** PNG bytes of the given series (all of {@code metric}); series of other metrics are skipped. */
    public static byte[] png(List<SeriesReport> reports, Metric metric) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // CI machines have no display
        }
        XYChart chart = new XYChartBuilder().width(900).height(480)
                .title("random_mixed " + metric.cliName() + " over time (" + metric.unit() + (metric.biggerIsBetter() ? ", higher is better)" : ", lower is better)"))
                .xAxisTitle("result created (UTC)").yAxisTitle(metric.unit()).build();
        chart.getStyler().setDatePattern("MM-dd HH:mm");
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setTimezone(java.util.TimeZone.getTimeZone("UTC"));
        int plotted = 0;
        for (SeriesReport r : reports) {
            if (r.key().metric() != metric) {
                continue;
            }
            List<Date> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (HistoryPoint p : r.points()) {
                x.add(Date.from(p.createdAt()));
                y.add(p.value());
            }
            String name = r.key().series() + " @" + r.key().machineId() + (r.regression().isPresent() ? " REGRESSION" : "");
            chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
            plotted++;
        }
        if (plotted == 0) {
            throw new IllegalArgumentException("no series of metric=" + metric.cliName() + " to plot");
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
