package org.hakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.hakbench.history.RebaseFixtures;
import org.hakbench.history.RebaseFixtures.Rebase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorecardCommandTest {

    @TempDir
    Path dir;
    Path results;
    Path card;

    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");

    @BeforeEach
    void results() {
        results = dir.resolve("results");
        card = results.resolve("PERFORMANCE_TARGETS_SCORECARD.md");
        double[] hakmem = {59.1e6, 59.6e6, 58.9e6, 59.3e6, 59.0e6, 59.8e6};
        double[] mimalloc = {120.1e6, 121.6e6, 119.9e6, 120.3e6, 121.0e6, 120.8e6};
        double[] none = {400e6, 401e6, 399e6, 400e6, 402e6, 398e6};
        for (int night = 0; night < 3; night++) {
            new Rebase(T0.plusSeconds(86_400L * night)).allocator("hakmem", 33_000, hakmem).allocator("mimalloc", 2_000, mimalloc)
                    .allocator("null", 1_000, none).write(results);
        }
        new Rebase(T0).machine(RebaseFixtures.machine("Other CPU")).allocator("hakmem", 30_000, hakmem).allocator("mimalloc", 2_000, hakmem)
                .write(results);
    }

    private CliRun update() {
        return CliRun.of("scorecard", "update", "--file", card.toString(), "--results", results.toString(),
                "--targets", dir.resolve("targets.properties").toString());
    }

    @Test
    void createsEveryBlockThenChangesNothingOnASecondRun() throws Exception {
        Path older = results.resolve("rebase-20261120T020000Z.json");
        Path newer = results.resolve("rebase-20261122T020000Z.json");
        CliRun verdict = CliRun.of("verdict", "--results", results.toString(), older.toString(), newer.toString());
        assertEquals(ExitCodes.OK, verdict.exitCode(), verdict.err());

        CliRun first = update();
        assertEquals(ExitCodes.OK, first.exitCode(), first.err());
        String text = Files.readString(card);
        for (String block : new String[] {"snapshot", "targets", "syscalls", "rss", "soak", "verdicts", "trend"}) {
            assertTrue(text.contains("<!-- hakbench:begin " + block + " -->") && text.contains("<!-- hakbench:end " + block + " -->"), block);
        }
        assertEquals(2, text.split("### Machine `").length - 1, "one snapshot table per machine");
        assertTrue(text.contains("| hakmem:MIXED_TINYV3_C7_SAFE | 6 | 59.283 M | 0.60% |"), text);
        assertTrue(text.contains("| M1 | 50.00% of mimalloc | 49.15% | NOT YET | 49.15% | NOT YET |"), text);
        assertTrue(text.contains("| NEUTRAL | rebase-20261120T020000Z.json | rebase-20261122T020000Z.json |"), text);
        assertTrue(text.contains("![ops_per_s trend](trend-ops_per_s.png)"), text);
        Path png = results.resolve("trend-ops_per_s.png");
        long pngModified = Files.getLastModifiedTime(png).toMillis();

        Thread.sleep(20);
        CliRun second = update();
        assertEquals(ExitCodes.OK, second.exitCode(), second.err());
        assertTrue(second.out().startsWith("already current"), second.out());
        assertEquals(text, Files.readString(card));
        assertEquals(pngModified, Files.getLastModifiedTime(png).toMillis(), "same history, same PNG, not rewritten");
    }

    @Test
    void handWrittenTextSurvivesAndTheVerdictLogOutlivesItsFiles() throws Exception {
        CliRun.of("verdict", "--results", results.toString(), results.resolve("rebase-20261120T020000Z.json").toString(),
                results.resolve("rebase-20261121T020000Z.json").toString());
        assertEquals(ExitCodes.OK, update().exitCode());
        String text = Files.readString(card);
        String withNotes = "My own preface.\n\n" + text.replace("## Syscall budget", "Note: syscall budget from Phase 48.\n\n## Syscall budget");
        Files.writeString(card, withNotes);
        try (var files = Files.list(results)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("verdict-")).toList()) {
                Files.delete(f);
            }
        }
        assertEquals(ExitCodes.OK, update().exitCode());
        String after = Files.readString(card);
        assertEquals(withNotes, after, "nothing changed: notes kept and the verdict row kept though its file is gone");
        assertTrue(after.contains("| NEUTRAL | rebase-20261120T020000Z.json"), after);
    }

    @Test
    void unclosedMarkerExitsTwoAndLeavesEverythingUntouched() throws Exception {
        Files.createDirectories(card.getParent());
        String broken = "# notes\n<!-- hakbench:begin snapshot -->\nold\n";
        Files.writeString(card, broken);
        CliRun run = update();
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains(card + ":2: block 'snapshot' is never closed"), run.err());
        assertEquals(broken, Files.readString(card));
        assertFalse(Files.exists(results.resolve("trend-ops_per_s.png")), "no file written on bad input");
    }

    @Test
    void badTargetsFileExitsTwo() throws Exception {
        Files.writeString(dir.resolve("targets.properties"), "subject=hakmem\nreference=mimalloc\nmilestone.M1=half\nsyscall.budget.per_op=1e-7\nrss.peak.max_mib=35\n");
        CliRun run = update();
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("milestone.M1=half is not a number"), run.err());
        assertFalse(Files.exists(card));
    }
}
