package org.hakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hakbench.results.ResultFiles;
import org.hakbench.verdict.AbResult;
import org.hakbench.verdict.AbSchedule;
import org.hakbench.verdict.VerdictResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbCommandTest {

    @TempDir
    Path dir;

    @Test
    void twoRealProfilesRunInterleavedInChildJvmsThenGetAVerdict() {
        CliRun run = CliRun.of("ab", "--a", "hakmem:SAFE", "--b", "hakmem:MIXED_TINYV3_C7_BALANCED", "--runs", "6",
                "--iters", "200000", "--warmup", "50000", "--timeout", "120", "--results", dir.toString());
        assertTrue(run.exitCode() == ExitCodes.OK || run.exitCode() == ExitCodes.NO_GO, run.out() + run.err());
        assertTrue(run.out().matches("(?s).*(GO|NEUTRAL|NO_GO) B against A \\(ops/s \\(wall clock\\)\\): [+-]\\d+\\.\\d+% \\(95% CI .*"), run.out());

        List<Path> abFiles = ResultFiles.list(dir, AbResult.KIND);
        assertEquals(1, abFiles.size());
        AbResult ab = ResultFiles.load(abFiles.getFirst(), AbResult.class, AbResult.KIND, AbResult.SCHEMA);
        assertEquals(AbSchedule.order(6), ab.runs().stream().map(AbResult.Run::side).toList(), "ABBA order");
        for (AbResult.Run r : ab.runs()) {
            assertTrue(r.ok(), r.failure() + "\n" + r.stderrTail());
            String expected = r.side() == AbSchedule.Side.A ? "MIXED_TINYV3_C7_SAFE" : "MIXED_TINYV3_C7_BALANCED";
            assertEquals(expected, r.result().effectiveConfig().get("HAKMEM_PROFILE"), "each child ran its own profile");
            assertEquals(200_000, r.result().iters());
        }
        assertNotNull(ab.verdict());
        VerdictResult verdict = ResultFiles.load(dir.resolve(ab.verdictFile()), VerdictResult.class, VerdictResult.KIND, VerdictResult.SCHEMA);
        assertEquals(ab.verdict(), verdict.verdict());
        assertEquals(6, verdict.candidateOpsPerSecond().length);
        assertEquals("wilcoxon-signed-rank", verdict.verdict().method());
        assertEquals(Boolean.FALSE, verdict.verdict().aaRun());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "hakmem:FAST|hakmem:SAFE|--a: spec 'hakmem:FAST': profile FAST is unknown",
            "hakmem:SAFE|hakmem:SAFE,HAKMEM_NO_SUCH=1|--b=hakmem:SAFE,HAKMEM_NO_SUCH=1: HAKMEM_NO_SUCH is not a hakmem variable",
            "hakmem:SAFE|hakmem:SAFE,HAKMEM_SS_MEM_LEAN=maybe|--b=hakmem:SAFE,HAKMEM_SS_MEM_LEAN=maybe: ",
            "nosuch|hakmem:SAFE|--a=nosuch: allocator=nosuch: unknown",
            "mimalloc:SAFE|hakmem:SAFE|--a: spec 'mimalloc:SAFE': allocator mimalloc has no profiles"})
    void badSpecsExitTwoBeforeAnyChildRuns(String a, String b, String message) throws IOException {
        CliRun run = CliRun.of("ab", "--a", a, "--b", b, "--runs", "6", "--results", dir.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(message), run.err());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing run or written on bad input");
        }
    }

    @Test
    void fewerThanSixRunsExitTwo() {
        CliRun run = CliRun.of("ab", "--a", "hakmem:SAFE", "--b", "hakmem:BALANCED", "--runs", "5", "--results", dir.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("runs=5: a paired verdict needs at least 6 runs a side"), run.err());
    }

    @Test
    void identicalSidesRunAsAnAaRunAndSaySo() {
        CliRun run = CliRun.of("ab", "--a", "hakmem:SAFE", "--b", "hakmem:SAFE", "--runs", "6",
                "--iters", "200000", "--warmup", "50000", "--timeout", "120", "--results", dir.toString(), "--json", "-");
        assertTrue(run.exitCode() == ExitCodes.OK || run.exitCode() == ExitCodes.NO_GO, run.out() + run.err());
        assertTrue(run.err().contains("A/A run (both sides the same configuration)"), "with --json the words go to stderr: " + run.err());
        assertEquals("ab", org.hakbench.results.Json.tree(run.out(), "ab --json").get("kind").asText(), "stdout is the ab document");
        AbResult ab = ResultFiles.load(ResultFiles.list(dir, AbResult.KIND).getFirst(), AbResult.class, AbResult.KIND, AbResult.SCHEMA);
        assertEquals(Boolean.TRUE, ab.verdict().aaRun());
    }
}
