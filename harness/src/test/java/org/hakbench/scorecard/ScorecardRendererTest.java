package org.hakbench.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hakbench.scorecard.ScorecardInputs.MachineSnapshot;
import org.hakbench.scorecard.ScorecardInputs.SnapshotRow;
import org.hakbench.scorecard.ScorecardInputs.VerdictLogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorecardRendererTest {

    @TempDir
    Path dir;

    private static MachineSnapshot machine(String id, double hakmemOps, double mimallocOps) {
        return new MachineSnapshot(id, "cpu X, 2 cores", "rebase-" + id + ".json", Instant.parse("2026-11-22T01:00:00Z"), "iters=1000000 ws=400",
                List.of(new SnapshotRow("hakmem:MIXED_TINYV3_C7_SAFE", 10, hakmemOps, 9.5, 1.31, hakmemOps * 1.1, 0.5, 113 * 1024, 9e-8),
                        new SnapshotRow("mimalloc", 10, mimallocOps, 2.1, 3.5, mimallocOps, 0.5, 82 * 1024, 2e-7),
                        new SnapshotRow("null", 10, 400e6, 0, 1.0, Double.NaN, Double.NaN, 80 * 1024, Double.NaN)));
    }

    @Test
    void milestonesSyscallsAndRssPerMachine() {
        Targets targets = Targets.read(dir.resolve("missing.properties"));
        ScorecardInputs in = new ScorecardInputs(List.of(machine("aaa", 59.184e6, 120.466e6), machine("bbb", 70e6, 100e6)), targets,
                List.of(), List.of(), List.of());
        var blocks = ScorecardRenderer.render(in, Optional.empty());
        String t = blocks.get(ScorecardRenderer.TARGETS);
        // The seeds' Phase 59: 49.13% of mimalloc with CV 1.31% / 3.50% over 10 runs: M1 within noise.
        assertTrue(t.contains("ratio 49.13%"), t);
        // by CPU time hakmem is 10% faster and both CVs are 0.5%: 54.04% +- 0.24, M1 achieved, M2 not yet
        assertTrue(t.contains("| M1 | 50.00% of mimalloc | 49.13% | WITHIN NOISE | 54.04% | ACHIEVED |"), t);
        assertTrue(t.contains("| M2 | 55.00% of mimalloc | 49.13% | NOT YET | 54.04% | NOT YET |"), t);
        assertTrue(t.contains("| M2 | 55.00% of mimalloc | 70.00% | ACHIEVED |"), t);
        // the same ratios with 30% CV: nothing can be claimed either way
        MachineSnapshot noisy = new MachineSnapshot("ccc", "noisy", "r.json", Instant.parse("2026-11-22T01:00:00Z"), "w",
                List.of(new SnapshotRow("hakmem:MIXED_TINYV3_C7_SAFE", 5, 70e6, 9.5, 30, Double.NaN, Double.NaN, Double.NaN, Double.NaN),
                        new SnapshotRow("mimalloc", 5, 100e6, 2.1, 30, Double.NaN, Double.NaN, Double.NaN, Double.NaN)));
        String n = ScorecardRenderer.render(new ScorecardInputs(List.of(noisy), targets, List.of(), List.of(), List.of()), Optional.empty())
                .get(ScorecardRenderer.TARGETS);
        assertTrue(n.contains("| M3 | 60.00% of mimalloc | 70.00% | WITHIN NOISE | n/a | n/a |"), n);
        String s = blocks.get(ScorecardRenderer.SNAPSHOT);
        assertTrue(s.contains("### Machine `aaa`") && s.contains("### Machine `bbb`"), s);
        assertTrue(s.contains("| hakmem:MIXED_TINYV3_C7_SAFE | 10 | 59.184 M | 1.31% | 9.50 | 49.13% | 65.102 M | 0.50% | 54.04% |"), s);
        assertTrue(blocks.get(ScorecardRenderer.SYSCALLS).contains("| hakmem:MIXED_TINYV3_C7_SAFE | 9.00e-08 | PASS |"));
        assertTrue(blocks.get(ScorecardRenderer.SYSCALLS).contains("| mimalloc | 2.00e-07 | - |"), "budget judges the subject only");
        assertTrue(blocks.get(ScorecardRenderer.SYSCALLS).contains("| null | n/a | not measured |"));
        String rss = blocks.get(ScorecardRenderer.RSS);
        assertTrue(rss.contains("| hakmem:MIXED_TINYV3_C7_SAFE | 113.0 MiB | +33.0 MiB | +31.0 MiB |"), rss);
        assertTrue(rss.contains("+33.0 MiB over null, target <= 35 MiB: PASS"), rss);
    }

    @Test
    void verdictLogIsAppendOnlyNewestFirst() {
        VerdictLogEntry old = new VerdictLogEntry(Instant.parse("2026-11-20T00:00:00Z"), "GO", "a.json", "b.json", "+1.20% ... | pipe", "verdict-20261120T000000Z.json");
        VerdictLogEntry newer = new VerdictLogEntry(Instant.parse("2026-11-21T00:00:00Z"), "NO_GO", "a.json", "c.json", "-0.80%", "verdict-20261121T000000Z.json");
        String first = ScorecardRenderer.verdictLog(List.of(old), "");
        assertTrue(first.contains("+1.20% ... \\| pipe"), first);
        // the old verdict file is gone from results/, a new one arrived: both stay, newest first
        String second = ScorecardRenderer.verdictLog(List.of(newer), first);
        String[] lines = second.split("\n");
        assertEquals(4, lines.length, second);
        assertTrue(lines[2].contains("NO_GO") && lines[3].contains("GO"), second);
        assertEquals(second, ScorecardRenderer.verdictLog(List.of(newer, old), second));
    }

    @Test
    void targetsFileIsSettableAndBadValuesAreNamed() throws Exception {
        Path file = dir.resolve("targets.properties");
        Files.writeString(file, Targets.DEFAULT_PROPERTIES.replace("milestone.M3=0.60", "milestone.M3=0.60\nmilestone.M4=0.70"));
        assertEquals(List.of("M1", "M2", "M3", "M4"), List.copyOf(Targets.read(file).milestones().keySet()));
        Files.writeString(file, Targets.DEFAULT_PROPERTIES.replace("rss.peak.max_mib=35", "rss.peak.max_mib=lots"));
        var ex = assertThrows(IllegalArgumentException.class, () -> Targets.read(file));
        assertTrue(ex.getMessage().contains("rss.peak.max_mib=lots is not a number") && ex.getMessage().contains(file.toString()), ex.getMessage());
        Files.writeString(file, Targets.DEFAULT_PROPERTIES + "milestone_M5=0.8\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Targets.read(file)).getMessage().contains("unknown key milestone_M5"));
    }
}
