package org.hakbench.calibrate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.interval.ClopperPearsonInterval;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.hakbench.results.Json;
import org.hakbench.results.ResultFiles;
import org.hakbench.results.RunJournal;
import org.hakbench.stats.RankComparison;
import org.hakbench.verdict.AbRunner;
import org.hakbench.verdict.Decision;
import org.hakbench.verdict.VerdictEvaluator;

/**
 * {@code hakbench calibrate}: N A/A trials of one configuration (each an {@code ab} with both sides the
 * same), then this machine's observed false-alarm rate, run-to-run spread and the minimum detectable
 * change for 5, 10 and 20 runs a side, written as {@link CalibrationResult}. The practice of A/A runs
 * comes from online experimentation and benchmarking alike: a verdict's error rate is measured on the
 * machine, not assumed.
 */
public final class CalibrationRunner {
    /** Runs a side the result reports the detectable change for. */
    public static final List<Integer> REPORTED_RUNS = List.of(5, 10, 20);
    public static final int MIN_TRIALS = 2;
    private static final long SHUTDOWN_WAIT_MILLIS = 30_000;

    /** @param request the A/A comparison of one trial (its --a and --b are the same configuration) */
    public record Request(AbRunner.Request request, int trials) {
        public Request {
            if (trials < MIN_TRIALS) {
                throw new IllegalArgumentException("trials=" + trials + ": need at least " + MIN_TRIALS);
            }
            if (!AbRunner.isAaRun(request)) {
                throw new IllegalArgumentException("calibration runs one configuration on both sides: a="
                        + request.a().text() + ", b=" + request.b().text());
            }
        }
    }

    public record Outcome(CalibrationResult result, Path file) {
    }

    private final AbRunner ab;
    private final Clock clock;

    public CalibrationRunner(AbRunner ab, Clock clock) {
        this.ab = ab;
        this.clock = clock;
    }

