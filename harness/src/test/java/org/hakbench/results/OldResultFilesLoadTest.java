package org.hakbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hakbench.analyze.SoakReport;
import org.hakbench.verdict.VerdictResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written before the schema bumps of the rank verdicts and the allocator-resident soak still load. */
class OldResultFilesLoadTest {
    @TempDir
    Path dir;

    /** The committed 60-minute soak of 2026-11-22, written with soak schema 1. */
    @Test
    void schemaOneSoakAnalysisLoadsWithoutTheNewFigures() {
        Path old = Path.of("..", "docs", "images", "soak-60min-hakmem-safe.json");
        SoakReport r = ResultFiles.load(old, SoakReport.class, SoakReport.KIND, SoakReport.SCHEMA);
        assertEquals(1, r.schema());
        assertNull(r.analysis().allocatorResident());
        assertNull(r.analysis().rssBasis());
        assertTrue(r.analysis().rss().driftPercent() > 40, "its process RSS drift is still there");
    }

    /** A verdict file as schema 1 wrote it: bootstrap interval, no method, no detectable change. */
    @Test
    void schemaOneVerdictLoads() throws IOException {
        String json = """
                {"schema" : 1, "kind" : "verdict", "createdAt" : "2026-11-22T07:00:00Z",
                 "machine" : {"cpuModel" : "AMD EPYC", "cores" : 2},
                 "baselineSource" : "rebase-a.json", "candidateSource" : "rebase-b.json",
                 "configuration" : "hakmem:MIXED_TINYV3_C7_SAFE", "workload" : {"iters" : "20000000"},
                 "baselineOpsPerSecond" : [1.0, 2.0, 3.0, 4.0, 5.0], "candidateOpsPerSecond" : [1.0, 2.0, 3.0, 4.0, 5.0],
                 "verdict" : {"decision" : "NEUTRAL", "reason" : "+0.00%", "changePercent" : 0.0, "ciLowPercent" : -1.0,
                   "ciHighPercent" : 1.0, "confidenceLevel" : 0.95, "pValue" : 1.0, "baselineMeanOpsPerSecond" : 3.0,
                   "candidateMeanOpsPerSecond" : 3.0, "baselineCvPercent" : 1.0, "candidateCvPercent" : 1.0,
                   "baselineRuns" : 5, "candidateRuns" : 5,
                   "thresholds" : {"goPercent" : 1.0, "noGoPercent" : -0.5, "alpha" : 0.05},
                   "bootstrapResamples" : 10000, "bootstrapSeed" : 1592642302}}
                """;
        Path f = dir.resolve("verdict-20261122T070000Z.json");
        Files.writeString(f, json);
        VerdictResult v = ResultFiles.load(f, VerdictResult.class, VerdictResult.KIND, VerdictResult.SCHEMA);
        assertEquals(10000, v.verdict().bootstrapResamples());
        assertNull(v.verdict().method());
        assertNull(v.verdict().aaRun());
        assertEquals(List.of(f), ResultFiles.list(dir, VerdictResult.KIND));
    }
}
