package org.hakbench.rebase;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hakbench.child.ChildOutcome;
import org.hakbench.results.Json;
import org.hakbench.results.OsCallCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk during a rebase: on a size-limited tmpfs, the disk fills up while the last run is in
 * flight. Every run finished before is in the journal, and the error names the problem and the journal.
 * Before, rebase wrote only at the end, so every run was lost.
 */
class DiskFullTest {
    private static final int RUNS = 4;

    @TempDir
    Path tmp;
    private Path mount;

    @BeforeEach
    void mountSmallTmpfs() throws Exception {
        mount = Files.createDirectories(tmp.resolve("small"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", mount.toString()).redirectErrorStream(true).start();
        boolean mounted = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        assumeTrue(mounted, "cannot mount a tmpfs here (needs root): " + new String(p.getInputStream().readAllBytes()));
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", mount.toString()).start().waitFor(20, TimeUnit.SECONDS);
    }

    @Test
    void aFullDiskLosesOnlyTheRunInFlightAndNamesTheProblem() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RebaseRunner.ChildRunner children = spec -> {
            if (calls.incrementAndGet() == RUNS) {
                fill(mount);   // the disk fills while the last run is in flight
            }
            RebaseRunResult r = new RebaseRunResult("null", "fake", Map.of(), 1000, 0, 0, 1_000_000, 1e9, 1_000_000, 1e9, 500, 500,
                    1000, 1000, OsCallCounts.unknown("fake"), 0, 0);
            return new ChildOutcome(List.of("fake"), 0, false, Json.line(r), "", 1_000_000);
        };
        RebaseConfig config = new RebaseConfig(RUNS, 1000, 400, 42, 0, List.of("null"), null, null, mount, false,
                Duration.ofSeconds(10), Map.of(), false);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> new RebaseRunner(children, Clock.systemUTC()).run(config, RebaseProgress.SILENT));
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertTrue(e.getMessage().contains(".journal.jsonl"), "the message names the journal: " + e.getMessage());
        Path journal;
        try (var files = Files.list(mount)) {
            journal = files.filter(f -> f.getFileName().toString().endsWith(".journal.jsonl")).findFirst().orElseThrow();
        }
        int kept = org.hakbench.results.RunJournal.read(journal, RebaseRunner.JournalEntry.class).size();
        assertTrue(kept >= RUNS - 1, "at most the run in flight is lost: " + kept + " of " + RUNS + " kept");
    }

    private static void fill(Path dir) {
        try {
            byte[] block = new byte[4096];
            try (var out = Files.newOutputStream(dir.resolve("filler"))) {
                while (true) {
                    out.write(block);
                }
            }
        } catch (IOException full) {
            // the disk is full now
        }
    }
}
