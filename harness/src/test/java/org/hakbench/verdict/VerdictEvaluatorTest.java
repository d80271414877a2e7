package org.hakbench.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class VerdictEvaluatorTest {

    private static final TreeMap<String, String> WORKLOAD = new TreeMap<>(Map.of("iters", "20000000", "ws", "400", "seed", "42"));
    private final VerdictEvaluator evaluator = new VerdictEvaluator(VerdictThresholds.DEFAULT);

    /** Normal noise around {@code mean} with the given coefficient of variation. */
    private static double[] runs(SplittableRandom rng, int n, double mean, double cv) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double u1 = rng.nextDouble();
            double u2 = rng.nextDouble();
            double z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
            out[i] = mean * (1 + cv * z);
        }
        return out;
    }

    private static MeasuredSide side(String label, double[] ops) {
        return new MeasuredSide(label, "m1", WORKLOAD, ops);
    }

    @Test
    void clearGainIsGo() {
        SplittableRandom rng = new SplittableRandom(1);
        Verdict v = evaluator.evaluate(side("base", runs(rng, 10, 59e6, 0.01)), side("cand", runs(rng, 10, 59e6 * 1.05, 0.01)));
        assertEquals(Decision.GO, v.decision(), v.reason());
        assertTrue(v.ciLowPercent() > 1.0, v.reason());
        assertTrue(v.pValue() < 0.05, v.reason());
    }

    @Test
    void clearLossIsNoGo() {
        SplittableRandom rng = new SplittableRandom(2);
        Verdict v = evaluator.evaluate(side("base", runs(rng, 10, 59e6, 0.01)), side("cand", runs(rng, 10, 59e6 * 0.96, 0.01)));
        assertEquals(Decision.NO_GO, v.decision(), v.reason());
        assertTrue(v.ciHighPercent() < -0.5, v.reason());
        assertTrue(v.reason().contains("below the NO-GO threshold"), v.reason());
    }

    @Test
    void pureNoiseAtCv2PercentIsNeutralInAtLeast95Of100SeededTrials() {
        VerdictEvaluator fast = evaluator;
        int neutral = 0;
        for (int trial = 0; trial < 100; trial++) {
            SplittableRandom rng = new SplittableRandom(1000 + trial);
            Verdict v = fast.evaluate(side("base", runs(rng, 10, 59e6, 0.02)), side("cand", runs(rng, 10, 59e6, 0.02)));
            if (v.decision() == Decision.NEUTRAL) {
                neutral++;
            }
        }
        assertTrue(neutral >= 95, "NEUTRAL in only " + neutral + " of 100 pure-noise trials");
    }

    @Test
    void smallSignificantChangeInsideTheBandIsNeutralWithReason() {
        // -0.46% with tiny noise: significant, but the interval does not clear the -0.5% NO-GO threshold.
        double[] base = {100.0, 100.01, 99.99, 100.02, 99.98, 100.0, 100.01, 99.99};
        double[] cand = new double[base.length];
        for (int i = 0; i < base.length; i++) {
            cand[i] = base[i] * (1 - 0.0046);
        }
        Verdict v = evaluator.evaluate(side("base", base), side("cand", cand));
        assertEquals(Decision.NEUTRAL, v.decision(), v.reason());
        assertTrue(v.reason().startsWith("-0.46%"), v.reason());
        assertTrue(v.reason().contains("noise band"), v.reason());
    }

    @Test
    void sameInputsGiveTheSameVerdict() {
        SplittableRandom rng = new SplittableRandom(3);
        MeasuredSide a = side("a", runs(rng, 7, 1e6, 0.02));
        MeasuredSide b = side("b", runs(rng, 7, 1e6, 0.02));
        assertEquals(evaluator.evaluate(a, b), evaluator.evaluate(a, b));
    }

    @Test
    void pairedVerdictUsesTheSignedRankTestAndNamesWhatItCouldHaveSeen() {
        SplittableRandom rng = new SplittableRandom(4);
        double[] a = runs(rng, 10, 59e6, 0.01);
        double[] b = a.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] *= 1 + 0.005 * (rng.nextDouble() - 0.5);
        }
        Verdict v = evaluator.evaluatePaired(side("A", a), side("B", b), true);
        assertEquals(Decision.NEUTRAL, v.decision(), v.reason());
        assertEquals("wilcoxon-signed-rank", v.method());
        assertEquals(10, v.pairs());
        assertTrue(v.reason().startsWith("A/A run"), v.reason());
        assertTrue(v.reason().contains("would have caught"), v.reason());
        assertTrue(v.detectableSlowdownPercent() < -0.5 && v.detectableSpeedupPercent() > 1.0, v.reason());
    }

    @Test
    void fivePairsAreRefusedBecauseNo95PercentIntervalExists() {
        double[] five = {1, 2, 3, 4, 5};
        var ex = assertThrows(IncomparableResultsException.class, () -> evaluator.evaluatePaired(side("A", five), side("B", five), false));
        assertTrue(ex.getMessage().contains("A has 5 run(s); a verdict needs at least 6"), ex.getMessage());
    }

    @Test
    void fewerThanFiveRunsIsRefusedNamingTheCount() {
        double[] four = {1, 2, 3, 4};
        double[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        var ex = assertThrows(IncomparableResultsException.class, () -> evaluator.evaluate(side("base.json", four), side("cand.json", ten)));
        assertTrue(ex.getMessage().contains("base.json has 4 run(s)"), ex.getMessage());
    }

    @Test
    void differentMachinesAreRefused() {
        double[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        MeasuredSide other = new MeasuredSide("cand.json", "m2", WORKLOAD, ten);
        var ex = assertThrows(IncomparableResultsException.class, () -> evaluator.evaluate(side("base.json", ten), other));
        assertTrue(ex.getMessage().contains("machine m1") && ex.getMessage().contains("machine m2"), ex.getMessage());
    }

    @Test
    void differentWorkloadSettingsAreRefusedNamingTheSetting() {
        double[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        TreeMap<String, String> ws = new TreeMap<>(WORKLOAD);
        ws.put("ws", "800");
        MeasuredSide other = new MeasuredSide("cand.json", "m1", ws, ten);
        var ex = assertThrows(IncomparableResultsException.class, () -> evaluator.evaluate(side("base.json", ten), other));
        assertTrue(ex.getMessage().contains("ws=400 in base.json but ws=800 in cand.json"), ex.getMessage());
    }

    @Test
    void badFiguresAndThresholdsAreRefusedNamingTheValue() {
        var ex = assertThrows(IllegalArgumentException.class, () -> side("x.json", new double[] {1, 2, Double.NaN}));
        assertTrue(ex.getMessage().contains("run 3 has opsPerSecond=NaN"), ex.getMessage());
        var ex2 = assertThrows(IllegalArgumentException.class, () -> new VerdictThresholds(-1, 1, 0.05));
        assertTrue(ex2.getMessage().contains("noGoPercent=1.0"), ex2.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new VerdictThresholds(1, -0.5, 1.5));
    }
}
