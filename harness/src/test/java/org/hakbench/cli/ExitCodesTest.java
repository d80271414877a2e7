package org.hakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** One exit-code table for every command: 0 ok, 1 measured failure, 2 bad input, 3 environment, 4 internal error. */
class ExitCodesTest {

    @Test
    void noSubcommandPrintsUsageAndExitsTwo() {
        CliRun top = CliRun.of();
        assertEquals(ExitCodes.USAGE, top.exitCode());
        assertTrue(top.err().contains("Usage: hakbench") && top.err().contains("error: no subcommand given"), top.err());
        CliRun scorecard = CliRun.of("scorecard");
        assertEquals(ExitCodes.USAGE, scorecard.exitCode());
        assertTrue(scorecard.err().contains("update"), scorecard.err());
    }

    /** An unwritable --results (or --out) is a bad option value in every command that writes. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rebase --runs 1 --results /proc/hakbench-x",
            "scale --workload larson --threads 1 --runs 1 --results /proc/hakbench-x",
            "ab --a hakmem:SAFE --b hakmem:SAFE --runs 6 --results /proc/hakbench-x",
            "calibrate --trials 2 --runs 6 --results /proc/hakbench-x",
            "soak --duration 5 --out /proc/hakbench-x"})
    void unwritableOutputIsExitTwoEverywhere(String args) {
        CliRun run = CliRun.of(args.split(" "));
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("=/proc/hakbench-x: ") && !run.err().contains("Unknown option"), run.err());
    }

    /**
     * One bad value per command (every subcommand, checked below): exit 2 and a message that names
     * the option or value, never a stack trace and never a silent exit 0.
     */
    static final String[][] BAD_INPUT = {
            {"rebase --runs 0", "--runs=0"},
            {"scale --workload larson --threads 0", "--threads=0"},
            {"ab --a hakmem:SAFE --b hakmem:SAFE --runs 5", "runs=5"},
            {"verdict /nonexistent/a.json /nonexistent/b.json", "/nonexistent/a.json"},
            {"analyze /nonexistent/x.csv", "/nonexistent/x.csv"},
            {"history --results /nonexistent/dir", "--results=/nonexistent/dir: no such directory"},
            {"scorecard update --results /nonexistent/dir", "--results=/nonexistent/dir: no such directory"},
            {"soak --duration -1", "duration=-1"},
            {"calibrate --trials 0", "trials=0"},
            {"allocators --bogus", "--bogus"},
            {"record --out x.txt -- true", "--out=x.txt: the file name must end in .trace.gz"},
            {"replay /nonexistent/t.trace.gz", "/nonexistent/t.trace.gz: no such readable trace"},
    };

    @Test
    void badInputIsExitTwoNamingTheValueInEveryCommand() {
        for (String[] c : BAD_INPUT) {
            CliRun run = CliRun.of(c[0].split(" "));
            assertEquals(ExitCodes.USAGE, run.exitCode(), c[0] + ": " + run);
            assertTrue(run.err().contains(c[1]) && !run.err().contains("\tat "), c[0] + ": " + run.err());
        }
        java.util.Set<String> covered = new java.util.TreeSet<>();
        for (String[] c : BAD_INPUT) {
            covered.add(c[0].split(" ")[0]);
        }
        java.util.Set<String> commands = new java.util.TreeSet<>(Hakbench.commandLine().getSubcommands().keySet());
        commands.removeAll(java.util.Set.of("help", "generate-completion"));
        assertEquals(commands, covered, "every command needs a bad-input case here");
    }

    /** A command that throws what nobody expected: one line and exit 4; the trace only with --verbose. */
    @Test
    void anUnexpectedExceptionIsAnInternalErrorOfOneLine() {
        String[] quiet = runWithFailingCommand(false);
        assertEquals(Integer.toString(ExitCodes.INTERNAL), quiet[0]);
        assertTrue(quiet[1].startsWith("internal error: java.lang.IllegalStateException: boom"), quiet[1]);
        assertFalse(quiet[1].contains("\tat "), "no stack trace without --verbose: " + quiet[1]);
        String[] verbose = runWithFailingCommand(true);
        assertEquals(Integer.toString(ExitCodes.INTERNAL), verbose[0]);
        assertTrue(verbose[1].contains("\tat "), "stack trace with --verbose: " + verbose[1]);
    }

    @CommandLine.Command(name = "explode")
    static final class Explode implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("boom");
        }
    }

    private static String[] runWithFailingCommand(boolean verbose) {
        CommandLine cli = Hakbench.commandLine();
        cli.addSubcommand(new Explode());
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err, true));
        int code = verbose ? cli.execute("--verbose", "explode") : cli.execute("explode");
        return new String[] {Integer.toString(code), err.toString()};
    }
}
