package org.hakbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.hakbench.adapters.Allocators;
import org.hakbench.child.ChildLauncher;
import org.hakbench.trace.ReplayRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hakbench replay TRACE...}: real programs' allocation traces against every allocator. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Replays recorded allocation traces (hakbench record) operation by operation against each allocator in"
                + " child JVMs, interleaved run by run; median ops/s, spread, peak RSS, the allocator's resident bytes with the"
                + " trace's final live set, and each allocator against the reference run by run. Single-threaded (mtrace"
                + " records no threads); a realloc is replayed as malloc, copy, free.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every run measured", "1:some run failed (the file is still written)",
                "2:bad input: no or unreadable trace, a corrupt trace (the line is named), a bad option", "3:an allocator is not installed"})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TRACE", arity = "0..*", description = "Trace files (.trace.gz) written by hakbench record.")
    List<String> traces = List.of();

    @Option(names = "--allocators", split = ",", paramLabel = "NAME", defaultValue = "hakmem,mimalloc,glibc",
            description = "Allocators to replay against (default: ${DEFAULT-VALUE}).")
    List<String> allocators;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Child JVMs per (trace, allocator) (default: ${DEFAULT-VALUE}; 6+ for an interval).")
    int runs;

    @Option(names = "--warmup-passes", paramLabel = "N", defaultValue = "20", description = "Untimed passes of the trace first (default: ${DEFAULT-VALUE}).")
    int warmupPasses;

    @Option(names = "--min-ops", paramLabel = "N", defaultValue = "20000000", description = "Timed passes until this many operations (default: ${DEFAULT-VALUE}).")
    long minOps;

    @Option(names = "--reference", paramLabel = "NAME", description = "Allocator the others are compared with (default: mimalloc if listed, else the first; none: no column).")
    String reference;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "Where replay-<UTC>.json goes (default: ${DEFAULT-VALUE}).")
    String results;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600", description = "A child running longer is a failed run (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Services.call(err, () -> {
            allocators.forEach(Allocators::byName);
            String ref = "none".equals(reference) ? null : reference != null ? reference
                    : allocators.contains("mimalloc") ? "mimalloc" : allocators.getFirst();
            ReplayRunner.Outcome o = new ReplayRunner(new ChildLauncher()).run(new ReplayRunner.Request(traces, allocators, runs, warmupPasses,
                    minOps, ref, results, timeoutSeconds), out);
            if (o.failedRuns() > 0) {
                err.println("error: " + o.failedRuns() + " run(s) failed; see \"failure\" in " + o.json());
                return ExitCodes.NO_GO;
            }
            return ExitCodes.OK;
        });
    }
}
