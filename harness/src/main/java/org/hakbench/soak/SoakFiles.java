package org.hakbench.soak;

import java.nio.file.Path;

/** File naming shared by the soak writer and the analyser: the CSV, its histogram log, and header keys. */
public final class SoakFiles {
    /** Header key naming the HdrHistogram log (a file name in the CSV's directory). */
    public static final String HISTOGRAM_LOG_KEY = "histogram_log";
    /** Header key with the number of operations in one timed batch. */
    public static final String BATCH_OPS_KEY = "batch_ops";
    /** Header key with the child JVM's RSS in KiB before the allocator was created (the floor under process RSS). */
    public static final String JVM_RSS_KEY = "jvm_rss_kib";
    /** Header key naming the allocator's introspection call behind alloc_resident_bytes, or why it is unknown. */
    public static final String FOOTPRINT_SOURCE_KEY = "alloc_footprint_source";
    /** Tag of each interval histogram in the log: {@code epoch=N}, N as in the CSV's epoch column. */
    public static final String EPOCH_TAG_PREFIX = "epoch=";

    private SoakFiles() {
    }

    /** {@code soak-<allocator>-<profile>-<stamp>}: the stem of the CSV, the histogram log and the JSON. */
    public static String stem(String allocator, String profile, String stamp) {
        String p = profile == null || profile.isEmpty() ? "" : "-" + profile;
        return ("soak-" + allocator + p + "-" + stamp).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The file name without a trailing {@code .csv} or {@code .csv.gz}. */
    public static String stemOf(Path csv) {
        String name = csv.getFileName().toString();
        name = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        return name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }
}
