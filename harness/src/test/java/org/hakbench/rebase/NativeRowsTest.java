package org.hakbench.rebase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hakbench.adapters.AllocatorSpec;
import org.hakbench.adapters.Allocators;
import org.hakbench.child.NativeTwin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The C twins as rebase rows: run natively, net of the native null loop, the preload checked, the headline. */
class NativeRowsTest {
    @TempDir
    Path dir;

    private static RebaseRunResult result(String implementation) {
        return new RebaseRunResult("native:mimalloc", implementation, Map.of(), 1, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, null, 0, 0);
    }

    @Test
    void nativeRowsRunTheCTwinNetOfTheNativeNullLoopWithTheHeadline() throws Exception {
        assumeTrue(NativeTwin.buildProblem() == null, "gcc is not installed");
        List<String> allocators = List.of("hakmem", "null", "native:glibc", "native:null", "native:mimalloc");
        assumeTrue(Allocators.byNameOrNative("native:mimalloc").available(), "mimalloc is not installed");
        RebaseConfig config = new RebaseConfig(2, 300_000, 400, 42, 100_000, allocators, null, null, dir, false,
                Duration.ofSeconds(120), Map.of(), false);
        RebaseRunner.Outcome outcome = new RebaseRunner().run(config, RebaseProgress.SILENT);
        assertEquals(0, outcome.failedRuns(), () -> outcome.report().runs().toString());
        RebaseReport report = outcome.report();
        RebaseReport.RunRecord glibcRun = report.runs().stream().filter(r -> r.allocator().equals("native:glibc")).findFirst().orElseThrow();
        assertTrue(glibcRun.result().implementation().contains("malloc resolves to") && glibcRun.result().implementation().contains("libc.so.6"),
                glibcRun.result().implementation());
        assertEquals(300_000, glibcRun.result().iters());
        assertTrue(glibcRun.result().mallocCalls() > 0 && glibcRun.result().peakRssKiB() > 0, glibcRun.toString());
        RebaseReport.AllocatorSummary nativeGlibc = summary(report, "native:glibc");
        RebaseReport.AllocatorSummary nativeNull = summary(report, "native:null");
        RebaseReport.AllocatorSummary hakmem = summary(report, "hakmem");
        RebaseReport.AllocatorSummary jvmNull = summary(report, "null");
        assertEquals(nativeGlibc.nsPerOp() - nativeNull.nsPerOp(), nativeGlibc.netNsPerOp(), 1e-9, "a C twin is net of native:null");
        assertEquals(hakmem.nsPerOp() - jvmNull.nsPerOp(), hakmem.netNsPerOp(), 1e-9, "a JVM row is net of null");
        assertTrue(NativeHeadline.of(report).isPresent());
        String markdown = Files.readString(outcome.markdownFile());
        assertTrue(markdown.contains("**Headline**: hakmem vs native:mimalloc (2 rounds)"), markdown);
        assertTrue(markdown.contains("C twin, LD_PRELOAD (no JVM)"), markdown);
    }

    @Test
    void aPreloadThatDidNotTakeFailsTheRun() {
        AllocatorSpec mimalloc = Allocators.byNameOrNative("native:mimalloc");
        assertNull(RebaseRunner.wrongNativeLibrary(mimalloc,
                result("C twin bench_random_mixed.c (gcc -O2): malloc/free; malloc resolves to " + mimalloc.mallocLibrary())));
        String wrong = RebaseRunner.wrongNativeLibrary(mimalloc,
                result("C twin bench_random_mixed.c (gcc -O2): malloc/free; malloc resolves to /lib/x86_64-linux-gnu/libc.so.6"));
        assertNotNull(wrong);
        assertTrue(wrong.contains("malloc resolved to /lib/x86_64-linux-gnu/libc.so.6, expected"), wrong);
    }

    @Test
    void otherCommandsRefuseTheCTwinsByName() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Allocators.byName("native:mimalloc"));
        assertTrue(e.getMessage().contains("run in `hakbench rebase` and `hakbench scale` (larson, xmalloc) only"), e.getMessage());
    }

    private static RebaseReport.AllocatorSummary summary(RebaseReport report, String name) {
        return report.summaries().stream().filter(s -> s.allocator().equals(name)).findFirst().orElseThrow();
    }
}
