package org.hakbench.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.hakbench.analyze.SoakInputException;
import org.hakbench.child.ChildLauncher;
import org.hakbench.soak.SoakRequest;
import org.hakbench.soak.SoakRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hakbench soak}: a long single-process run with one CSV row per epoch, then its analysis. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Runs random_mixed in one child JVM for --duration seconds, writing one CSV row per epoch",
                "(ops/s, RSS, allocator bytes and OS calls, batch latency percentiles) to --out, then analyses it",
                "like 'hakbench analyze'. Ctrl-C stops early and still analyses the completed epochs."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:soak PASS", "1:soak FAIL / INCONCLUSIVE, or the child failed",
                "2:bad option, or an output directory that cannot be written", "3:allocator library missing"})
public final class SoakCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SoakAnalysisOptions analysis;

    @Option(names = "--duration", paramLabel = "SECONDS", required = true, description = "soak length, e.g. 3600")
    int durationSeconds;

    @Option(names = "--epoch", paramLabel = "SECONDS", defaultValue = "1", description = "epoch length (default: ${DEFAULT-VALUE})")
    int epochSeconds;

    @Option(names = "--allocator", paramLabel = "A", defaultValue = "hakmem", description = "allocator under test (default: ${DEFAULT-VALUE})")
    String allocator;

    @Option(names = "--profile", paramLabel = "P", description = "hakmem profile, e.g. MIXED_TINYV3_C7_SAFE (hakmem only)")
    String profile;

    @Option(names = "--ws", paramLabel = "N", defaultValue = "" + SoakRequest.DEFAULT_WORKING_SET, description = "working set slots (default: ${DEFAULT-VALUE})")
    int workingSet;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + SoakRequest.DEFAULT_SEED, description = "PRNG seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/soak", description = "where the epoch CSV and histogram log go (default: ${DEFAULT-VALUE})")
    Path outDir;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "where the analysis JSON and PNG go (default: ${DEFAULT-VALUE})")
    Path resultsDir;

    @Option(names = "--batch-ops", paramLabel = "N", defaultValue = "" + SoakRequest.DEFAULT_BATCH_OPS, description = "operations per latency sample (default: ${DEFAULT-VALUE})")
    int batchOps;

    @Option(names = "--timed-every", paramLabel = "K", defaultValue = "" + SoakRequest.DEFAULT_TIMED_EVERY_BATCHES,
            description = "time one batch in K; the rest run untimed (default: ${DEFAULT-VALUE})")
    int timedEvery;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            SoakRequest request = new SoakRequest(allocator, profile, durationSeconds, epochSeconds, workingSet, seed, outDir,
                    resultsDir, batchOps, timedEvery, analysis.warmupEpochs(), analysis.targets());
            SoakRunner.Result result = new SoakRunner(new ChildLauncher()).run(request, out, err);
            if (result.analysis() == null || result.childFailure() != null) {
                return ExitCodes.NO_GO;
            }
            return result.analysis().allPassed() ? ExitCodes.OK : ExitCodes.NO_GO;
        } catch (IllegalArgumentException | SoakInputException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (SoakRunner.EnvironmentException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.ENVIRONMENT;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