    @SuppressWarnings("try")   // the resource guards the block (a signal hook, a lock); the body need not touch it
    public Outcome run(Request request, Consumer<String> progress) {
        AbRunner.Request r = request.request();
        ab.check(r);
        Instant createdAt = clock.instant();
        AbRunner.Trial last = null;
        // the result's name is reserved now, every finished trial is journalled (fsynced) beside it and
        // the result assembled from the journal; SIGINT/SIGTERM stops the running child, no trial starts
        Path file = ResultFiles.newJsonFile(r.resultsDir(), CalibrationResult.KIND, createdAt);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        try (RunJournal<CalibrationResult.Trial> journal = RunJournal.beside(file, CalibrationResult.Trial.class);
             org.hakbench.child.ShutdownStop shutdown = org.hakbench.child.ShutdownStop.stoppingChildren("calibrate-shutdown", stop,
                     SHUTDOWN_WAIT_MILLIS)) {
            int written = 0;
            for (int t = 1; t <= request.trials() && !stop.get(); t++) {
                AbRunner.Trial trial = ab.trial(r, progress, "trial " + t + "/" + request.trials() + ": ", run -> { }, stop::get);
                if (stop.get()) {
                    progress.accept("trial " + t + ": interrupted by a signal, left out");
                    break;
                }
                last = trial;
                if (trial.verdict() == null) {
                    progress.accept("trial " + t + ": too few complete pairs, no verdict (" + trial.failedRuns() + " run(s) failed)");
                    continue;
                }
                var v = trial.verdict();
                journal.append(new CalibrationResult.Trial(t, v.decision(), v.changePercent(), v.ciLowPercent(), v.ciHighPercent(),
                        v.pValue(), trial.a(), trial.b(), trial.failedRuns()), written++);
                progress.accept("trial " + t + ": " + v.decision() + " " + v.reason());
            }
            List<CalibrationResult.Trial> trials = journal.read();
            List<double[]> pairLogs = new ArrayList<>();
            List<double[]> sideLogs = new ArrayList<>();
            DescriptiveStatistics cvs = new DescriptiveStatistics();
            for (CalibrationResult.Trial trial : trials) {
                double[] d = new double[trial.a().length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = Math.log(trial.b()[i] / trial.a()[i]);
                }
                pairLogs.add(d);
                sideLogs.add(Arrays.stream(trial.a()).map(Math::log).toArray());
                sideLogs.add(Arrays.stream(trial.b()).map(Math::log).toArray());
                cvs.addValue(cvPercent(trial.a()));
                cvs.addValue(cvPercent(trial.b()));
            }
            if (trials.size() < MIN_TRIALS) {
                // nothing to calibrate from: leave no empty result behind
                journal.delete();
                deleteQuietly(file);
                throw new IllegalStateException("only " + trials.size() + " trial(s) gave a verdict; see the failed runs above");
            }
            long alarms = trials.stream().filter(x -> x.decision() != Decision.NEUTRAL).count();
            double[] ci = clopperPearson(trials.size(), (int) alarms);
            double pairSpread = pooledSd(pairLogs);
            double runSpread = pooledSd(sideLogs);
            double alpha = r.thresholds().alpha();
            List<CalibrationResult.Detectable> detectable = new ArrayList<>();
            for (int n : REPORTED_RUNS) {
                double abMdc = RankComparison.detectableChangePercent(RankComparison.PAIRED, pairSpread, n, alpha);
                double vMdc = RankComparison.detectableChangePercent(RankComparison.INDEPENDENT, runSpread, n, alpha);
                boolean abHasInterval = n >= VerdictEvaluator.MIN_PAIRS;
                detectable.add(new CalibrationResult.Detectable(n,
                        abHasInterval ? r.thresholds().noGoPercent() - abMdc : null,
                        abHasInterval ? r.thresholds().goPercent() + abMdc : null,
                        r.thresholds().noGoPercent() - vMdc, r.thresholds().goPercent() + vMdc));
            }
            CalibrationResult result = new CalibrationResult(CalibrationResult.SCHEMA, CalibrationResult.KIND, createdAt, last.machine(),
                    r.a(), r.runs(), r.measure(), r.thresholds(), last.workload(), trials, alarms / (double) trials.size(),
                    ci[0], ci[1], cvs.getPercentile(50), 100 * pairSpread, 100 * runSpread, detectable);
            Json.writeFile(file, result);
            journal.delete();
            return new Outcome(result, file);
        }
    }

    /**
     * Exact 95% interval of a rate. Commons Math's ClopperPearsonInterval needs 0 < successes < trials
     * (its F distribution gets 0 degrees of freedom otherwise), so the two ends use their closed forms:
     * no success gives [0, 1 - 0.025^(1/n)], all successes [0.025^(1/n), 1].
     */
    static double[] clopperPearson(int trials, int successes) {
        double tail = 0.025;
        if (successes == 0) {
            return new double[] {0, 1 - Math.pow(tail, 1.0 / trials)};
        }
        if (successes == trials) {
            return new double[] {Math.pow(tail, 1.0 / trials), 1};
        }
        ConfidenceInterval ci = new ClopperPearsonInterval().createInterval(trials, successes, 0.95);
        return new double[] {ci.getLowerBound(), ci.getUpperBound()};
    }

    private static void deleteQuietly(Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            // an empty reserved file is skipped with a warning by the readers
        }
    }

    private static double cvPercent(double[] values) {
        DescriptiveStatistics d = new DescriptiveStatistics(values);
        return 100 * d.getStandardDeviation() / d.getMean();
    }

    /** sqrt of the degrees-of-freedom-weighted mean of the groups' variances: spread without between-group offsets. */
    static double pooledSd(List<double[]> groups) {
        double ss = 0;
        int df = 0;
        for (double[] g : groups) {
            if (g.length >= 2) {
                ss += new DescriptiveStatistics(g).getVariance() * (g.length - 1);
                df += g.length - 1;
            }
        }
        return df == 0 ? 0 : Math.sqrt(ss / df);
    }
}
