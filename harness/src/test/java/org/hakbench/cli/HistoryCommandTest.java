package org.hakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.hakbench.history.RebaseFixtures;
import org.hakbench.history.RebaseFixtures.Rebase;
import org.hakbench.results.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {

    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-10-01T02:00:00Z");

    /** 16 nightly rebases on machine A (hakmem 5% slower from night 10) and 8 on machine B (level). */
    private void nights() {
        for (int night = 0; night < 16; night++) {
            double level = 59e6 * (1 + 0.003 * Math.sin(night * 1.3)) * (night >= 10 ? 0.95 : 1);
            double[] runs = {level * 0.995, level, level * 1.004, level * 0.998, level * 1.003};
            new Rebase(T0.plusSeconds(86_400L * night)).allocator("hakmem", 33_000, runs).allocator("null", 1_000, 400e6, 401e6, 399e6, 400e6, 400e6)
                    .write(dir);
        }
        for (int night = 0; night < 8; night++) {
            new Rebase(T0.plusSeconds(86_400L * night + 60)).machine(RebaseFixtures.machine("Other CPU"))
                    .allocator("hakmem", 30_000, 40e6, 40.1e6, 39.9e6, 40e6, 40.2e6).write(dir);
        }
    }

    @Test
    void stepIsFlaggedAsRegressionPerMachineAndFailsOnlyWhenAsked() {
        nights();
        CliRun run = CliRun.of("history", "--results", dir.toString(), "--allocator", "hakmem");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("REGRESSION -4.9"), run.out());
        assertEquals(2, run.out().split("\nmachine ").length - 1, "one table per machine: " + run.out());
        assertTrue(run.out().contains("stable"), run.out());
        assertTrue(Files.isRegularFile(dir.resolve("trend-ops_per_s.png")));
        CliRun failing = CliRun.of("history", "--results", dir.toString(), "--fail-on-regression", "--no-plot");
        assertEquals(ExitCodes.NO_GO, failing.exitCode());
        assertTrue(failing.err().contains("regression: 1 series"), failing.err());
    }

    @Test
    void exportsBmfAndGithubActionBenchmark() throws Exception {
        nights();
        Path bmf = dir.resolve("out/bmf.json");
        CliRun run = CliRun.of("history", "--results", dir.toString(), "--export", "bmf", "--output", bmf.toString(), "--no-plot",
                "--metric", "ops_per_s,net_ns_per_op");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode root = Json.tree(Files.readString(bmf), bmf.toString());
        String name = root.fieldNames().next();
        assertTrue(name.startsWith("random_mixed/hakmem:MIXED_TINYV3_C7_SAFE@"), name);
        assertTrue(root.get(name).get("throughput").get("value").isNumber());
        assertTrue(root.get(name).has("latency"), "net ns/op exported as Bencher's latency measure: " + root);

        Path gab = dir.resolve("out/gab.json");
        CliRun both = CliRun.of("history", "--results", dir.toString(), "--export", "github-action-benchmark", "--output", gab.toString(),
                "--no-plot", "--metric", "ops_per_s,net_ns_per_op");
        assertEquals(ExitCodes.OK, both.exitCode(), both.err());
        assertTrue(both.out().contains("gab.bigger.json (github-action-benchmark tool: customBiggerIsBetter)"), both.out());
        JsonNode smaller = Json.tree(Files.readString(dir.resolve("out/gab.smaller.json")), "smaller");
        assertTrue(smaller.isArray() && smaller.get(0).get("unit").asText().equals("ns/op"), smaller.toString());
        assertFalse(Files.exists(gab));
    }

    @Test
    void badOptionsAndBadFilesExitTwo() throws Exception {
        nights();
        CliRun metric = CliRun.of("history", "--results", dir.toString(), "--metric", "speed");
        assertEquals(ExitCodes.USAGE, metric.exitCode());
        assertTrue(metric.err().contains("--metric: metric=speed is unknown; known metrics: ops_per_s"), metric.err());
        CliRun export = CliRun.of("history", "--results", dir.toString(), "--export", "csv", "--output", "x");
        assertEquals(ExitCodes.USAGE, export.exitCode());
        assertTrue(export.err().contains("--export=csv"), export.err());
        Path corrupt = Files.writeString(dir.resolve("rebase-20261201T000000Z.json"), "{ not json");
        CliRun skipped = CliRun.of("history", "--results", dir.toString());
        assertEquals(ExitCodes.OK, skipped.exitCode(), "a corrupt file is skipped with a warning: " + skipped.err());
        assertTrue(skipped.err().contains("warning: skipped " + corrupt + ": corrupt JSON"), skipped.err());
        CliRun bad = CliRun.of("history", "--results", dir.toString(), "--strict");
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains(corrupt + ": corrupt JSON"), bad.err());
    }
}
