package org.hakbench.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hakbench.results.Json;
import org.hakbench.results.MachineFingerprint;
import org.hakbench.results.ResultFiles;
import org.hakbench.workload.WorkloadKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleResultJsonTest {
    @TempDir
    Path dir;

    private static ScaleConfig config() {
        return new ScaleConfig(WorkloadKind.LARSON, List.of(1, 2), List.of("hakmem", "mimalloc"), 2, 0, 3000, 1000, 42,
                new TreeMap<>(Map.of("ws", 100L)), false, 600, "results", "MIXED_TINYV3_C7_BALANCED",
                new TreeMap<>(Map.of("HAKMEM_SS_OS_STATS", "1")), "mimalloc");
    }

    private static ScaleRun ok(int run, String allocator, int threads, double opsPerSecond, long rssKiB) {
        long elapsed = 3_000_000_000L;
        long ops = Math.round(opsPerSecond * 3);
        return new ScaleRun(run, allocator, threads, new ScaleRunResult(allocator, "impl of " + allocator, threads, ops, elapsed,
                opsPerSecond, 2 * elapsed, new long[] {ops / 2, ops - ops / 2}, threads * 3L, rssKiB, new TreeMap<>(Map.of("K", "V"))), null);
    }

    private static List<ScaleRun> runs() {
        return List.of(ok(1, "hakmem", 1, 10e6, 1000), ok(1, "mimalloc", 1, 20e6, 2000), ok(1, "hakmem", 2, 18e6, 1500),
                new ScaleRun(1, "mimalloc", 2, null, "child exited with code 134 (signal 6)\nstderr tail"),
                ok(2, "hakmem", 1, 12e6, 1100), ok(2, "mimalloc", 1, 22e6, 2100), ok(2, "hakmem", 2, 20e6, 1600),
                ok(2, "mimalloc", 2, 40e6, 2500));
    }

    @Test
    void statisticsFollowTheRawRuns() {
        List<ScalePoint> points = ScaleStatistics.points(config(), runs());
        assertEquals(4, points.size());
        ScalePoint hakmem2 = points.get(1);
        assertEquals(19e6, hakmem2.opsPerSecond().median(), 1e-6);
        assertEquals(19e6 / 11e6, hakmem2.speedUp(), 1e-12);
        assertEquals(1600, hakmem2.peakRssKiB());
        assertEquals(19e6 / 2, hakmem2.opsPerCpuSecond().median(), 1e-6, "workers used 2 CPU-seconds per wall second");
        assertEquals(2, points.get(0).vsReference().pairs());
        assertEquals(Math.sqrt(10.0 / 20 * 12.0 / 22), points.get(0).vsReference().geoMean(), 1e-12, "run 1 with run 1, run 2 with run 2");
        assertEquals(1, hakmem2.vsReference().pairs(), "mimalloc's run 1 at 2 threads failed: only run 2 pairs up");
        assertEquals(0.5, hakmem2.vsReference().geoMean(), 1e-12);
        assertNull(hakmem2.vsReference().ci95Low(), "one pair has no interval");
        ScalePoint mimalloc2 = points.get(3);
        assertNull(mimalloc2.vsReference(), "the reference is not compared with itself");
        assertEquals(1, mimalloc2.okRuns());
        assertEquals(1, mimalloc2.failedRuns());
        assertEquals(40e6 / 21e6, mimalloc2.speedUp(), 1e-12);
        assertNull(mimalloc2.opsPerSecond().cv(), "one successful run has no spread");
    }

    @Test
    void resultRoundTripsThroughItsFile() {
        List<ScaleRun> runs = runs();
        ScaleResult written = new ScaleResult(ScaleResult.SCHEMA, ScaleResult.KIND, Instant.parse("2026-11-22T01:30:00Z"),
                MachineFingerprint.capture(null), config(), new TreeMap<>(Map.of("hakmem", "dev", "mimalloc", "2.0.9")), 1, runs,
                ScaleStatistics.points(config(), runs));
        Path file = ResultFiles.newJsonFile(dir, ScaleResult.KIND, written.createdAt());
        Json.writeFile(file, written);
        ScaleResult read = ResultFiles.load(file, ScaleResult.class, ScaleResult.KIND, ScaleResult.SCHEMA);
        assertEquals(written, read);
        assertEquals(read.points(), ScaleStatistics.points(read.config(), read.runs()), "statistics recompute from the raw runs");
        assertEquals(Map.of("generationSteps", 500_000L, "maxSize", 1000L, "minSize", 8L, "ws", 100L), read.config().params());
    }

    @Test
    void otherSchemaIsRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("scale-20261122T013000Z.json");
        Files.writeString(file, "{\"schema\": 99, \"kind\": \"scale\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResultFiles.load(file, ScaleResult.class, ScaleResult.KIND, ScaleResult.SCHEMA));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("schema=99"), e.getMessage());
    }
}
