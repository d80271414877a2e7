package org.hakbench.history;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A figure tracked over time, with its unit and which direction is better. */
public enum Metric {
    OPS_PER_S("ops_per_s", "ops/s", true, "throughput"),
    OPS_PER_CPU_S("ops_per_cpu_s", "ops/cpu-s", true, "throughput-per-cpu-second"),
    NET_NS_PER_OP("net_ns_per_op", "ns/op", false, "latency"),
    CV_PERCENT("cv_percent", "%", false, "cv-percent"),
    PEAK_RSS_KIB("peak_rss_kib", "KiB", false, "peak-rss-kib"),
    OS_CALLS_PER_OP("os_calls_per_op", "calls/op", false, "os-calls-per-op");

    private final String cliName;
    private final String unit;
    private final boolean biggerIsBetter;
    private final String bmfMeasure;

    Metric(String cliName, String unit, boolean biggerIsBetter, String bmfMeasure) {
        this.cliName = cliName;
        this.unit = unit;
        this.biggerIsBetter = biggerIsBetter;
        this.bmfMeasure = bmfMeasure;
    }

    public String cliName() {
        return cliName;
    }

    public String unit() {
        return unit;
    }

    public boolean biggerIsBetter() {
        return biggerIsBetter;
    }

    /** Measure slug in Bencher Metric Format; "throughput" and "latency" are Bencher's built-in measures. */
    public String bmfMeasure() {
        return bmfMeasure;
    }

    /** Parses a CLI name such as {@code ops_per_s}; unknown -> exception listing the known names. */
    public static Metric parse(String name) {
        for (Metric m : values()) {
            if (m.cliName.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("metric=" + name + " is unknown; known metrics: "
                + Arrays.stream(values()).map(Metric::cliName).collect(Collectors.joining(", ")));
    }
}
