package org.hakbench.soak;

import java.util.List;

/**
 * The columns of a soak epoch CSV, in file order; {@code docs/soak-csv.md} documents each one.
 * The writer ({@link EpochCsvWriter}) and the reader ({@code org.hakbench.analyze.EpochCsvReader}) both
 * use this list, so the format has one definition.
 */
public enum EpochColumn {
    EPOCH("epoch", false),
    ELAPSED_S("elapsed_s", false),
    OPS("ops", false),
    OPS_PER_S("ops_per_s", false),
    CPU_S("cpu_s", true),
    RSS_KIB("rss_kib", false),
    BYTES_IN_USE("bytes_in_use", true),
    BYTES_MAPPED("bytes_mapped", true),
    MMAP_CALLS("mmap_calls", true),
    MUNMAP_CALLS("munmap_calls", true),
    MADVISE_CALLS("madvise_calls", true),
    OS_CALLS("os_calls", true),
    LATENCY_SAMPLES("latency_samples", false),
    P50_NS("p50_ns", true),
    P90_NS("p90_ns", true),
    P99_NS("p99_ns", true),
    P999_NS("p999_ns", true),
    MAX_NS("max_ns", true),
    /** Added in schema 2: the allocator's own resident figure ({@code AllocatorAdapter.footprint()}). */
    ALLOC_RESIDENT_BYTES("alloc_resident_bytes", true, 2);

    /** Version of the CSV layout; bumped whenever a column is added, removed or changes meaning. */
    public static final String SCHEMA = "hakbench.soak-epochs/2";
    /** Every layout the reader accepts; a column newer than a file's schema is absent there. */
    public static final List<String> READABLE_SCHEMAS = List.of("hakbench.soak-epochs/1", SCHEMA);

    private static final List<EpochColumn> ALL = List.of(values());

    private final String csvName;
    private final boolean mayBeEmpty;
    private final int sinceSchema;

    EpochColumn(String csvName, boolean mayBeEmpty) {
        this(csvName, mayBeEmpty, 1);
    }

    EpochColumn(String csvName, boolean mayBeEmpty, int sinceSchema) {
        this.csvName = csvName;
        this.mayBeEmpty = mayBeEmpty;
        this.sinceSchema = sinceSchema;
    }

    /** The layout version that introduced this column; files of older layouts lack it. */
    public int sinceSchema() {
        return sinceSchema;
    }

    /** The name in the CSV header line. */
    public String csvName() {
        return csvName;
    }

    /**
     * Whether a row may leave this cell empty: allocator counters are unknown for competitors, an epoch
     * without a timed batch has no latency percentiles, and a thread CPU clock may be unavailable.
     */
    public boolean mayBeEmpty() {
        return mayBeEmpty;
    }

    public static List<EpochColumn> all() {
        return ALL;
    }

    /** The CSV header line, without line terminator. */
    public static String headerLine() {
        StringBuilder sb = new StringBuilder();
        for (EpochColumn c : ALL) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(c.csvName);
        }
        return sb.toString();
    }
}
