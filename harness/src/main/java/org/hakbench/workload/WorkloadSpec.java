package org.hakbench.workload;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One fully specified workload run: which loop, how many worker threads, how long, and every parameter
 * with its effective value (defaults merged in), so a recorded spec reproduces the run.
 *
 * @param iters          loop steps per worker thread (see the workload's file); 0 when timed by duration
 * @param durationMillis run length when {@code iters == 0}; 0 when counted by iters
 * @param warmupIters    steps per thread of an untimed run of the same workload before the timed one
 * @param verify         write a pattern into every block and check it before the block is freed
 */
public record WorkloadSpec(WorkloadKind kind, int threads, long iters, long durationMillis, long warmupIters,
        long seed, boolean verify, SortedMap<String, Long> params) {

    /** Thread counts above this are a typo on any machine this runs on. */
    public static final int MAX_THREADS = 1024;
    /** Largest request size: the null allocator's region and the workloads' memory bound. */
    public static final long MAX_BLOCK_BYTES = 1L << 20;

    public WorkloadSpec {
        checkThreads(threads);
        checkLength(iters, durationMillis);
        if (warmupIters < 0) {
            throw new IllegalArgumentException("warmupIters=" + warmupIters + " must be >= 0");
        }
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        checkParams(kind, params);
        if (verify && kind == WorkloadKind.VTHREADS) {
            throw new IllegalArgumentException("verify=true: vthreads writes two marker bytes per block and checks none;"
                    + " verification is for larson, xmalloc and the cache workloads");
        }
        if (verify && kind == WorkloadKind.GLIBC_THREAD) {
            throw new IllegalArgumentException("verify=true: glibc-thread runs random_mixed unchanged (two marker bytes per"
                    + " block, no block crosses threads); verification is for larson, xmalloc and the cache workloads");
        }
    }

    /** A spec with the kind's defaults overridden by {@code overrides}; unknown keys are rejected by name. */
    public static WorkloadSpec of(WorkloadKind kind, int threads, long iters, long durationMillis, long warmupIters,
            long seed, boolean verify, Map<String, Long> overrides) {
        SortedMap<String, Long> merged = new TreeMap<>(kind.defaults());
        merged.putAll(overrides);
        return new WorkloadSpec(kind, threads, iters, durationMillis, warmupIters, seed, verify, merged);
    }

    public long param(String name) {
        Long value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("workload " + kind.cliName() + " has no parameter " + name);
        }
        return value;
    }

    public boolean timedByDuration() {
        return iters == 0;
    }

    /** Steps per thread the loop may run: iters, or unbounded when the duration decides. */
    long stepBudget() {
        return timedByDuration() ? Long.MAX_VALUE : iters;
    }

    /** The untimed warm-up run: same workload and threads, {@code warmupIters} steps, no further warm-up. */
    public WorkloadSpec warmup() {
        return new WorkloadSpec(kind, threads, warmupIters, 0, 0, seed, verify, params);
    }

    public WorkloadSpec withThreads(int newThreads) {
        return new WorkloadSpec(kind, newThreads, iters, durationMillis, warmupIters, seed, verify, params);
    }

    private static void checkThreads(int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads=" + threads + " must be in 1.." + MAX_THREADS);
        }
    }

    private static void checkLength(long iters, long durationMillis) {
        if (iters < 0 || durationMillis < 0 || (iters == 0) == (durationMillis == 0)) {
            throw new IllegalArgumentException("exactly one of iters=" + iters + " and durationMillis=" + durationMillis
                    + " must be positive");
        }
    }

    private static void checkParams(WorkloadKind kind, SortedMap<String, Long> params) {
        for (Map.Entry<String, Long> e : params.entrySet()) {
            if (!kind.defaults().containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown parameter " + e.getKey() + " for workload " + kind.cliName()
                        + "; known: " + kind.defaults().keySet());
            }
            long min = kind == WorkloadKind.XMALLOC && e.getKey().equals("objectSize") ? 0 : 1;
            long max = e.getKey().endsWith("Size") ? MAX_BLOCK_BYTES : Integer.MAX_VALUE;
            if (e.getValue() < min || e.getValue() > max) {
                throw new IllegalArgumentException(e.getKey() + "=" + e.getValue() + " must be in " + min + ".." + max);
            }
        }
        Long minSize = params.get("minSize");
        Long maxSize = params.get("maxSize");
        if (minSize != null && maxSize != null && minSize > maxSize) {
            throw new IllegalArgumentException("minSize=" + minSize + " must be <= maxSize=" + maxSize);
        }
    }
}
