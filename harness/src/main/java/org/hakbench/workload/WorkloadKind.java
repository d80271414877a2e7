package org.hakbench.workload;

import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The multi-threaded workloads, by the name users type after {@code --workload}, with the defaults of
 * their parameters. The loops are specified in docs/workloads/NAME.md; the defaults here are the ones
 * those files list.
 */
public enum WorkloadKind {
    GLIBC_THREAD("glibc-thread", GlibcThreadWorkload::new, 1_000_000, params("ws", 400)),
    LARSON("larson", LarsonWorkload::new, 200_000,
            params("ws", 5000, "minSize", 8, "maxSize", 1000, "generationSteps", 500_000)),
    XMALLOC("xmalloc", XmallocWorkload::new, 100_000, params("objectSize", 64, "batchSize", 4096, "queueLimit", 100)),
    CACHE_THRASH("cache-thrash", () -> new CacheWorkload(false), 20, params("objectSize", 8, "repetitions", 10_000)),
    CACHE_SCRATCH("cache-scratch", () -> new CacheWorkload(true), 20, params("objectSize", 8, "repetitions", 10_000)),
    VTHREADS("vthreads", VirtualThreadsWorkload::new, 2_000,
            params("inFlight", 10_000, "steps", 200, "yieldEvery", 50, "minSize", 16, "maxSize", 1024));

    private final String cliName;
    private final Supplier<MultiThreadedWorkload> factory;
    private final long defaultWarmupIters;
    private final SortedMap<String, Long> defaults;

    WorkloadKind(String cliName, Supplier<MultiThreadedWorkload> factory, long defaultWarmupIters,
            SortedMap<String, Long> defaults) {
        this.cliName = cliName;
        this.factory = factory;
        this.defaultWarmupIters = defaultWarmupIters;
        this.defaults = Collections.unmodifiableSortedMap(defaults);
    }

    /** The name on the command line and in result files. */
    @JsonValue
    public String cliName() {
        return cliName;
    }

    /** Every parameter the workload accepts, with its default. */
    public SortedMap<String, Long> defaults() {
        return defaults;
    }

    /** Warm-up steps per thread that get the loop JIT-compiled (cache loops: objects, each thousands of touches). */
    public long defaultWarmupIters() {
        return defaultWarmupIters;
    }

    public MultiThreadedWorkload newWorkload() {
        return factory.get();
    }

    /** The workload named {@code name}; an unknown name is an IllegalArgumentException listing the known ones. */
    @JsonCreator
    public static WorkloadKind parse(String name) {
        for (WorkloadKind kind : values()) {
            if (kind.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        String hint = name.equals("random_mixed") ? " (random_mixed is single-threaded: its N-thread form is glibc-thread)" : "";
        throw new IllegalArgumentException("unknown workload '" + name + "'" + hint + "; known: " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(WorkloadKind::cliName).collect(Collectors.joining(", "));
    }

    private static SortedMap<String, Long> params(Object... keyValues) {
        SortedMap<String, Long> map = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], ((Number) keyValues[i + 1]).longValue());
        }
        return map;
    }
}
