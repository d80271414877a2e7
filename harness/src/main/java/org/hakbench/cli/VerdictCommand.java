package org.hakbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import org.hakbench.results.AtomicFiles;
import org.hakbench.verdict.Decision;
import org.hakbench.verdict.RebaseVerdict;
import org.hakbench.verdict.Verdict;
import org.hakbench.verdict.VerdictThresholds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hakbench verdict}: binds options into a {@link RebaseVerdict.Request} and calls {@link RebaseVerdict}. */
@Command(name = "verdict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "GO / NEUTRAL / NO-GO of one configuration between two rebase files: Mann-Whitney test on the "
                + "runs' log ops/s and the Hodges-Lehmann 95%% interval of the same statistic, held against the noise band. "
                + "Writes results/verdict-<UTC>.json.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:GO or NEUTRAL (or a baseline adopted)", "1:NO-GO",
                "2:bad input: other schema, kind, workload, machine or configuration, corrupt JSON, fewer than 5 runs"})
final class VerdictCommand implements Callable<Integer> {

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..2", paramLabel = "FILE", description = "BASELINE.json CANDIDATE.json, or only CANDIDATE.json with --baseline-dir.")
    List<Path> files;

    @Option(names = "--config", paramLabel = "CONF", defaultValue = "hakmem",
            description = "Configuration to compare: an allocator (if it has one configuration) or e.g. hakmem:MIXED_TINYV3_C7_SAFE (default: ${DEFAULT-VALUE}).")
    String configuration;

    @Option(names = "--baseline-dir", paramLabel = "DIR", description = "Find the baseline here by the candidate's machine fingerprint (e.g. results/baseline).")
    Path baselineDir;

    @Option(names = "--trace", paramLabel = "NAME", description = "For two replay files: the trace (file name) to judge, when they replayed several.")
    String trace;

    @Option(names = "--baseline-class", paramLabel = "LABEL",
            description = "With --baseline-dir: key baselines by machine class (LABEL, e.g. the CI runner label, plus CPU model, cores and"
                    + " kernel major version) instead of the exact machine fingerprint; for hosted runners, a new VM every night.")
    String baselineClass;

    @Option(names = "--adopt-missing-baseline", description = "With --baseline-dir: if this machine has no baseline, store the candidate as one and exit 0.")
    boolean adoptMissing;

    @Mixin
    ThresholdOptions thresholdOptions;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "Where the verdict file goes (default: ${DEFAULT-VALUE}).")
    Path results;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Services.call(err, () -> {
            PrintWriter out = json.human(stdout, err);
            if (files != null && files.size() == 2 && baselineDir == null && org.hakbench.verdict.ReplayVerdict.isReplay(files.get(1))) {
                VerdictThresholds thresholds = thresholdOptions.thresholds();
                org.hakbench.verdict.VerdictService.Written w = new org.hakbench.verdict.ReplayVerdict(Clock.systemUTC()).run(files.get(0),
                        files.get(1), configuration, trace, thresholds, thresholdOptions.measure(), checkedResults());
                return report(w, thresholdOptions.measure(), out, stdout);
            }
            RebaseVerdict.Request request = request();
            RebaseVerdict.Outcome outcome = new RebaseVerdict(Clock.systemUTC()).run(request);
            if (outcome instanceof RebaseVerdict.BaselineAdopted adopted) {
                out.println("no baseline for machine " + adopted.machineId() + ": adopted " + request.candidate()
                        + " as " + adopted.baselineFile() + " (commit it to keep it)");
                out.flush();
                return ExitCodes.OK;
            }
            return report(((RebaseVerdict.Decided) outcome).written(), request.measure(), out, stdout);
        });
    }

    /** The decision line, the file, the JSON when asked; exit 1 on NO-GO. */
    private int report(org.hakbench.verdict.VerdictService.Written written, org.hakbench.verdict.Measure measure, PrintWriter out,
                       PrintWriter stdout) {
        Verdict v = written.result().verdict();
        out.println(v.decision() + " " + written.result().configuration() + " (" + measure.description() + "): " + v.reason());
        out.println("wrote " + written.file());
        out.flush();
        json.print(stdout, written.result());
        return v.decision() == Decision.NO_GO ? ExitCodes.NO_GO : ExitCodes.OK;
    }

    /** The results directory, refused (exit 2) when it cannot be written. */
    private Path checkedResults() {
        String problem = AtomicFiles.checkWritableDirectory(results);
        if (problem != null) {
            throw new IllegalArgumentException("--results=" + results + ": " + problem);
        }
        return results;
    }

    private RebaseVerdict.Request request() {
        VerdictThresholds thresholds = thresholdOptions.thresholds();
        if (baselineDir == null && files.size() != 2) {
            throw new IllegalArgumentException("give BASELINE.json CANDIDATE.json, or CANDIDATE.json with --baseline-dir");
        }
        if (baselineDir != null && files.size() != 1) {
            throw new IllegalArgumentException("--baseline-dir=" + baselineDir + ": give only CANDIDATE.json");
        }
        if (adoptMissing && baselineDir == null) {
            throw new IllegalArgumentException("--adopt-missing-baseline needs --baseline-dir");
        }
        if (baselineClass != null && (baselineDir == null || baselineClass.isBlank())) {
            throw new IllegalArgumentException("--baseline-class=" + baselineClass + ": needs --baseline-dir and a non-empty label");
        }
        for (Path f : files) {
            if (!java.nio.file.Files.isRegularFile(f) || !java.nio.file.Files.isReadable(f)) {
                throw new IllegalArgumentException(f + ": no such readable file");
            }
        }
        checkedResults();
        return baselineDir == null
                ? new RebaseVerdict.Request(files.get(0), files.get(1), null, false, configuration, thresholds, thresholdOptions.measure(), results)
                : new RebaseVerdict.Request(null, files.get(0), baselineDir, adoptMissing, configuration, thresholds, thresholdOptions.measure(), results,
                        baselineClass);
    }
}
