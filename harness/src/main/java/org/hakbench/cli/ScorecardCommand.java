package org.hakbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.hakbench.scorecard.ScorecardService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hakbench scorecard}: groups the scorecard subcommands. */
@Command(name = "scorecard", mixinStandardHelpOptions = true,
        description = "Keeps results/PERFORMANCE_TARGETS_SCORECARD.md current.",
        subcommands = ScorecardCommand.Update.class)
final class ScorecardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Hakbench.noSubcommand(spec);
    }

    /** {@code hakbench scorecard update}: binds options into a {@link ScorecardService.Request}. */
    @Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Regenerates only the blocks between <!-- hakbench:begin NAME --> and <!-- hakbench:end NAME --> "
                    + "from the latest results (snapshot per machine, targets and milestones, syscall budget, RSS tax, soak "
                    + "stability, verdict log, trend); text outside the markers is never touched; a missing file is created; "
                    + "running it twice changes nothing.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:updated (or already current)", "2:broken markers, bad targets file or a bad result file; nothing written"})
    static final class Update implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--file", paramLabel = "FILE", defaultValue = "results/PERFORMANCE_TARGETS_SCORECARD.md",
                description = "The scorecard (default: ${DEFAULT-VALUE}).")
        Path file;

        @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "Where results are read (default: ${DEFAULT-VALUE}).")
        Path results;

        @Option(names = "--targets", paramLabel = "FILE", defaultValue = "results/targets.properties",
                description = "Targets and milestones (default: ${DEFAULT-VALUE}; built-in M1 50%%, M2 55%% of mimalloc when missing).")
        Path targets;

        @Option(names = "--strict", description = "A result file that does not load is an error (exit 2) instead of a warning.")
        boolean strict;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return Services.call(err, () -> {
                ScorecardService.Outcome outcome = new ScorecardService().update(new ScorecardService.Request(file, results, targets, strict));
                outcome.skipped().forEach(w -> err.println("warning: " + w));
                err.flush();
                out.println((outcome.changed() ? "updated " : "already current: ") + file);
                out.flush();
                return ExitCodes.OK;
            });
        }
    }
}
