package org.hakbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hakbench.calibrate.CalibrationResult;
import org.hakbench.calibrate.CalibrationRunner;
import org.hakbench.verdict.AbRunner;
import org.hakbench.verdict.AbSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hakbench calibrate}: binds options into a {@link CalibrationRunner.Request} and calls {@link CalibrationRunner}. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures this machine's verdict error rates: --trials A/A comparisons of one configuration (each an "
                + "`ab` with both sides the same, --runs pairs), then the observed false-alarm rate (GO or NO-GO where "
                + "nothing changed) with its 95%% interval, the run-to-run CV, and the smallest change an ab or a verdict "
                + "would catch with 5, 10 and 20 runs a side. Writes results/calibration-<UTC>.json; the scorecard shows it per machine.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:calibration written", "1:too few trials gave a verdict", "2:bad option or spec",
                "3:a named competitor library is not installed"})
final class CalibrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "SPEC", defaultValue = "hakmem:MIXED_TINYV3_C7_SAFE",
            description = "The configuration run on both sides (as ab's --a), default: ${DEFAULT-VALUE}.")
    String configuration;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "20", description = "A/A trials (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "10", description = "Pairs per trial, at least 6 (default: ${DEFAULT-VALUE}).")
    int runs;

    @Mixin
    LoopOptions loop;

    @Mixin
    ThresholdOptions thresholdOptions;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "Where the file goes (default: ${DEFAULT-VALUE}).")
    Path results;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Services.call(err, () -> {
            PrintWriter out = json.human(stdout, err);
            AbSpec side = AbCommand.spec("--config", configuration);
            AbRunner.Request ab = new AbRunner.Request(side, side, runs, loop.iters, loop.ws, loop.seed, loop.warmup, loop.timeout(),
                    thresholdOptions.thresholds(), thresholdOptions.measure(), results);
            CalibrationRunner.Outcome outcome;
            try {
                outcome = new CalibrationRunner(new AbRunner(), Clock.systemUTC()).run(new CalibrationRunner.Request(ab, trials), line -> {
                    err.println(line);
                    err.flush();
                });
            } catch (IllegalStateException e) {
                err.println("error: " + e.getMessage());
                return ExitCodes.NO_GO;
            }
            out.print(summary(outcome.result()));
            out.println("wrote " + outcome.file());
            out.flush();
            json.print(stdout, outcome.result());
            return ExitCodes.OK;
        });
    }

    static String summary(CalibrationResult r) {
        StringBuilder sb = new StringBuilder();
        long alarms = Math.round(r.falseAlarmRate() * r.trials().size());
        sb.append(String.format(Locale.ROOT, "calibration of %s on machine %s: %d A/A trials of %d pairs (%s)%n",
                r.configuration().text(), r.machine().id(), r.trials().size(), r.runsPerSide(), r.measure().description()));
        sb.append(String.format(Locale.ROOT, "  false alarms        %d of %d = %.1f%% (95%% CI %.1f%% .. %.1f%%; expected at most %.1f%%)%n",
                alarms, r.trials().size(), 100 * r.falseAlarmRate(), 100 * r.falseAlarmCi95Low(), 100 * r.falseAlarmCi95High(),
                100 * r.thresholds().alpha()));
        sb.append(String.format(Locale.ROOT, "  run-to-run CV       %.2f%% (median over trials and sides); pair spread %.2f%%, run spread %.2f%%%n",
                r.runToRunCvPercent(), r.pairSpreadPercent(), r.runSpreadPercent()));
        sb.append("  detectable change (caught 80% of the time; noise band ")
                .append(String.format(Locale.ROOT, "%+.1f%% .. %+.1f%%", r.thresholds().noGoPercent(), r.thresholds().goPercent())).append(")\n");
        sb.append("    runs a side   ab (paired)              verdict (two rebase files)\n");
        for (CalibrationResult.Detectable d : r.detectable()) {
            String abCell = d.abSlowdownPercent() == null ? "no 95% interval"
                    : String.format(Locale.ROOT, "%+.2f%% / %+.2f%%", d.abSlowdownPercent(), d.abSpeedupPercent());
            sb.append(String.format(Locale.ROOT, "    %-13d %-24s %+.2f%% / %+.2f%%%n", d.runsPerSide(), abCell,
                    d.verdictSlowdownPercent(), d.verdictSpeedupPercent()));
        }
        return sb.toString();
    }
}
