package org.hakbench.scale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hakbench.cli.ExitCodes;
import org.hakbench.cli.Hakbench;
import org.hakbench.results.ResultFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code hakbench scale} through the CLI: option validation, and small sweeps in real child JVMs. */
class ScaleCommandTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private Run scale(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("scale", "--results-dir", dir.toString()));
        all.addAll(Arrays.asList(args));
        int code = Hakbench.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--workload nope --allocators glibc|--workload",
            "--workload random_mixed --allocators glibc|glibc-thread",
            "--workload larson --threads 0 --allocators glibc|--threads=0",
            "--workload larson --threads 1,1 --allocators glibc|--threads",
            "--workload larson --threads x --allocators glibc|--threads",
            "--workload larson --runs 0 --allocators glibc|--runs=0",
            "--workload larson --iters 10 --duration 1 --allocators glibc|--iters",
            "--workload larson --duration -1 --allocators glibc|--duration",
            "--workload larson --warmup -1 --allocators glibc|--warmup",
            "--workload larson --param bogus=1 --allocators glibc|bogus",
            "--workload larson --param ws=0 --allocators glibc|ws=0",
            "--workload larson --allocators nosuch|nosuch",
            "--workload larson --allocators glibc,glibc|--allocators",
            "--workload xmalloc --verify --allocators null|--verify",
            "--workload glibc-thread --verify --allocators glibc|verify",
            "--workload larson --timeout 0 --allocators glibc|--timeout",
            "--workload larson --allocators glibc,null --reference mimalloc|--reference=mimalloc",
            "--workload larson --profile NOPE --allocators hakmem|--profile=NOPE",
            "--workload larson --env HAKMEM_NOPE=1 --allocators hakmem|HAKMEM_NOPE"})
    void badInputExitsTwoNamingTheProblem(String args, String expected) throws IOException {
        Run run = scale(args.split(" "));
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing is written on bad input");
        }
    }

    @Test
    void unwritableResultsDirectoryExitsTwoBeforeAnyRun() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        StringWriter err = new StringWriter();
        int code = Hakbench.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "scale", "--workload", "larson",
                "--allocators", "glibc", "--results-dir", file.resolve("sub").toString());
        assertEquals(ExitCodes.USAGE, code, err.toString());
        assertTrue(err.toString().contains("--results="), err.toString());
    }

    /** Larson at 1 and 2 threads on hakmem, glibc and null: six child JVMs, one file, one plot. */
    @Test
    void sweepWritesTableJsonAndPlot() throws IOException {
        Run run = scale("--workload", "larson", "--threads", "1,2", "--allocators", "hakmem,glibc,null", "--runs", "1",
                "--iters", "20000", "--warmup", "0", "--param", "ws=200", "--param", "generationSteps=5000",
                "--profile", "MIXED_TINYV3_C7_BALANCED");
        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("| hakmem | 2 | 1/0 |"), run.out());
        ScaleResult result = ResultFiles.latest(dir, ScaleResult.KIND, ScaleResult.class, ScaleResult.SCHEMA).orElseThrow();
        assertEquals(6, result.runs().size());
        for (ScaleRun r : result.runs()) {
            assertTrue(r.ok(), r.failure());
            assertEquals(2L * r.threads() * 20_000, r.result().totalOps(), "larson counts 2 ops per step");
            assertEquals(r.threads() * 4L, r.result().threadsStarted(), "4 generations of 5000 steps per area");
            assertTrue(r.result().peakRssKiB() > 0);
            assertTrue(r.result().cpuNanos() > 0, "worker CPU time is measured");
        }
        ScalePoint hakmemBase = result.points().getFirst();
        assertEquals("hakmem", hakmemBase.allocator());
        assertEquals(1.0, hakmemBase.speedUp());
        assertEquals("glibc", result.config().reference(), "mimalloc is not in the sweep, so glibc is the reference");
        assertEquals(1, hakmemBase.vsReference().pairs());
        assertTrue(run.out().contains("vs glibc, run by run (95% CI)"), run.out());
        assertTrue(run.out().contains("(reference)"), run.out());
        assertEquals("MIXED_TINYV3_C7_BALANCED", result.runs().getFirst().result().effectiveConfig().get("HAKMEM_PROFILE"),
                "the profile reaches the hakmem child: " + result.runs().getFirst().result().effectiveConfig());
        Path png = ResultFiles.sibling(ResultFiles.list(dir, ScaleResult.KIND).getFirst(), ".png");
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(Files.readAllBytes(png), 4));
    }

    /** xmalloc frees every block on another thread; verified in the children of hakmem and glibc. */
    @Test
    void verifiedRemoteFreesPassInChildJvms() {
        Run run = scale("--workload", "xmalloc", "--threads", "2", "--allocators", "hakmem,glibc", "--runs", "1",
                "--iters", "4096", "--warmup", "0", "--param", "objectSize=0", "--param", "batchSize=512", "--verify",
                "--reference", "none");
        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertFalse(run.out().contains("run by run"), "--reference none leaves the comparison out: " + run.out());
    }

    /** A child killed at its timeout is a failed run kept in the file; the exit code says runs failed. */
    @Test
    void timedOutChildIsKeptAsAFailedRun() {
        Run run = scale("--workload", "glibc-thread", "--threads", "1", "--allocators", "null", "--runs", "1",
                "--duration", "60", "--warmup", "0", "--timeout", "3");
        assertEquals(ExitCodes.NO_GO, run.exitCode(), run.out() + run.err());
        ScaleResult result = ResultFiles.latest(dir, ScaleResult.KIND, ScaleResult.class, ScaleResult.SCHEMA).orElseThrow();
        ScaleRun failed = result.runs().getFirst();
        assertNull(failed.result());
        assertNotNull(failed.failure());
        assertTrue(failed.failure().startsWith("timed out"), failed.failure());
        assertTrue(run.out().contains("| null | 1 | 0/1 | failed | - | - | - | - | - |\n"), run.out());
    }
}
