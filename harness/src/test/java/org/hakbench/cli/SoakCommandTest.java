package org.hakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.hakbench.analyze.EpochCsvReader;
import org.hakbench.analyze.SoakCsv;
import org.hakbench.analyze.SoakReport;
import org.hakbench.results.ResultFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short real soak end to end (child JVM, CSV, histogram log, analysis, JSON, PNG) and the option checks. */
class SoakCommandTest {
    static final String ALLOCATOR = "glibc";
    static final String PROFILE = "MIXED_TINYV3_C7_SAFE";

    static Path onlyFile(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.toString().endsWith(suffix)).toList();
            assertEquals(1, found.size(), dir + ": " + found);
            return found.getFirst();
        }
    }

    @Test
    void fiveSecondSoakWritesFiveEpochsAndAnalysesThem(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("soak");
        CliRun run = CliRun.of("soak", "--duration", "5", "--epoch", "1", "--allocator", "hakmem", "--profile", PROFILE,
                "--out", out.toString(), "--results", dir.toString());
        // PASS or FAIL depends on this shared machine's noise; anything else is a broken soak
        assertTrue(run.exitCode() == ExitCodes.OK || run.exitCode() == ExitCodes.NO_GO, run.toString());
        assertTrue(run.out().contains("verdict "), run.toString());
        SoakCsv csv = EpochCsvReader.read(onlyFile(out, ".csv"));
        assertEquals(5, csv.epochs().size(), run.toString());
        assertTrue(csv.skipped().isEmpty(), csv.skipped().toString());
        assertEquals("hakmem", csv.header().get("allocator"));
        assertEquals(PROFILE, csv.header().get("profile"));
        assertEquals(PROFILE, csv.header().get("config.HAKMEM_PROFILE"));
        assertTrue(csv.epochs().stream().allMatch(r -> r.ops() > 0 && r.rssKiB() > 0 && r.latencySamples() > 0 && r.p99Nanos() != null
                && r.cpuSeconds() != null && r.cpuSeconds() > 0));
        assertTrue(csv.epochs().stream().allMatch(r -> r.osCalls() != null && r.osCalls() > 0 && r.bytesMapped() > 0
                && r.bytesInUse() > 0), "hakmem reports its own counters");
        assertTrue(Files.size(onlyFile(out, ".hlog")) > 0);
        Path json = ResultFiles.list(dir, SoakReport.KIND).getFirst();
        SoakReport report = ResultFiles.load(json, SoakReport.class, SoakReport.KIND, SoakReport.SCHEMA);
        assertEquals("histogram-log", report.analysis().latency().source());
        assertEquals(csv.epochs().stream().mapToLong(r -> r.latencySamples()).skip(report.analysis().warmupEpochs()).sum(),
                report.analysis().latency().samples());
        AnalyzeCommandTest.assertPng(Path.of(report.plotFile()));
    }

    @Test
    void badOptionsAreExitTwoAndStartNothing(@TempDir Path dir) {
        String out = dir.resolve("soak").toString();
        CliRun zeroEpoch = CliRun.of("soak", "--duration", "5", "--epoch", "0", "--allocator", ALLOCATOR, "--out", out);
        assertEquals(ExitCodes.USAGE, zeroEpoch.exitCode(), zeroEpoch.toString());
        assertTrue(zeroEpoch.err().contains("epoch=0"), zeroEpoch.err());
        CliRun longEpoch = CliRun.of("soak", "--duration", "5", "--epoch", "10", "--allocator", ALLOCATOR, "--out", out);
        assertEquals(ExitCodes.USAGE, longEpoch.exitCode(), longEpoch.toString());
        CliRun profile = CliRun.of("soak", "--duration", "5", "--allocator", ALLOCATOR, "--profile", PROFILE, "--out", out);
        assertEquals(ExitCodes.USAGE, profile.exitCode(), profile.toString());
        assertTrue(profile.err().contains("--profile applies to hakmem only"), profile.err());
        CliRun badProfile = CliRun.of("soak", "--duration", "5", "--allocator", "hakmem", "--profile", "NO_SUCH_PROFILE", "--out", out);
        assertEquals(ExitCodes.USAGE, badProfile.exitCode(), badProfile.toString());
        assertTrue(badProfile.err().contains("NO_SUCH_PROFILE"), badProfile.err());
        CliRun unknown = CliRun.of("soak", "--duration", "5", "--allocator", "nosuchalloc", "--out", out);
        assertEquals(ExitCodes.USAGE, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("allocator=nosuchalloc"), unknown.err());
        assertTrue(!Files.exists(dir.resolve("soak")) || dir.resolve("soak").toFile().list().length == 0);
    }

    @Test
    void unwritableOutputDirectoryIsABadOptionAsInEveryCommand(@TempDir Path dir) {
        CliRun run = CliRun.of("soak", "--duration", "5", "--allocator", ALLOCATOR, "--out", "/proc/hakbench-soak-test",
                "--results", dir.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--out=/proc/hakbench-soak-test"), run.err());
        assertTrue(run.err().contains("/proc/hakbench-soak-test is not a writable directory"), run.err());
    }
}
