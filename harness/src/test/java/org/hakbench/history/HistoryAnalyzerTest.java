package org.hakbench.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class HistoryAnalyzerTest {

    private static final Instant T0 = Instant.parse("2026-10-01T02:00:00Z");

    /** 20 nights on two machines; machine "a" drops 5% from night 12 on, machine "b" stays level. */
    private static List<HistoryPoint> twoMachines() {
        List<HistoryPoint> points = new ArrayList<>();
        for (int night = 0; night < 20; night++) {
            double wiggle = 1 + 0.004 * Math.sin(night * 1.7);
            double a = 59e6 * wiggle * (night >= 12 ? 0.95 : 1);
            double b = 40e6 * wiggle;
            Instant t = T0.plusSeconds(86_400L * night);
            points.add(new HistoryPoint(t, "a", "hakmem:SAFE", Metric.OPS_PER_S, a, a * 0.99, a * 1.01, "rebase-" + night + ".json", "c" + night));
            points.add(new HistoryPoint(t, "b", "hakmem:SAFE", Metric.OPS_PER_S, b, Double.NaN, Double.NaN, "other-" + night + ".json", null));
        }
        return points;
    }

    @Test
    void seriesAreKeptApartByMachineAndOnlyTheSteppedOneIsFlagged() {
        List<SeriesReport> reports = new HistoryAnalyzer().analyze(twoMachines());
        assertEquals(2, reports.size());
        SeriesReport a = reports.get(0);
        SeriesReport b = reports.get(1);
        assertEquals("a", a.key().machineId());
        assertEquals(20, a.points().size());
        assertEquals(12, a.regression().orElseThrow().index());
        assertTrue(b.regression().isEmpty(), b.changePoints().toString());
    }

    @Test
    void bmfHasOneBenchmarkPerSeriesWithBoundsWhenKnown() {
        ObjectNode bmf = DashboardExport.bmf(new HistoryAnalyzer().analyze(twoMachines()));
        ObjectNode a = (ObjectNode) bmf.get("random_mixed/hakmem:SAFE@a").get("throughput");
        assertEquals(59e6 * (1 + 0.004 * Math.sin(19 * 1.7)) * 0.95, a.get("value").doubleValue(), 1e-3);
        assertTrue(a.has("lower_value") && a.has("upper_value"));
        ObjectNode b = (ObjectNode) bmf.get("random_mixed/hakmem:SAFE@b").get("throughput");
        assertTrue(b.has("value") && !b.has("lower_value"));
    }

    @Test
    void githubActionBenchmarkSplitsByDirection() {
        List<SeriesReport> reports = new HistoryAnalyzer().analyze(twoMachines());
        ArrayNode bigger = DashboardExport.githubActionBenchmark(reports, true);
        ArrayNode smaller = DashboardExport.githubActionBenchmark(reports, false);
        assertEquals(2, bigger.size());
        assertEquals(0, smaller.size());
        assertEquals("random_mixed/hakmem:SAFE@a ops_per_s", bigger.get(0).get("name").asText());
        assertEquals("ops/s", bigger.get(0).get("unit").asText());
        assertTrue(bigger.get(0).get("value").isNumber());
        assertTrue(bigger.get(0).get("extra").asText().contains("REGRESSION since point 12"), bigger.get(0).toString());
    }

    @Test
    void trendPlotIsAPngAndTheSameForTheSameHistory() throws Exception {
        List<SeriesReport> reports = new HistoryAnalyzer().analyze(twoMachines());
        byte[] first = TrendPlot.png(reports, Metric.OPS_PER_S);
        byte[] second = TrendPlot.png(reports, Metric.OPS_PER_S);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(first, 4));
        assertArrayEquals(first, second);
    }
}
