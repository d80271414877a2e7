package org.hakbench.history;

import java.time.Instant;

/**
 * One figure of one result file: a point of a series. Series are kept apart by machine fingerprint id:
 * points from two machines are never in one series.
 *
 * @param createdAt  when the result was created
 * @param machineId  the machine fingerprint id
 * @param series     what was measured, e.g. {@code hakmem:MIXED_TINYV3_C7_SAFE} or {@code mimalloc}
 * @param metric     which figure
 * @param value      the figure (a mean over runs for ops/s)
 * @param lowerValue the lowest run (or the lower end of an interval); NaN when there is none
 * @param upperValue the highest run (or the upper end); NaN when there is none
 * @param source     file the point was read from
 * @param gitCommit  commit measured (may be null)
 */
public record HistoryPoint(Instant createdAt, String machineId, String series, Metric metric, double value,
                           double lowerValue, double upperValue, String source, String gitCommit) {

    /** Key of the series this point belongs to. */
    public SeriesKey key() {
        return new SeriesKey(machineId, series, metric);
    }

    /** Identity of a series: one machine, one allocator configuration, one metric. */
    public record SeriesKey(String machineId, String series, Metric metric) implements Comparable<SeriesKey> {
        @Override
        public int compareTo(SeriesKey o) {
            int c = machineId.compareTo(o.machineId);
            if (c == 0) {
                c = series.compareTo(o.series);
            }
            return c != 0 ? c : metric.compareTo(o.metric);
        }
    }
}
