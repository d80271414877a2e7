package org.hakbench.verdict;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The error rates of the verdicts, measured: thousands of seeded simulated comparisons with noise
 * shaped like real runs (normal at CV 1% and 3%, occasional slow outliers, slow drift across the
 * interleaved order), through the same {@link VerdictEvaluator} the commands use. The table it prints
 * (and writes to {@code harness/target/verdict-simulation.md}) is the one in {@code docs/verdicts.md}.
 */
class VerdictSimulationTest {
    static final int TRIALS = 2_000;
    private static final TreeMap<String, String> WORKLOAD = new TreeMap<>(Map.of("iters", "1"));
    private static final double MEAN = 60e6;

    /** How one run's figure is drawn. */
    record Noise(String name, double cv, double outlierShare, double outlierSlowdown, double driftOverRun) {
    }

    static final Noise CV1 = new Noise("normal, CV 1%", 0.01, 0, 0, 0);
    static final Noise CV3 = new Noise("normal, CV 3%", 0.03, 0, 0, 0);
    static final Noise OUTLIERS = new Noise("CV 1% + 5% of runs 15% slow", 0.01, 0.05, 0.15, 0);
    static final Noise DRIFT = new Noise("CV 1% + 4% drift over the run order", 0.01, 0, 0, 0.04);
    static final Noise ALL = new Noise("CV 3% + outliers + drift", 0.03, 0.05, 0.15, 0.04);

    /** One simulated comparison's outcome. */
    record Outcome(Decision decision, boolean covered) {
    }

    /** The runs of one ab in ABBA order: pair p runs A then B when p is even, else B then A. */
    static Outcome pairedTrial(SplittableRandom rng, Noise noise, int pairs, double trueChange, VerdictEvaluator evaluator) {
        double[] a = new double[pairs];
        double[] b = new double[pairs];
        int total = 2 * pairs;
        for (int p = 0; p < pairs; p++) {
            int aPos = p % 2 == 0 ? 2 * p : 2 * p + 1;
            int bPos = p % 2 == 0 ? 2 * p + 1 : 2 * p;
            a[p] = draw(rng, noise, aPos, total, 1.0);
            b[p] = draw(rng, noise, bPos, total, 1 + trueChange);
        }
        Verdict v = evaluator.evaluatePaired(side("A", a), side("B", b), trueChange == 0);
        return new Outcome(v.decision(), covers(v, trueChange));
    }

    /** Two rebase files: each side's runs in a row of its own (no pairing, no drift between the files). */
    static Outcome independentTrial(SplittableRandom rng, Noise noise, int runs, double trueChange, VerdictEvaluator evaluator) {
        double[] a = new double[runs];
        double[] b = new double[runs];
        for (int i = 0; i < runs; i++) {
            a[i] = draw(rng, noise, i, runs, 1.0);
            b[i] = draw(rng, noise, i, runs, 1 + trueChange);
        }
        Verdict v = evaluator.evaluate(side("A", a), side("B", b));
        return new Outcome(v.decision(), covers(v, trueChange));
    }

    private static boolean covers(Verdict v, double trueChange) {
        double truePercent = trueChange * 100;
        return v.ciLowPercent() <= truePercent && truePercent <= v.ciHighPercent();
    }

    private static double draw(SplittableRandom rng, Noise noise, int position, int total, double factor) {
        double x = MEAN * factor * (1 + noise.cv() * gaussian(rng));
        x *= 1 + noise.driftOverRun() * position / (double) total;
        if (rng.nextDouble() < noise.outlierShare()) {
            x *= 1 - noise.outlierSlowdown();
        }
        return x;
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static MeasuredSide side(String label, double[] ops) {
        return new MeasuredSide(label, "sim", WORKLOAD, ops);
    }

    /** Rates over {@link #TRIALS} trials: false alarms (any GO/NO-GO), NO-GO, coverage. */
    record Rates(double alarms, double noGo, double coverage) {
    }

    interface Trial {
        Outcome run(SplittableRandom rng);
    }

    static Rates rates(long seed, Trial trial) {
        SplittableRandom rng = new SplittableRandom(seed);
        int alarms = 0;
        int noGo = 0;
        int covered = 0;
        for (int t = 0; t < TRIALS; t++) {
            Outcome o = trial.run(rng);
            alarms += o.decision() != Decision.NEUTRAL ? 1 : 0;
            noGo += o.decision() == Decision.NO_GO ? 1 : 0;
            covered += o.covered() ? 1 : 0;
        }
        return new Rates(alarms / (double) TRIALS, noGo / (double) TRIALS, covered / (double) TRIALS);
    }

    @Test
    void falseAlarmsCoverageAndPowerMeetTheirBounds() throws IOException {
        VerdictEvaluator evaluator = new VerdictEvaluator(VerdictThresholds.DEFAULT);
        List<String> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long seed = 1;
        for (Noise noise : List.of(CV1, CV3, OUTLIERS, DRIFT, ALL)) {
            for (String method : List.of("paired (ab)", "independent (verdict)")) {
                boolean paired = method.startsWith("paired");
                Rates aa = rates(seed++, rng -> paired ? pairedTrial(rng, noise, 10, 0, evaluator)
                        : independentTrial(rng, noise, 10, 0, evaluator));
                Rates slow = rates(seed++, rng -> paired ? pairedTrial(rng, noise, 10, -0.02, evaluator)
                        : independentTrial(rng, noise, 10, -0.02, evaluator));
                rows.add(String.format(Locale.ROOT, "| %s | %s | %.1f%% | %.1f%% | %.1f%% | %.1f%% |", noise.name(), method,
                        100 * aa.alarms(), 100 * aa.coverage(), 100 * slow.noGo(), 100 * slow.coverage()));
                if (aa.alarms() > 0.05) {
                    failures.add(noise.name() + " " + method + ": A/A false alarms " + aa.alarms());
                }
                // two separate files do not interleave: drift inside each widens both sides alike and the
                // interval over-covers (conservative); every other cell must hold 93-97%
                boolean exactCoverageExpected = paired || noise.driftOverRun() == 0;
                if (aa.coverage() < 0.93 || slow.coverage() < 0.93 || exactCoverageExpected && (aa.coverage() > 0.97 || slow.coverage() > 0.97)) {
                    failures.add(noise.name() + " " + method + ": coverage " + aa.coverage() + " / " + slow.coverage());
                }
                if (noise == CV1 && slow.noGo() < 0.80) {
                    failures.add(noise.name() + " " + method + ": a true 2% slowdown found in only " + slow.noGo());
                }
            }
        }
        String table = "| noise | runs | A/A false alarms | A/A coverage | 2% slowdown: NO-GO | 2% slowdown: coverage |\n"
                + "| --- | --- | ---: | ---: | ---: | ---: |\n" + String.join("\n", rows) + "\n";
        System.out.println("verdict simulation, " + TRIALS + " trials per cell, 10 runs a side:\n" + table);
        Path out = Path.of("target", "verdict-simulation.md");
        if (Files.isDirectory(out.getParent())) {
            Files.writeString(out, table);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures) + "\n" + table);
    }
}
