package org.hakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RebaseCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--runs|0|--runs=0: must be at least 1",
            "--iters|-5|--iters=-5: must be at least 1",
            "--ws|0|--ws=0: must be at least 1",
            "--warmup|-1|--warmup=-1: must be at least 0",
            "--allocators|glibc,nosuch|--allocators: allocator=nosuch: unknown; known:",
            "--allocators|glibc,glibc|allocator=glibc is named twice",
            "--profile|NO_SUCH_PROFILE|--profile=NO_SUCH_PROFILE: unknown profile",
            "--reference|jemalloc|--reference=jemalloc: not among the measured allocators",
            "--timeout|0|--timeout=0: must be at least 1 second",
            "--json|out.json|--json=out.json: only '-'",
            "--env|PATH=/x|--env PATH: only HAKMEM_* variables",
            "--env|HAKMEM_NO_SUCH=1|--env HAKMEM_NO_SUCH: unknown hakmem variable",
            "--env|HAKMEM_SS_MEM_LEAN_TARGET_MB=lots|HAKMEM_SS_MEM_LEAN_TARGET_MB=lots"})
    void badInputExitsTwoNamingTheOption(String option, String value, String message) {
        CliRun run = CliRun.of("rebase", "--allocators", "null", option, value, "--results", dir.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains(message), run.err());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing measured or written on bad input");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void jsonDashPrintsOnlyTheDocumentOnStdout() {
        CliRun run = CliRun.of("rebase", "--allocators", "null", "--runs", "1", "--iters", "1000", "--warmup", "0",
                "--no-syscalls", "--json", "-", "--results", dir.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        var report = org.hakbench.results.Json.read(run.out(), org.hakbench.rebase.RebaseReport.class, "stdout");
        assertEquals("rebase", report.kind());
        assertEquals(1, report.runs().size());
        assertTrue(run.err().contains("[1/1 ") && run.err().contains("wrote "), run.err());
    }

    @Test
    void unparsableNumberExitsTwo() {
        CliRun run = CliRun.of("rebase", "--runs", "ten");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--runs"), run.err());
    }

    @Test
    void unwritableResultsDirectoryExitsTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun run = CliRun.of("rebase", "--allocators", "null", "--results", file.resolve("sub").toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--results=" + file.resolve("sub")), run.err());
    }

    @Test
    void helpShowsEveryOptionWithItsDefault() {
        CliRun run = CliRun.of("rebase", "--help");
        assertEquals(ExitCodes.OK, run.exitCode());
        String help = run.out().replaceAll("\\s+", " ");
        for (String expected : new String[] {"--runs", "default: 10", "--iters", "default: 20000000", "--ws", "default: 400",
                "--seed", "default: 42", "--warmup", "default: 2000000", "--allocators", "default: every available",
                "--profile", "--reference", "default: mimalloc if measured", "--results", "default: results", "--json",
                "--timeout", "default: 300", "--env", "--no-syscalls"}) {
            assertTrue(help.contains(expected), "missing '" + expected + "' in\n" + run.out());
        }
    }

    @Test
    void allocatorsListsEveryAllocatorWithAvailabilityAndVersion() {
        CliRun run = CliRun.of("allocators");
        assertEquals(ExitCodes.OK, run.exitCode());
        for (String name : new String[] {"hakmem", "glibc", "mimalloc", "jemalloc", "tcmalloc", "netty", "null"}) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(name + " ")), name + " missing in\n" + run.out());
        }
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("glibc") && l.contains(" yes ")), run.out());
    }
}
