package org.hakbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.hakbench.rebase.RebaseRunner;
import org.hakbench.verdict.AbRunner;
import org.hakbench.verdict.AbSpec;
import org.hakbench.verdict.Decision;
import org.hakbench.verdict.Verdict;
import org.hakbench.verdict.VerdictEvaluator;
import org.hakbench.verdict.VerdictThresholds;
import org.hakmem.allocator.AllocatorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hakbench ab}: binds options into an {@link AbRunner.Request} and calls {@link AbRunner}. */
@Command(name = "ab", mixinStandardHelpOptions = true, sortOptions = false,
        description = "A/B of two configurations of the random_mixed workload: runs paired and interleaved A B, B A, ... "
                + "each in its own child JVM, then the verdict of B against A: Wilcoxon signed-rank test on the pairs' log ratios "
                + "and the Hodges-Lehmann 95%% interval of the same statistic. Identical --a and --b make an A/A run "
                + "(calibration: a NEUTRAL is expected, a GO/NO-GO is a false alarm). "
                + "Writes results/ab-<UTC>.json (every run) and results/verdict-<UTC>.json.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:GO or NEUTRAL", "1:NO-GO, or too many runs failed for a verdict (recorded in the ab file)",
                "2:bad option or spec", "3:a named competitor library is not installed"})
final class AbCommand implements Callable<Integer> {

    static final String HAKMEM = "hakmem";

    @Spec
    CommandSpec spec;

    @Option(names = "--a", required = true, paramLabel = "SPEC",
            description = "Baseline: allocator[:PROFILE][,HAKMEM_X=V...], e.g. hakmem:MIXED_TINYV3_C7_SAFE or hakmem:SAFE (short profile names work).")
    String a;

    @Option(names = "--b", required = true, paramLabel = "SPEC", description = "Candidate, e.g. hakmem:BALANCED or hakmem:SAFE,HAKMEM_SS_MEM_LEAN=1.")
    String b;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "10", description = "Runs per side (pairs), at least 6 (default: ${DEFAULT-VALUE}).")
    int runs;

    @Mixin
    LoopOptions loop;

    @Mixin
    ThresholdOptions thresholdOptions;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "Where the files go (default: ${DEFAULT-VALUE}).")
    Path results;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Services.call(err, () -> {
            PrintWriter out = json.human(stdout, err);
            VerdictThresholds thresholds = thresholdOptions.thresholds();
            AbRunner.Request request = new AbRunner.Request(spec("--a", a), spec("--b", b), runs, loop.iters, loop.ws, loop.seed, loop.warmup,
                    loop.timeout(), thresholds, thresholdOptions.measure(), results);
            AbRunner.Outcome outcome = new AbRunner().run(request, line -> {
                err.println(line);
                err.flush();
            });
            out.println("wrote " + outcome.abFile() + (outcome.verdictFile() == null ? "" : " and " + outcome.verdictFile().getFileName()));
            Verdict v = outcome.result().verdict();
            if (v == null) {
                out.flush();
                err.println("error: " + outcome.failedRuns() + " run(s) failed, fewer than " + VerdictEvaluator.MIN_PAIRS
                        + " complete pairs: no verdict"
                        + " (failures and stderr are recorded in " + outcome.abFile() + ")");
                err.flush();
                return ExitCodes.NO_GO;
            }
            out.println(v.decision() + " B against A (" + request.measure().description() + "): " + v.reason());
            out.flush();
            json.print(stdout, outcome.result());
            if (outcome.failedRuns() > 0) {
                err.println("warning: " + outcome.failedRuns() + " run(s) failed and are left out of the verdict; see " + outcome.abFile());
                err.flush();
            }
            return v.decision() == Decision.NO_GO ? ExitCodes.NO_GO : ExitCodes.OK;
        });
    }

    /** A SPEC as ab's options take it; a bad one names the option. */
    static AbSpec spec(String option, String text) {
        try {
            return AbSpec.parse(text, AllocatorConfig.builtInProfiles(), HAKMEM);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
