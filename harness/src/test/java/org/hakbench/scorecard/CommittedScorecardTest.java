package org.hakbench.scorecard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed scorecard is what `scorecard update` makes of the committed result files, byte for
 * byte: every figure in it comes from a file in the repository. Runs on a copy of results/ (the
 * repository's own files are never touched); a new result file committed without regenerating the
 * scorecard fails this test.
 */
class CommittedScorecardTest {
    private static final Path REPO_RESULTS = Path.of("..", "results");
    private static final String SCORECARD = "PERFORMANCE_TARGETS_SCORECARD.md";

    @TempDir
    Path dir;

    @Test
    void theCommittedScorecardRegeneratesByteForByteFromTheCommittedResults() throws IOException {
        assertTrue(Files.isRegularFile(REPO_RESULTS.resolve(SCORECARD)), "run from the harness module of a checkout");
        Path results = dir.resolve("results");
        copyTree(REPO_RESULTS, results);
        byte[] committed = Files.readAllBytes(results.resolve(SCORECARD));
        ScorecardService.Outcome outcome = new ScorecardService().update(new ScorecardService.Request(results.resolve(SCORECARD), results,
                results.resolve("targets.properties"), true));
        assertEquals(List.of(), outcome.skipped(), "every committed result file loads");
        assertArrayEquals(committed, Files.readAllBytes(results.resolve(SCORECARD)),
                "results/" + SCORECARD + " is stale: run `scripts/hakbench scorecard update` and commit it");
        assertFalse(outcome.changed());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().endsWith(".lock")) {
                    Files.copy(f, target);
                }
            }
        }
    }
}
