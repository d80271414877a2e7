package org.hakbench.scale;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.hakbench.workload.WorkloadKind;
import org.hakbench.workload.WorkloadSpec;

/**
 * The effective configuration of one {@code hakbench scale} run, recorded in its result file. Built by the
 * CLI from its options; every check names the option the user typed, so a bad value is reported as
 * {@code --threads=0: ...} and the CLI exits 2.
 *
 * @param workload       workload name (docs/workloads/)
 * @param threads        thread counts of the sweep, in the order given; the first is the speed-up base
 * @param allocators     allocator names, in table order
 * @param runs           child JVMs per (allocator, threads) point
 * @param iters          steps per worker thread, or 0 when {@code durationMillis} decides
 * @param durationMillis timed-phase length, or 0 when {@code iters} decides
 * @param warmupIters    steps per thread of the untimed warm-up in each child
 * @param params         workload parameters; the workload's defaults are merged in, so the record holds every one
 * @param timeoutSeconds a child that runs longer is killed and reported as a failed run
 * @param profile        HAKMEM_PROFILE of hakmem children, or null for the allocator's default
 * @param hakmemEnv      further HAKMEM_* variables of hakmem children (other children get none)
 * @param reference      allocator the others are compared with, run by run ({@link ScalePoint#vsReference}); null: none
 */
public record ScaleConfig(WorkloadKind workload, List<Integer> threads, List<String> allocators, int runs, long iters,
        long durationMillis, long warmupIters, long seed, SortedMap<String, Long> params, boolean verify,
        long timeoutSeconds, String resultsDir, String profile, SortedMap<String, String> hakmemEnv, String reference) {

    public ScaleConfig {
        if (workload == null) {
            throw new IllegalArgumentException("--workload: required; known: " + WorkloadKind.names());
        }
        threads = List.copyOf(threads);
        allocators = List.copyOf(allocators);
        hakmemEnv = new TreeMap<>(hakmemEnv == null ? Map.of() : hakmemEnv);
        SortedMap<String, Long> merged = new TreeMap<>(workload.defaults());
        merged.putAll(params);
        params = merged;
        checkThreads(threads);
        checkAllocators(allocators);
        checkPositive("--runs", runs);
        checkPositive("--timeout", timeoutSeconds);
        if (iters < 0 || durationMillis < 0 || (iters == 0) == (durationMillis == 0)) {
            throw new IllegalArgumentException("--iters=" + iters + " / --duration=" + durationMillis / 1000.0
                    + "s: give exactly one of them, positive");
        }
        if (warmupIters < 0) {
            throw new IllegalArgumentException("--warmup=" + warmupIters + ": must be >= 0");
        }
        try {
            new WorkloadSpec(workload, threads.getFirst(), iters, durationMillis, warmupIters, seed, verify, params);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--param: " + e.getMessage(), e);
        }
        if (reference != null && !allocators.contains(reference)) {
            throw new IllegalArgumentException("--reference=" + reference + ": not among --allocators=" + String.join(",", allocators));
        }
        for (String name : allocators) {
            if (name.startsWith(org.hakbench.adapters.Allocators.NATIVE_PREFIX)) {
                if (!NATIVE_WORKLOADS.contains(workload)) {
                    throw new IllegalArgumentException("--allocators=" + name + ": the C twins cover " + NATIVE_WORKLOADS.stream()
                            .map(WorkloadKind::cliName).toList() + "; --workload=" + workload.cliName() + " has none");
                }
                if (verify) {
                    throw new IllegalArgumentException("--verify: the C twins do not check block contents; leave " + name
                            + " out of --allocators");
                }
            }
        }
        if (verify && (allocators.contains("null") || allocators.contains("native:null"))) {
            throw new IllegalArgumentException("--verify: the null allocator returns overlapping blocks by design; leave it out of --allocators");
        }
    }

    /** The workloads with a C twin (bench_scale.c), which native:* allocators run. */
    public static final java.util.Set<WorkloadKind> NATIVE_WORKLOADS = java.util.EnumSet.of(WorkloadKind.LARSON, WorkloadKind.XMALLOC);

    /** HAKMEM_* of a hakmem child: the profile, then --env. */
    public Map<String, String> hakmemChildEnvironment() {
        Map<String, String> env = new TreeMap<>(hakmemEnv);
        if (profile != null) {
            env.put("HAKMEM_PROFILE", profile);
        }
        return env;
    }

    /** The workload run of one child at {@code threadCount} threads. */
    public WorkloadSpec spec(int threadCount) {
        return new WorkloadSpec(workload, threadCount, iters, durationMillis, warmupIters, seed, verify, params);
    }

    /** The thread count speed-ups are relative to: the first of the sweep (1 in the usual 1,2,4). */
    public int baseThreads() {
        return threads.getFirst();
    }

    private static void checkThreads(List<Integer> threads) {
        if (threads.isEmpty()) {
            throw new IllegalArgumentException("--threads: give at least one thread count");
        }
        for (int n : threads) {
            if (n < 1 || n > WorkloadSpec.MAX_THREADS) {
                throw new IllegalArgumentException("--threads=" + n + ": must be in 1.." + WorkloadSpec.MAX_THREADS);
            }
        }
        if (threads.stream().distinct().count() != threads.size()) {
            throw new IllegalArgumentException("--threads=" + threads + ": a thread count is listed twice");
        }
    }

    private static void checkAllocators(List<String> allocators) {
        if (allocators.isEmpty()) {
            throw new IllegalArgumentException("--allocators: no allocator to run");
        }
        if (allocators.stream().distinct().count() != allocators.size()) {
            throw new IllegalArgumentException("--allocators=" + String.join(",", allocators) + ": an allocator is listed twice");
        }
    }

    private static void checkPositive(String option, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + "=" + value + ": must be >= 1");
        }
    }
}
