package org.hakbench.history;

import java.util.List;
import java.util.Optional;

/**
 * One series in time order with its change points, and the regression flag of its latest level.
 *
 * @param key          machine, allocator configuration, metric
 * @param points       oldest first
 * @param changePoints significant changes, by index into {@code points}
 * @param regression   the change point that starts a worse latest level, if any
 */
public record SeriesReport(HistoryPoint.SeriesKey key, List<HistoryPoint> points, List<ChangePoint> changePoints,
                           Optional<ChangePoint> regression) {

    public SeriesReport {
        points = List.copyOf(points);
        changePoints = List.copyOf(changePoints);
    }

    public HistoryPoint latest() {
        return points.getLast();
    }
}
