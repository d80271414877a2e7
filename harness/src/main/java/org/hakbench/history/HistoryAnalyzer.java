package org.hakbench.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Groups points into series (one per machine x allocator configuration x metric), orders each by time,
 * and flags a regression when change-point detection finds the latest level worse than the one before.
 */
public final class HistoryAnalyzer {

    /** Worsening below this fraction is not called a regression even when significant (matches the NO-GO band). */
    public static final double DEFAULT_MIN_RELATIVE_CHANGE = 0.005;

    private final ChangePointDetector detector;
    private final double minRelativeChange;

    public HistoryAnalyzer(ChangePointDetector detector, double minRelativeChange) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.minRelativeChange = minRelativeChange;
    }

    public HistoryAnalyzer() {
        this(new ChangePointDetector(), DEFAULT_MIN_RELATIVE_CHANGE);
    }

    /** Reports for every series in {@code points}, sorted by machine, series, metric. */
    public List<SeriesReport> analyze(List<HistoryPoint> points) {
        Map<HistoryPoint.SeriesKey, List<HistoryPoint>> bySeries = new TreeMap<>();
        for (HistoryPoint p : points) {
            bySeries.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p);
        }
        List<SeriesReport> reports = new ArrayList<>();
        for (Map.Entry<HistoryPoint.SeriesKey, List<HistoryPoint>> e : bySeries.entrySet()) {
            List<HistoryPoint> series = new ArrayList<>(e.getValue());
            series.sort(Comparator.comparing(HistoryPoint::createdAt).thenComparing(HistoryPoint::source));
            double[] values = series.stream().mapToDouble(HistoryPoint::value).toArray();
            reports.add(new SeriesReport(e.getKey(), series, detector.detect(values),
                    detector.latestRegression(values, e.getKey().metric().biggerIsBetter(), minRelativeChange)));
        }
        return reports;
    }
}
