package org.hakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.hakbench.history.RebaseFixtures;
import org.hakbench.history.RebaseFixtures.Rebase;
import org.hakbench.results.ResultFiles;
import org.hakbench.verdict.Decision;
import org.hakbench.verdict.VerdictResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictCommandTest {

    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    private static final double[] BASE = {59.1e6, 59.6e6, 58.9e6, 59.3e6, 59.0e6, 59.8e6, 59.2e6, 58.7e6};

    private static double[] scaled(double factor) {
        double[] out = BASE.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor * (1 + 0.001 * ((i * 7) % 5 - 2));
        }
        return out;
    }

    private Path rebase(Instant at, double factor) {
        return new Rebase(at).allocator("hakmem", 33_000, scaled(factor)).allocator("mimalloc", 2_000, scaled(2.0)).write(dir);
    }

    private List<VerdictResult> verdicts() {
        return ResultFiles.loadAll(dir.resolve("out"), VerdictResult.KIND, VerdictResult.class, VerdictResult.SCHEMA);
    }

    private CliRun verdict(String... files) {
        String[] args = new String[files.length + 3];
        args[0] = "verdict";
        args[1] = "--results";
        args[2] = dir.resolve("out").toString();
        System.arraycopy(files, 0, args, 3, files.length);
        return CliRun.of(args);
    }

    @Test
    void clearGainIsGoClearLossIsNoGoNoiseIsNeutral() {
        Path base = rebase(T0, 1.0);
        CliRun go = verdict(base.toString(), rebase(T0.plusSeconds(60), 1.05).toString());
        assertEquals(ExitCodes.OK, go.exitCode(), go.err());
        assertTrue(go.out().startsWith("GO hakmem:MIXED_TINYV3_C7_SAFE (ops/s (wall clock)): +5."), go.out());
        CliRun noGo = verdict(base.toString(), rebase(T0.plusSeconds(120), 0.95).toString());
        assertEquals(ExitCodes.NO_GO, noGo.exitCode(), noGo.out() + noGo.err());
        assertTrue(noGo.out().startsWith("NO_GO "), noGo.out());
        CliRun neutral = verdict(base.toString(), rebase(T0.plusSeconds(180), 1.0).toString());
        assertEquals(ExitCodes.OK, neutral.exitCode(), neutral.err());
        assertTrue(neutral.out().startsWith("NEUTRAL "), neutral.out());

        List<VerdictResult> written = verdicts();
        assertEquals(3, written.size());
        VerdictResult newest = written.getFirst();
        assertEquals(Decision.NEUTRAL, newest.verdict().decision());
        assertEquals(BASE.length, newest.baselineOpsPerSecond().length, "raw data kept");
        assertEquals("1000000", newest.workload().get("iters"));
    }

    @Test
    void cpuMeasureComparesOpsPerCpuSecondAndBadMeasureExitsTwo() {
        Path base = rebase(T0, 1.0);
        Path cand = rebase(T0.plusSeconds(60), 0.95);
        CliRun cpu = CliRun.of("verdict", "--results", dir.resolve("out").toString(), "--measure", "cpu", base.toString(), cand.toString());
        assertEquals(ExitCodes.NO_GO, cpu.exitCode(), cpu.err());
        assertTrue(cpu.out().startsWith("NO_GO hakmem:MIXED_TINYV3_C7_SAFE (ops per CPU-second of the loop thread): "), cpu.out());
        VerdictResult v = verdicts().getFirst();
        assertEquals(org.hakbench.verdict.Measure.CPU, v.measure());
        assertEquals(scaled(1.0)[0] / 0.95, v.baselineOpsPerSecond()[0], 1e-3, "the fixture's per-CPU figure, not wall ops/s");
        CliRun bad = CliRun.of("verdict", "--results", dir.resolve("out").toString(), "--measure", "cycles", base.toString(), cand.toString());
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("--measure=cycles: known measures: wall, cpu"), bad.err());
        assertEquals(1, verdicts().size(), "no verdict file on bad input");
    }

    @Test
    void newerSchemaVersionIsRefusedNamingTheFile() throws IOException {
        Path base = rebase(T0, 1.0);
        Path cand = rebase(T0.plusSeconds(60), 1.0);
        Files.writeString(cand, Files.readString(cand).replaceFirst("\"schema\" : 1", "\"schema\" : 9"));
        assertRefused(verdict(base.toString(), cand.toString()), cand + ": schema=9");
    }

    @Test
    void corruptJsonIsRefusedNamingTheFile() throws IOException {
        Path base = rebase(T0, 1.0);
        Path cand = dir.resolve("rebase-20261120T020100Z.json");
        Files.writeString(cand, "{\"schema\": 1, \"kind\": \"rebase\", ");
        assertRefused(verdict(base.toString(), cand.toString()), cand + ": corrupt JSON");
    }

    @Test
    void otherKindOfFileIsRefused() throws IOException {
        Path base = rebase(T0, 1.0);
        Path soak = Files.writeString(dir.resolve("soak-20261120T020100Z.json"), "{\"schema\": 1, \"kind\": \"soak\"}");
        assertRefused(verdict(base.toString(), soak.toString()), soak + ": kind=soak, expected kind=rebase");
    }

    @Test
    void otherWorkloadIsRefusedNamingTheSetting() {
        Path base = rebase(T0, 1.0);
        Path cand = new Rebase(T0.plusSeconds(60)).iters(2_000_000).allocator("hakmem", 33_000, scaled(1.0)).write(dir);
        assertRefused(verdict(base.toString(), cand.toString()), "iters=1000000 in " + base + " but iters=2000000 in " + cand);
    }

    @Test
    void classDataSharingOptionsDoNotChangeTheWorkloadButHeapOptionsDo() {
        Path base = rebase(T0, 1.0);
        Path cds = new Rebase(T0.plusSeconds(60)).jvmOptions("-Xms64m", "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=/x/hakbench-child-1.jsa")
                .allocator("hakmem", 33_000, scaled(1.0)).write(dir);
        CliRun same = CliRun.of("verdict", "--results", dir.resolve("ok").toString(), base.toString(), cds.toString());
        assertEquals(ExitCodes.OK, same.exitCode(), same.err());
        Path heap = new Rebase(T0.plusSeconds(120)).jvmOptions("-Xms128m").allocator("hakmem", 33_000, scaled(1.0)).write(dir);
        assertRefused(verdict(base.toString(), heap.toString()), "jvmOptions=-Xms64m in " + base + " but jvmOptions=-Xms128m in " + heap);
    }

    @Test
    void mismatchedConfigurationIsRefused() {
        Path base = rebase(T0, 1.0);
        Path cand = new Rebase(T0.plusSeconds(60)).profile("MIXED_TINYV3_C7_BALANCED").allocator("hakmem", 33_000, scaled(1.0)).write(dir);
        assertRefused(verdict(base.toString(), cand.toString()),
                "mismatched configurations: " + base + " ran hakmem:MIXED_TINYV3_C7_SAFE but " + cand + " ran hakmem:MIXED_TINYV3_C7_BALANCED");
    }

    @Test
    void otherMachineIsRefused() {
        Path base = rebase(T0, 1.0);
        Path cand = new Rebase(T0.plusSeconds(60)).machine(RebaseFixtures.machine("Other CPU")).allocator("hakmem", 33_000, scaled(1.0)).write(dir);
        assertRefused(verdict(base.toString(), cand.toString()), "refusing to compare results from different machines");
    }

    @Test
    void tooFewRunsAreRefusedNamingTheCount() {
        Path base = rebase(T0, 1.0);
        Path cand = new Rebase(T0.plusSeconds(60)).allocator("hakmem", 33_000, 59e6, 59.1e6, 59.2e6).write(dir);
        assertRefused(verdict(base.toString(), cand.toString()), cand + " has 3 run(s); a verdict needs at least 5");
    }

    @Test
    void badThresholdsAndMissingFilesAreRefused() {
        Path base = rebase(T0, 1.0);
        assertRefused(CliRun.of("verdict", "--go-threshold", "-1", "--nogo-threshold", "0", base.toString(), base.toString()), "noGoPercent=0.0");
        assertRefused(verdict(base.toString(), dir.resolve("nope.json").toString()), "nope.json: no such readable file");
        assertRefused(verdict(base.toString()), "give BASELINE.json CANDIDATE.json");
    }

    @Test
    void baselineDirectoryAdoptsTheFirstBaselinePerMachineThenJudgesAgainstIt() {
        Path baselines = dir.resolve("baseline");
        Path first = rebase(T0, 1.0);
        CliRun missing = CliRun.of("verdict", "--results", dir.resolve("out").toString(), "--baseline-dir", baselines.toString(), first.toString());
        assertRefused(missing, "no rebase baseline for machine");
        CliRun adopt = CliRun.of("verdict", "--results", dir.resolve("out").toString(), "--baseline-dir", baselines.toString(),
                "--adopt-missing-baseline", first.toString());
        assertEquals(ExitCodes.OK, adopt.exitCode(), adopt.err());
        assertTrue(adopt.out().contains("adopted"), adopt.out());
        CliRun later = CliRun.of("verdict", "--results", dir.resolve("out").toString(), "--baseline-dir", baselines.toString(),
                "--adopt-missing-baseline", rebase(T0.plusSeconds(86_400), 0.93).toString());
        assertEquals(ExitCodes.NO_GO, later.exitCode(), later.out() + later.err());
    }

    /** Hosted runners: a new VM (another fingerprint) every night, the same machine class. */
    @Test
    void baselinesKeyedByMachineClassSurviveANewVmEachNight() {
        Path baselines = dir.resolve("baseline");
        org.hakbench.results.MachineFingerprint monday = new org.hakbench.results.MachineFingerprint("Test CPU", 2, "6.8.0-1017-azure",
                "Ubuntu 24.04", "25+36", "Eclipse Adoptium", new java.util.TreeMap<>(java.util.Map.of("libc6", "2.39")), "abc");
        org.hakbench.results.MachineFingerprint tuesday = new org.hakbench.results.MachineFingerprint("Test CPU", 2, "6.11.0-1003-azure",
                "Ubuntu 24.04", "25+36", "Eclipse Adoptium", new java.util.TreeMap<>(java.util.Map.of("libc6", "2.39-0ubuntu8.4")), "abd");
        org.junit.jupiter.api.Assertions.assertNotEquals(monday.id(), tuesday.id());
        assertEquals(monday.classId("ubuntu-24.04"), tuesday.classId("ubuntu-24.04"));
        Path first = new Rebase(T0).machine(monday).allocator("hakmem", 33_000, scaled(1.0)).write(dir);
        Path second = new Rebase(T0.plusSeconds(86_400)).machine(tuesday).allocator("hakmem", 33_000, scaled(0.93)).write(dir);
        String out = dir.resolve("judged").toString();   // assertRefused checks that "out" stays without a verdict
        CliRun adopt = CliRun.of("verdict", "--results", out, "--baseline-dir", baselines.toString(), "--baseline-class", "ubuntu-24.04",
                "--adopt-missing-baseline", first.toString());
        assertEquals(ExitCodes.OK, adopt.exitCode(), adopt.err());
        CliRun judged = CliRun.of("verdict", "--results", out, "--baseline-dir", baselines.toString(), "--baseline-class", "ubuntu-24.04",
                "--adopt-missing-baseline", second.toString());
        assertEquals(ExitCodes.NO_GO, judged.exitCode(), "the second night is judged against the first: " + judged.out() + judged.err());
        CliRun byFingerprint = CliRun.of("verdict", "--results", dir.resolve("out").toString(), "--baseline-dir", baselines.toString(), second.toString());
        assertRefused(byFingerprint, "no rebase baseline for machine " + tuesday.id());
        assertRefused(CliRun.of("verdict", "--baseline-class", "x", first.toString(), second.toString()), "--baseline-class=x: needs --baseline-dir");
    }

    private void assertRefused(CliRun run, String message) {
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(message), run.err());
        assertTrue(!Files.isDirectory(dir.resolve("out")) || verdicts().isEmpty(), "no verdict file on bad input");
    }
}
