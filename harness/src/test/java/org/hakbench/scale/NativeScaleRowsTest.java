package org.hakbench.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hakbench.adapters.Allocators;
import org.hakbench.child.ChildLauncher;
import org.hakbench.child.NativeTwin;
import org.hakbench.workload.WorkloadKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C twins of larson and xmalloc as scale rows: the same counted work as the Java workloads
 * (fixed --iters, so the operation counts are exact), the preload checked, other workloads refused.
 */
class NativeScaleRowsTest {
    @TempDir
    Path dir;

    private ScaleConfig config(WorkloadKind kind, List<String> allocators, long iters, Map<String, Long> params) {
        return new ScaleConfig(kind, List.of(1, 2), allocators, 1, iters, 0, 1000, 42, new TreeMap<>(params), false, 120,
                dir.toString(), null, new TreeMap<>(), null);
    }

    @Test
    void larsonAndXmallocTwinsDoTheSameCountedWorkAsTheJavaWorkloads() {
        assumeTrue(NativeTwin.buildProblem() == null, "gcc is not installed");
        for (WorkloadKind kind : List.of(WorkloadKind.LARSON, WorkloadKind.XMALLOC)) {
            List<String> allocators = List.of("glibc", "native:glibc", "native:null");
            Map<String, Long> params = kind == WorkloadKind.LARSON ? Map.of("ws", 200L, "generationSteps", 3000L)
                    : Map.of("batchSize", 64L, "objectSize", 0L);
            ScaleReport report = new ScaleRunner(new ChildLauncher()).run(config(kind, allocators, 10_000, params),
                    new PrintWriter(new StringWriter()));
            assertTrue(report.allRunsOk(), () -> report.result().runs().toString());
            for (int threads : List.of(1, 2)) {
                ScaleRunResult java = result(report, "glibc", threads);
                ScaleRunResult c = result(report, "native:glibc", threads);
                assertEquals(java.totalOps(), c.totalOps(), kind + " " + threads + " thread(s): same ops as the Java workload");
                assertEquals(java.workerOps().length, c.workerOps().length);
                assertEquals(java.threadsStarted(), c.threadsStarted(), kind + ": same threads started (larson: generations)");
                assertTrue(c.implementation().contains("malloc resolves to") && c.cpuNanos() > 0 && c.peakRssKiB() > 0, c.toString());
                assertTrue(result(report, "native:null", threads).implementation().contains("null bump pointer"));
            }
        }
    }

    @Test
    void theTwinsAreRefusedWhereNoWorkloadTwinExistsAndUnderVerify() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config(WorkloadKind.GLIBC_THREAD, List.of("native:glibc"), 1000, Map.of()));
        assertTrue(e.getMessage().contains("--workload=glibc-thread has none"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ScaleConfig(WorkloadKind.LARSON, List.of(1), List.of("native:glibc"),
                1, 1000, 0, 0, 42, new TreeMap<>(), true, 120, dir.toString(), null, new TreeMap<>(), null));
        assertTrue(e.getMessage().startsWith("--verify"), e.getMessage());
        assertTrue(Allocators.byNameOrNative("native:mimalloc").name().equals("native:mimalloc"));
    }

    private static ScaleRunResult result(ScaleReport report, String allocator, int threads) {
        return report.result().runs().stream().filter(r -> r.allocator().equals(allocator) && r.threads() == threads)
                .findFirst().orElseThrow().result();
    }
}
