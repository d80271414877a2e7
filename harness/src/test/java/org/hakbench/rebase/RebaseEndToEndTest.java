package org.hakbench.rebase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.hakbench.child.ChildLauncher;
import org.hakbench.child.StraceCounter;
import org.hakbench.results.ResultFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child JVMs, small iteration counts: checks the files, never the speed. */
class RebaseEndToEndTest {

    @TempDir
    Path results;

    private RebaseConfig config(List<String> allocators, boolean countSyscalls) {
        return config(allocators, countSyscalls, null);
    }

    private RebaseConfig config(List<String> allocators, boolean countSyscalls, String profile) {
        return new RebaseConfig(2, 200_000, 400, 42, 100_000, allocators, profile, null, results, false,
                Duration.ofSeconds(120), Map.of(), countSyscalls);
    }

    @Test
    void writesJsonAndMarkdownWithEveryRunAndDriftOnTheSecondRebase() throws Exception {
        List<String> allocators = List.of("hakmem", "glibc", "null");
        RebaseRunner.Outcome first = new RebaseRunner().run(config(allocators, true), RebaseProgress.SILENT);
        assertEquals(0, first.failedRuns());
        RebaseReport report = ResultFiles.load(first.jsonFile(), RebaseReport.class, "rebase", RebaseReport.SCHEMA);
        assertEquals(first.report(), report, "JSON round trip of the real file");
        assertTrue(first.jsonFile().getFileName().toString().matches("rebase-\\d{8}T\\d{6}Z\\.json"));

        // interleaved A B C, B C A (each round starts one further), every raw figure present
        assertEquals(List.of("hakmem", "glibc", "null", "glibc", "null", "hakmem"), report.runs().stream().map(RebaseReport.RunRecord::allocator).toList());
        assertEquals(List.of(1, 1, 1, 2, 2, 2), report.runs().stream().map(RebaseReport.RunRecord::round).toList());
        for (RebaseReport.RunRecord run : report.runs()) {
            assertTrue(run.ok(), run.failure());
            assertEquals(200_000, run.result().iters());
            assertEquals(100_000, run.result().warmupIters());
            assertTrue(run.result().opsPerSec() > 0 && run.result().peakRssKiB() > 0 && run.wallNanos() > run.result().elapsedNanos());
            assertEquals(run.result().iters(), run.result().mallocCalls() + run.result().freeCalls());
        }
        assertTrue(report.runs().get(1).result().implementation().contains("libc.so.6"), report.runs().get(1).result().implementation());
        RebaseReport.AllocatorSummary hakmem = report.summary("hakmem").orElseThrow();
        assertEquals("hakmem-stats", hakmem.osCalls().source());
        assertNotNull(hakmem.syscallsPerOp());
        assertEquals("MIXED_TINYV3_C7_SAFE", report.runs().getFirst().result().effectiveConfig().get("HAKMEM_PROFILE"));
        assertEquals("glibc", report.settings().reference());
        RebaseReport.AllocatorSummary glibc = report.summary("glibc").orElseThrow();
        RebaseReport.AllocatorSummary nul = report.summary("null").orElseThrow();
        assertEquals(1.0, glibc.vsReference(), 1e-12);
        assertEquals(0.0, nul.netNsPerOp(), 1e-12);
        assertEquals(glibc.nsPerOp() - nul.nsPerOp(), glibc.netNsPerOp(), 1e-9);
        assertEquals(2, glibc.opsPerSec().n());
        assertNotNull(glibc.opsPerSec().ci95Low());
        assertNull(glibc.drift());
        assertNull(report.previousRebase());
        assertEquals(report.machine().cores(), Runtime.getRuntime().availableProcessors());

        if (StraceCounter.unavailableReason() == null) {
            assertEquals(3, report.syscallRuns().size(), "every allocator traced once; hakmem as a cross-check of its counters");
            assertTrue(report.warnings().stream().noneMatch(w -> w.startsWith("hakmem: its counters")), report.warnings().toString());
            assertTrue(nul.osCalls().known(), nul.osCalls().source());
            // The null allocator itself makes none; the JVM may still, rarely, map native memory on the loop
            // thread (one call seen in a fresh-clone CI run). JVM start-up, JIT and GC threads, which make
            // hundreds, must not be counted.
            assertTrue(nul.osCalls().total() <= 2, "the null allocator's loop makes (almost) no OS calls: " + nul.osCalls());
            assertNotNull(glibc.syscallsPerOp());
        }

        String markdown = Files.readString(first.markdownFile());
        assertTrue(markdown.contains("## Comparison Table (All Allocators)"), markdown);
        assertTrue(markdown.contains("| Allocator | Mean (M ops/s) | Median (M ops/s) | CV | vs glibc | Binary type |"), markdown);
        assertTrue(markdown.contains("| glibc | ") && markdown.contains("| null | "), markdown);

        RebaseRunner.Outcome second = new RebaseRunner().run(config(allocators, false, "MIXED_TINYV3_C7_BALANCED"), RebaseProgress.SILENT);
        assertEquals("MIXED_TINYV3_C7_BALANCED", second.report().runs().getFirst().result().effectiveConfig().get("HAKMEM_PROFILE"));
        assertEquals(Map.of("HAKMEM_PROFILE", "MIXED_TINYV3_C7_BALANCED"), second.report().allocators().getFirst().childEnvironment());
        assertEquals(first.jsonFile().getFileName().toString(), second.report().previousRebase());
        assertTrue(second.report().warnings().stream().anyMatch(w -> w.contains("ran another workload")), "profile changed: "
                + second.report().warnings());
        assertNotNull(second.report().summary("glibc").orElseThrow().drift());
        assertTrue(Files.readString(second.markdownFile()).contains("| glibc | "));
        assertEquals(List.of(second.jsonFile(), first.jsonFile()), ResultFiles.list(results, "rebase"));
    }

    @Test
    void aCrashingChildIsRecordedAndTheOtherRunsAreKept() throws Exception {
        ChildLauncher launcher = new ChildLauncher();
        AtomicInteger calls = new AtomicInteger();
        RebaseRunner runner = new RebaseRunner(spec -> launcher.run(calls.incrementAndGet() == 2
                ? spec.withMode(CrashingRebaseChild.class.getName()) : spec), Clock.systemUTC());
        RebaseRunner.Outcome outcome = runner.run(config(List.of("glibc", "null"), false), RebaseProgress.SILENT);

        assertEquals(1, outcome.failedRuns());
        RebaseReport report = ResultFiles.load(outcome.jsonFile(), RebaseReport.class, "rebase", RebaseReport.SCHEMA);
        assertEquals(4, report.runs().size());
        RebaseReport.RunRecord crashed = report.runs().get(1);
        assertFalse(crashed.ok());
        assertEquals("null", crashed.allocator());
        assertTrue(crashed.failure().startsWith("child exited with code"), crashed.failure());
        assertTrue(crashed.stderrTail().contains("crashing on purpose for null"), crashed.stderrTail());
        assertEquals(1, report.summary("null").orElseThrow().okRuns());
        assertEquals(1, report.summary("null").orElseThrow().failedRuns());
        assertEquals(2, report.summary("glibc").orElseThrow().okRuns());
        assertTrue(report.warnings().stream().anyMatch(w -> w.startsWith("null: 1 of 2 runs failed")), report.warnings().toString());
        assertTrue(Files.readString(outcome.markdownFile()).contains("## Failed runs"));
    }
}
