package org.hakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.hakbench.history.RebaseFixtures.Rebase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One corrupt result file: history and scorecard update skip it with a warning naming it and still
 * use the others (before: the whole command aborted); --strict makes it an error (exit 2).
 */
class CorruptResultFileTest {
    private static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");

    @TempDir
    Path dir;
    private Path corrupt;

    @BeforeEach
    void results() throws IOException {
        for (int night = 0; night < 4; night++) {
            new Rebase(T0.plusSeconds(86_400L * night)).allocator("hakmem", 100_000, 60e6, 61e6, 59e6).write(dir);
        }
        corrupt = dir.resolve("rebase-20261130T010000Z.json");
        Files.writeString(corrupt, "{\"schema\": 1, \"kind\": \"rebase\", ");
        Files.writeString(dir.resolve("verdict-20261130T010000Z.json"), "not json");
    }

    @Test
    void historySkipsTheCorruptFileWithAWarningNamingIt() {
        CliRun run = CliRun.of("history", "--results", dir.toString(), "--no-plot");
        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("warning: skipped " + corrupt), run.err());
        assertTrue(run.out().contains("hakmem"), "the other files still count: " + run.out());
        CliRun strict = CliRun.of("history", "--results", dir.toString(), "--no-plot", "--strict");
        assertEquals(ExitCodes.USAGE, strict.exitCode(), strict.err());
        assertTrue(strict.err().contains(corrupt.toString()), strict.err());
    }

    @Test
    void scorecardUpdateSkipsCorruptFilesWithWarningsNamingThem() throws IOException {
        Path card = dir.resolve("SCORECARD.md");
        CliRun run = CliRun.of("scorecard", "update", "--file", card.toString(), "--results", dir.toString(),
                "--targets", dir.resolve("targets.properties").toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("warning: skipped " + corrupt) && run.err().contains("verdict-20261130T010000Z.json"), run.err());
        assertTrue(Files.readString(card).contains("hakmem"), "the good rebases are in the snapshot");
        CliRun strict = CliRun.of("scorecard", "update", "--file", dir.resolve("other.md").toString(), "--results", dir.toString(),
                "--targets", dir.resolve("targets.properties").toString(), "--strict");
        assertEquals(ExitCodes.USAGE, strict.exitCode(), strict.err());
        assertTrue(Files.notExists(dir.resolve("other.md")), "nothing written under --strict");
    }
}
