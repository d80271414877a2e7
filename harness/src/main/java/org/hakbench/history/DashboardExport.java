package org.hakbench.history;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The latest point of every series in the JSON formats of two common benchmark dashboards.
 *
 * <ul>
 *   <li>Bencher Metric Format (https://bencher.dev/docs/reference/bencher-metric-format):
 *       {@code {benchmark: {measure: {value, lower_value, upper_value}}}}.</li>
 *   <li>github-action-benchmark's custom tools: an array of {@code {name, unit, value, range, extra}};
 *       one file holds one direction, {@code customBiggerIsBetter} (ops/s) or {@code customSmallerIsBetter}
 *       (ns/op, RSS, OS calls), so the series are split by {@link Metric#biggerIsBetter()}.</li>
 * </ul>
 * Benchmark names carry the machine id, so uploads from several machines never mix.
 */
public final class DashboardExport {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DashboardExport() {
    }

    /** Benchmark name shared by both formats: {@code random_mixed/<series>@<machine id>}. */
    static String benchmarkName(SeriesReport report) {
        return "random_mixed/" + report.key().series() + "@" + report.key().machineId();
    }

    public static ObjectNode bmf(List<SeriesReport> reports) {
        ObjectNode root = NODES.objectNode();
        for (SeriesReport r : reports) {
            HistoryPoint p = r.latest();
            ObjectNode bench = root.has(benchmarkName(r)) ? (ObjectNode) root.get(benchmarkName(r)) : root.putObject(benchmarkName(r));
            ObjectNode measure = bench.putObject(r.key().metric().bmfMeasure());
            measure.put("value", p.value());
            if (!Double.isNaN(p.lowerValue())) {
                measure.put("lower_value", p.lowerValue());
            }
            if (!Double.isNaN(p.upperValue())) {
                measure.put("upper_value", p.upperValue());
            }
        }
        return root;
    }

    /** Entries for one github-action-benchmark tool: bigger-is-better metrics or smaller-is-better ones. */
    public static ArrayNode githubActionBenchmark(List<SeriesReport> reports, boolean biggerIsBetter) {
        ArrayNode entries = NODES.arrayNode();
        for (SeriesReport r : reports) {
            if (r.key().metric().biggerIsBetter() != biggerIsBetter) {
                continue;
            }
            HistoryPoint p = r.latest();
            ObjectNode e = entries.addObject();
            e.put("name", benchmarkName(r) + " " + r.key().metric().cliName());
            e.put("unit", r.key().metric().unit());
            e.put("value", p.value());
            if (!Double.isNaN(p.lowerValue()) && !Double.isNaN(p.upperValue())) {
                e.put("range", String.format(Locale.ROOT, "%.6g .. %.6g", p.lowerValue(), p.upperValue()));
            }
            e.put("extra", "source: " + p.source() + (p.gitCommit() == null ? "" : "\ncommit: " + p.gitCommit())
                    + r.regression().map(c -> String.format(Locale.ROOT, "\nREGRESSION since point %d: %+.2f%%", c.index(), c.relativeChange() * 100)).orElse(""));
        }
        return entries;
    }
}
