package org.hakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hakbench.history.RebaseFixtures;
import org.hakbench.results.Json;
import org.hakbench.trace.ReplayRunResult;
import org.hakbench.trace.ReplayRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verdict on two replays of one trace: a clear slowdown is NO-GO, noise NEUTRAL, a missing trace named. */
class ReplayVerdictTest {
    @TempDir
    Path dir;

    private Path replay(String name, double factor) {
        double[] base = {40.1e6, 40.6e6, 39.8e6, 40.3e6, 40.0e6, 40.9e6, 40.2e6};
        List<ReplayRunner.ReplayRun> runs = new ArrayList<>();
        for (int i = 0; i < base.length; i++) {
            double ops = base[i] * factor;
            runs.add(new ReplayRunner.ReplayRun(i + 1, "results/traces/perl-hash.trace.gz", "hakmem",
                    new ReplayRunResult("hakmem", "hakmem", "results/traces/perl-hash.trace.gz", 10, 5_000_000, (long) (5e6 / ops * 1e9), ops,
                            150_000, 4L << 20, 1000, 8L << 20, 400_000, 0.0), null));
        }
        ReplayRunner.Request settings = new ReplayRunner.Request(List.of("results/traces/perl-hash.trace.gz"), List.of("hakmem"), base.length,
                20, 5_000_000, null, dir.toString(), 600);
        Path f = dir.resolve(name);
        Json.writeFile(f, new ReplayRunner.ReplayResult(1, "replay", Instant.parse("2026-12-04T20:00:00Z"), RebaseFixtures.machine("Test CPU"),
                settings, runs, List.of()));
        return f;
    }

    @Test
    void twoReplaysOfOneTraceGetAVerdict() {
        Path a = replay("replay-a.json", 1.0);
        Path slower = replay("replay-b.json", 0.90);
        CliRun noGo = CliRun.of("verdict", "--results", dir.resolve("out").toString(), a.toString(), slower.toString());
        assertEquals(ExitCodes.NO_GO, noGo.exitCode(), noGo.toString());
        assertTrue(noGo.out().startsWith("NO_GO hakmem on perl-hash.trace.gz") || noGo.out().contains("hakmem on perl-hash.trace.gz"), noGo.out());
        Path same = replay("replay-c.json", 1.0);
        CliRun neutral = CliRun.of("verdict", "--results", dir.resolve("out").toString(), a.toString(), same.toString());
        assertEquals(ExitCodes.OK, neutral.exitCode(), neutral.toString());
        CliRun missing = CliRun.of("verdict", "--results", dir.resolve("out").toString(), "--trace", "sqlite3.trace.gz", a.toString(), same.toString());
        assertEquals(ExitCodes.USAGE, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("no successful replay of hakmem on sqlite3.trace.gz"), missing.err());
    }
}
