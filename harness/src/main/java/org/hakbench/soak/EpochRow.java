package org.hakbench.soak;

/**
 * One completed soak epoch, as written to one CSV line. Boxed fields are {@code null} when unknown:
 * allocator counters for allocators that do not report them, latency percentiles for an epoch that
 * had no timed batch. Latencies are nanoseconds per timed batch of {@code batch_ops} operations.
 * {@code cpuSeconds} is the CPU time the loop thread used in the epoch (wall time minus waiting for a
 * core on a busy machine). {@code allocResidentBytes} is the allocator's own resident figure, null when
 * it gives none or the file predates the column.
 */
public record EpochRow(
        int epoch,
        double elapsedSeconds,
        long ops,
        double opsPerSecond,
        Double cpuSeconds,
        long rssKiB,
        Long bytesInUse,
        Long bytesMapped,
        Long mmapCalls,
        Long munmapCalls,
        Long madviseCalls,
        Long osCalls,
        long latencySamples,
        Long p50Nanos,
        Long p90Nanos,
        Long p99Nanos,
        Long p999Nanos,
        Long maxNanos,
        Long allocResidentBytes) {

    /** The CSV line of this row in {@link EpochColumn} order, without line terminator. */
    public String csvLine() {
        StringBuilder sb = new StringBuilder(160);
        sb.append(epoch).append(',')
                .append(String.format(java.util.Locale.ROOT, "%.3f", elapsedSeconds)).append(',')
                .append(ops).append(',')
                .append(String.format(java.util.Locale.ROOT, "%.1f", opsPerSecond)).append(',')
                .append(cpuSeconds == null ? "" : String.format(java.util.Locale.ROOT, "%.6f", cpuSeconds)).append(',')
                .append(rssKiB);
        for (Long v : new Long[] {bytesInUse, bytesMapped, mmapCalls, munmapCalls, madviseCalls, osCalls}) {
            sb.append(',').append(v == null ? "" : v.toString());
        }
        sb.append(',').append(latencySamples);
        for (Long v : new Long[] {p50Nanos, p90Nanos, p99Nanos, p999Nanos, maxNanos, allocResidentBytes}) {
            sb.append(',').append(v == null ? "" : v.toString());
        }
        return sb.toString();
    }
}
