package org.hakbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hakbench.rebase.RebaseConfig;
import org.hakbench.rebase.RebaseRunner;
import org.hakbench.rebase.RebaseTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hakbench rebase}: binds options into a {@link RebaseConfig} and calls {@link RebaseRunner}. */
@Command(name = "rebase", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Re-measures hakmem against the real allocators: N interleaved runs (A B C, B C A, ...) of the "
                + "random_mixed loop per allocator, each in its own child JVM, with statistics, drift against "
                + "the previous rebase, and results/rebase-<UTC>.json + .md.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every run succeeded", "1:some runs failed (files still written)",
                "2:bad option value", "3:a named competitor library is not installed"})
final class RebaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "10", description = "Timed runs per allocator (default: ${DEFAULT-VALUE}).")
    int runs;

    @Mixin
    LoopOptions loop;

    @Option(names = "--allocators", split = ",", paramLabel = "NAME",
            description = "Allocators to measure: hakmem, glibc, mimalloc, jemalloc, tcmalloc, netty, null "
                    + "(default: every available one; missing libraries are skipped unless named here).")
    List<String> allocators = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "NAME", description = "hakmem profile, HAKMEM_PROFILE of hakmem runs (default: the allocator's, MIXED_TINYV3_C7_SAFE).")
    String profile;

    @Option(names = "--reference", paramLabel = "NAME", description = "Allocator the ratios are relative to (default: mimalloc if measured, else glibc).")
    String reference;

    @Option(names = "--env", paramLabel = "HAKMEM_X=V", description = "Extra HAKMEM_* variable for hakmem runs; repeatable. "
            + "Inherited HAKMEM_* variables are never passed to children (default: none).")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "Directory for the JSON and markdown files (default: ${DEFAULT-VALUE}).")
    Path results;

    @Mixin
    JsonOption json;

    @Option(names = "--no-syscalls", description = "Skip the untimed strace counting runs; non-hakmem syscalls are then unknown (default: count when strace is installed).")
    boolean noSyscalls;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Services.call(err, () -> {
            boolean jsonOut = json.enabled();
            PrintWriter console = json.human(out, err);
            RebaseConfig config = new RebaseConfig(runs, loop.iters, loop.ws, loop.seed, loop.warmup, allocators, profile, reference, results,
                    jsonOut, loop.timeout(), env, !noSyscalls);
            RebaseRunner.Outcome outcome;
            try (ConsoleProgress progress = new ConsoleProgress(console, ConsoleProgress.interactiveTerminal())) {
                outcome = new RebaseRunner().run(config, progress);
            }
            console.println();
            console.print(RebaseTables.console(outcome.report()));
            console.println("wrote " + outcome.jsonFile() + " and " + outcome.markdownFile().getFileName());
            console.flush();
            json.print(out, outcome.report());
            if (outcome.failedRuns() > 0) {
                err.println("error: " + outcome.failedRuns() + " run(s) failed; they are recorded in " + outcome.jsonFile());
                err.flush();
                return ExitCodes.NO_GO;
            }
            return ExitCodes.OK;
        });
    }
}
