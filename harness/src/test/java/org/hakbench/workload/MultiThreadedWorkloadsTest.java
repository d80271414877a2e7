package org.hakbench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.adapters.Allocators;
import org.hakbench.adapters.NettyAdapter;
import org.hakmem.allocator.Hakmem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every workload end to end in this JVM, at small sizes, with 2 worker threads (xmalloc: 2 + 2), on hakmem, glibc, null and netty. */
class MultiThreadedWorkloadsTest {
    private static final int THREADS = 2;

    static Stream<Arguments> everyWorkloadWithEveryAllocator() {
        List<Arguments> args = new ArrayList<>();
        for (WorkloadKind kind : WorkloadKind.values()) {
            for (String allocator : List.of("hakmem", "glibc", "null", "netty")) {
                args.add(Arguments.of(kind, allocator));
            }
        }
        return args.stream();
    }

    /** Small but not trivial: larson crosses generations, xmalloc fills several batches, cache loops repeat. */
    static WorkloadSpec small(WorkloadKind kind, boolean verify) {
        return switch (kind) {
            case GLIBC_THREAD -> WorkloadSpec.of(kind, THREADS, 20_000, 0, 0, 7, verify, Map.of("ws", 100L));
            case LARSON -> WorkloadSpec.of(kind, THREADS, 5_000, 0, 0, 7, verify, Map.of("ws", 200L, "generationSteps", 2_000L));
            case XMALLOC -> WorkloadSpec.of(kind, THREADS, 1_000, 0, 0, 7, verify, Map.of("batchSize", 256L, "objectSize", 0L));
            case CACHE_THRASH, CACHE_SCRATCH -> WorkloadSpec.of(kind, THREADS, 50, 0, 0, 7, verify, Map.of("repetitions", 20L));
            case VTHREADS -> WorkloadSpec.of(kind, THREADS, 1_500, 0, 0, 7, verify, Map.of("inFlight", 30L, "steps", 60L, "yieldEvery", 7L));
        };
    }

    /** The op count each file defines, for a spec counted by iters. */
    static long expectedOps(WorkloadSpec spec) {
        long n = spec.threads();
        return switch (spec.kind()) {
            case GLIBC_THREAD -> n * spec.iters();
            case LARSON -> 2 * n * spec.iters();
            case XMALLOC -> {
                long batch = spec.param("batchSize");
                yield 2 * n * ((spec.iters() + batch - 1) / batch) * batch;
            }
            case CACHE_THRASH, CACHE_SCRATCH -> n * spec.iters() * spec.param("repetitions") * spec.param("objectSize");
            case VTHREADS -> n * spec.iters() * spec.param("steps");
        };
    }

    private static AllocatorAdapter adapter(String name) {
        return name.equals("netty") ? NettyAdapter.forManyThreads() : Allocators.createAdapter(Allocators.byName(name));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyWorkloadWithEveryAllocator")
    void runsToTheExactOpCountAndFreesEverything(WorkloadKind kind, String allocator) {
        WorkloadSpec spec = small(kind, false);
        long inUseBefore = Hakmem.stats().bytesInUse();
        WorkloadOutcome outcome = Workloads.warmUpAndRun(adapter(allocator), spec);
        assertEquals(expectedOps(spec), outcome.totalOps(), outcome.toString());
        assertTrue(outcome.opsPerSecond() > 0);
        assertTrue(outcome.cpuNanos() > 0, "every worker's CPU time is in before the phase ends: " + outcome);
        assertEquals(Hakmem.stats().bytesInUse(), inUseBefore, "blocks left live after the workload's clean-up");
        if (kind == WorkloadKind.LARSON) {
            long generationsPerArea = (spec.iters() + spec.param("generationSteps") - 1) / spec.param("generationSteps");
            assertEquals(THREADS * generationsPerArea, outcome.threadsStarted(), "larson starts one thread per generation");
        }
    }

    static Stream<WorkloadKind> verifiableWorkloads() {
        return Stream.of(WorkloadKind.LARSON, WorkloadKind.XMALLOC, WorkloadKind.CACHE_THRASH, WorkloadKind.CACHE_SCRATCH);
    }

    @ParameterizedTest
    @MethodSource("verifiableWorkloads")
    void contentSurvivesRemoteFreesOnHakmemAndGlibc(WorkloadKind kind) {
        for (String allocator : List.of("hakmem", "glibc")) {
            WorkloadSpec spec = small(kind, true);
            assertEquals(expectedOps(spec), Workloads.warmUpAndRun(adapter(allocator), spec).totalOps(), allocator);
        }
    }

    /**
     * Deterministic only where a block outlives the next malloc (larson, xmalloc); in the cache loops two
     * owners of one block are seen only if they write it at the same moment, which a test cannot force.
     */
    @ParameterizedTest
    @EnumSource(value = WorkloadKind.class, names = {"LARSON", "XMALLOC"})
    void verificationCatchesABlockHandedOutTwice(WorkloadKind kind) {
        WorkloadSpec spec = small(kind, true);
        WorkloadFailedException e = assertThrows(WorkloadFailedException.class,
                () -> Workloads.warmUpAndRun(new OverlappingAdapter(7), spec));
        assertTrue(e.getMessage().contains("was overwritten"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("verifiableWorkloads")
    void verificationIsRefusedForTheNullAllocator(WorkloadKind kind) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Workloads.warmUpAndRun(adapter("null"), small(kind, true)));
        assertTrue(e.getMessage().contains("null"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aSingleThreadedAdapterIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Workloads.warmUpAndRun(new NettyAdapter(), small(WorkloadKind.LARSON, false)));
        assertTrue(e.getMessage().contains("not thread-safe"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("verifiableWorkloads")
    void durationModeStopsNearTheDuration(WorkloadKind kind) {
        WorkloadSpec spec = new WorkloadSpec(kind, THREADS, 0, 200, 0, 7, false, small(kind, false).params());
        WorkloadOutcome outcome = Workloads.warmUpAndRun(adapter("glibc"), spec);
        assertTrue(outcome.totalOps() > 0, outcome.toString());
        // Generous upper bound: the stop flag is read at least once per object or step, but 2 shared cores are slow.
        assertTrue(outcome.elapsedNanos() >= 200_000_000L && outcome.elapsedNanos() < 5_000_000_000L, outcome.toString());
    }
}
