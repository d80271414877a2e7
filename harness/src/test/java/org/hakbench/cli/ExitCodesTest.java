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
