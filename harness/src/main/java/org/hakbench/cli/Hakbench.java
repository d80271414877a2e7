package org.hakbench.cli;

import java.io.PrintWriter;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hakbench} command. Subcommands only bind options into an immutable record and call a
 * service that works without picocli; {@link #run(PrintWriter, PrintWriter, String...)} is what tests drive.
 */
@Command(name = "hakbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Benchmarks and soak-tests the hakmem allocator against real allocators and keeps a scorecard.",
        subcommands = {
                AutoComplete.GenerateCompletion.class,
                RebaseCommand.class,
                AllocatorsCommand.class,
                SoakCommand.class,
                AnalyzeCommand.class,
                AbCommand.class,
                VerdictCommand.class,
                HistoryCommand.class,
                ScorecardCommand.class,
                ScaleCommand.class,
                CalibrateCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success, GO or NEUTRAL",
                "1:NO-GO, failed target or regression",
                "2:bad usage or bad input",
                "3:environment problem (no JDK 25, library missing)"})
public final class Hakbench implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs hakbench with the given streams; returns the exit code instead of exiting. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** The configured command line, shared by {@link #run} and completion generation. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Hakbench());
        cli.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.ENVIRONMENT);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + ex.getMessage());
            c.getErr().println("see '" + c.getCommandSpec().qualifiedName() + " --help'");
            return ExitCodes.USAGE;
        });
        CommandLine gen = cli.getSubcommands().get("generate-completion");
        if (gen != null) {
            gen.getCommandSpec().usageMessage().hidden(false);
        }
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
