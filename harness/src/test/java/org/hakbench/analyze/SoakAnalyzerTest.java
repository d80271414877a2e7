package org.hakbench.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Known answers for {@code src/test/resources/soak/known-answers.csv}: 21 epochs, so the automatic
 * warm-up is 1 epoch, 20 are analysed, and the drift windows hold 2 epochs each. Expected values were
 * computed independently with numpy/scipy (np.percentile's default is R-7; scipy.stats.linregress with
 * a t(18) quantile for the slope interval).
 */
class SoakAnalyzerTest {
    static Path knownAnswers() throws URISyntaxException {
        return Path.of(SoakAnalyzerTest.class.getResource("/soak/known-answers.csv").toURI());
    }

    private static SoakAnalysis analyse(SoakTargets targets, Integer warmup) throws URISyntaxException {
        return new SoakAnalyzer(targets, warmup).analyze(EpochCsvReader.read(knownAnswers()));
    }

    @Test
    void throughputStatisticsMatchKnownAnswers() throws Exception {
        SoakAnalysis a = analyse(SoakTargets.seeds(), null);
        assertEquals(21, a.epochs());
        assertEquals(1, a.warmupEpochs());
        assertEquals(20, a.analysedEpochs());
        assertEquals(2, a.windowEpochs());
        assertEquals(204_000_000L, a.totalOps());
        SoakAnalysis.Throughput t = a.throughput();
        assertEquals(9_950_000.0, t.meanOpsPerS(), 1e-6);
        assertEquals(9_975_000.0, t.medianOpsPerS(), 1e-6);
        assertEquals(153_896.7528127731, t.stdDevOpsPerS(), 1e-6);
        assertEquals(1.546701033294202, t.cvPercent(), 1e-9);
        assertEquals(9_650_000.0, t.minOpsPerS(), 1e-6);
        assertEquals(10_200_000.0, t.maxOpsPerS(), 1e-6);
        assertEquals(9_659_500.0, t.p1OpsPerS(), 1e-6);
        assertEquals(9_697_500.0, t.p5OpsPerS(), 1e-6);
        assertEquals(10_152_500.0, t.p95OpsPerS(), 1e-6);
        assertEquals(10_190_500.0, t.p99OpsPerS(), 1e-6);
        assertEquals(10_100_000.0, t.firstWindowMedianOpsPerS(), 1e-6);
        assertEquals(9_725_000.0, t.lastWindowMedianOpsPerS(), 1e-6);
        assertEquals(-3.712871287128713, t.driftPercent(), 1e-9);
        assertEquals(199_000_000 / (20 * 0.95), t.opsPerCpuSecond(), 1e-6);
        assertEquals(95.0, t.loopCpuSharePercent(), 1e-9);
    }

    @Test
    void rssStatisticsMatchKnownAnswers() throws Exception {
        SoakAnalysis.Rss r = analyse(SoakTargets.seeds(), null).rss();
        assertEquals(20_000, r.firstKiB());
        assertEquals(30_060, r.lastKiB()); // last epoch 20: 30000 + 3 * 20
        assertEquals(30_061, r.peakKiB());
        assertEquals(30_002.0, r.firstWindowMedianKiB(), 1e-9);
        assertEquals(30_056.0, r.lastWindowMedianKiB(), 1e-9);
        assertEquals(0.17998800079994667, r.driftPercent(), 1e-9);
        assertEquals(10_894.736842105262, r.slopeKiBPerHour(), 1e-6);
        assertEquals(9_402.286086770036, r.slopeCi95LowKiBPerHour(), 1e-6);
        assertEquals(12_387.187597440487, r.slopeCi95HighKiBPerHour(), 1e-6);
        assertEquals(0.9289123893382631, r.slopeRSquared(), 1e-9);
    }

    @Test
    void latencyAndOsCallsMatchKnownAnswers() throws Exception {
        SoakAnalysis a = analyse(SoakTargets.seeds(), null);
        SoakAnalysis.Latency l = a.latency();
        assertEquals("epoch-percentiles", l.source());
        assertEquals(64L, l.batchOps());
        assertEquals(2_000, l.samples());
        assertEquals(510.5, l.p50Nanos(), 1e-9);
        assertEquals(1_005.0, l.p99Nanos(), 1e-9);
        assertEquals(7_000.0, l.maxNanos(), 1e-9);
        assertEquals(1_100.0, l.worstEpochP99Nanos(), 1e-9);
        SoakAnalysis.OsCalls o = a.osCalls();
        assertEquals(14L, o.total());
        assertEquals(14.0 / 204_000_000, o.perOp(), 1e-18);
        assertEquals(4.0 / 199_000_000, o.perOpAfterWarmup(), 1e-18);
        assertEquals(4_194_304L, o.peakBytesMapped());
    }

    @Test
    void seedsTargetsPassAndATighterCvFails() throws Exception {
        assertEquals("PASS", analyse(SoakTargets.seeds(), null).verdict().result());
        SoakAnalysis.Verdict tight = analyse(new SoakTargets(5, -5, 1.5), null).verdict();
        assertEquals("FAIL", tight.result());
        assertEquals("missed: throughput_cv_percent", tight.reason());
        SoakAnalysis.Verdict drift = analyse(new SoakTargets(0.1, -3, 2), null).verdict();
        assertEquals("missed: rss_drift_percent, throughput_drift_percent", drift.reason());
    }

    @Test
    void explicitWarmupChangesTheAnalysedEpochs() throws Exception {
        SoakAnalysis a = analyse(SoakTargets.seeds(), 0);
        assertEquals(21, a.analysedEpochs());
        assertEquals(3, a.windowEpochs());
        assertNull(a.osCalls().perOpAfterWarmup());
        SoakAnalysis almostAll = analyse(SoakTargets.seeds(), 20);
        assertEquals(1, almostAll.analysedEpochs());
        assertEquals("INCONCLUSIVE", almostAll.verdict().result());
        assertThrows(IllegalArgumentException.class, () -> new SoakAnalyzer(SoakTargets.seeds(), -1));
    }

    @Test
    void autoWarmupIsFivePercentAndAtLeastOneFromFourEpochs() {
        assertEquals(0, SoakAnalyzer.autoWarmupEpochs(3));
        assertEquals(1, SoakAnalyzer.autoWarmupEpochs(4));
        assertEquals(1, SoakAnalyzer.autoWarmupEpochs(39));
        assertEquals(180, SoakAnalyzer.autoWarmupEpochs(3600));
    }
}
