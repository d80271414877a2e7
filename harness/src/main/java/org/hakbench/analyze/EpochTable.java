package org.hakbench.analyze;

import java.util.List;

import org.hakbench.soak.EpochColumn;
import org.hakbench.soak.EpochRow;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/** Turns epoch rows into a tablesaw {@link Table} with the CSV's column names; unknown cells are missing values. */
final class EpochTable {
    private EpochTable() {
    }

    static Table of(String name, List<EpochRow> rows) {
        IntColumn epoch = IntColumn.create(EpochColumn.EPOCH.csvName());
        DoubleColumn elapsed = DoubleColumn.create(EpochColumn.ELAPSED_S.csvName());
        LongColumn ops = LongColumn.create(EpochColumn.OPS.csvName());
        DoubleColumn opsPerS = DoubleColumn.create(EpochColumn.OPS_PER_S.csvName());
        LongColumn rss = LongColumn.create(EpochColumn.RSS_KIB.csvName());
        LongColumn bytesInUse = LongColumn.create(EpochColumn.BYTES_IN_USE.csvName());
        LongColumn bytesMapped = LongColumn.create(EpochColumn.BYTES_MAPPED.csvName());
        LongColumn osCalls = LongColumn.create(EpochColumn.OS_CALLS.csvName());
        LongColumn samples = LongColumn.create(EpochColumn.LATENCY_SAMPLES.csvName());
        LongColumn p99 = LongColumn.create(EpochColumn.P99_NS.csvName());
        for (EpochRow r : rows) {
            epoch.append(r.epoch());
            elapsed.append(r.elapsedSeconds());
            ops.append(r.ops());
            opsPerS.append(r.opsPerSecond());
            rss.append(r.rssKiB());
            appendNullable(bytesInUse, r.bytesInUse());
            appendNullable(bytesMapped, r.bytesMapped());
            appendNullable(osCalls, r.osCalls());
            samples.append(r.latencySamples());
            appendNullable(p99, r.p99Nanos());
        }
        return Table.create(name, epoch, elapsed, ops, opsPerS, rss, bytesInUse, bytesMapped, osCalls, samples, p99);
    }

    private static void appendNullable(LongColumn column, Long value) {
        if (value == null) {
            column.appendMissing();
        } else {
            column.append(value);
        }
    }

    static double[] doubles(Table table, EpochColumn column) {
        return table.numberColumn(column.csvName()).asDoubleArray();
    }

    static LongColumn longs(Table table, EpochColumn column) {
        return table.longColumn(column.csvName());
    }
}
