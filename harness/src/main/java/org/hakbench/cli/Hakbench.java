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
                RecordCommand.class,
                ReplayCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success, GO or NEUTRAL",
                "1:NO-GO, failed target or regression",
                "2:bad usage or bad input",
                "3:environment problem (no JDK 25, library missing)",
                "4:internal error (a bug: one line, the stack trace with --verbose)"})
public final class Hakbench implements java.util.concurrent.Callable<Integer> {

    /** Before any subcommand: print the stack trace of an internal error. */
    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an internal error (exit 4).")
    boolean verbose;

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
        cli.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.INTERNAL);
        // An exception no command expected is a bug: one line naming it, the trace only with --verbose.
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            boolean verbose = parsed.matchedOption("--verbose") != null
                    || parsed.subcommands().stream().anyMatch(p -> p.matchedOption("--verbose") != null)
                    || deepest(parsed).matchedOption("--verbose") != null;
            c.getErr().println("internal error: " + ex + (verbose ? "" : " (run with --verbose for the stack trace)"));
            if (verbose) {
                ex.printStackTrace(c.getErr());
            }
            c.getErr().flush();
            return ExitCodes.INTERNAL;
        });
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

    private static CommandLine.ParseResult deepest(CommandLine.ParseResult p) {
        return p.hasSubcommand() ? deepest(p.subcommand()) : p;
    }

    /** No subcommand: usage on stderr and exit 2 (a script that forgot the subcommand must not pass). */
    @Override
    public Integer call() {
        return noSubcommand(spec);
    }

    static int noSubcommand(CommandLine.Model.CommandSpec spec) {
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().println("error: no subcommand given");
        spec.commandLine().getErr().flush();
        return ExitCodes.USAGE;
    }
}
