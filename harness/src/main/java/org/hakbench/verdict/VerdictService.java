package org.hakbench.verdict;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import org.hakbench.results.Json;
import org.hakbench.results.MachineFingerprint;
import org.hakbench.results.ResultFiles;

/** Evaluates a verdict and writes it as {@code verdict-<UTC>.json} in the results directory. */
public final class VerdictService {

    private final VerdictEvaluator evaluator;
    private final Clock clock;

    public VerdictService(VerdictEvaluator evaluator, Clock clock) {
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /** The written result and where it went. */
    public record Written(VerdictResult result, Path file) {
    }

    /**
     * Evaluates {@code candidate} against {@code baseline} (refusing incomparable pairs before anything
     * is written) and writes the verdict file.
     */
    public Written evaluateAndWrite(MeasuredSide baseline, MeasuredSide candidate, String configuration, Measure measure,
                                    MachineFingerprint machine, Path resultsDir) {
        return write(evaluator.evaluate(baseline, candidate), baseline, candidate, configuration, measure, machine, resultsDir);
    }

    /** Writes the verdict file of a verdict already decided (ab judges its pairs as they come from its journal). */
    public Written write(Verdict verdict, MeasuredSide baseline, MeasuredSide candidate, String configuration, Measure measure,
                          MachineFingerprint machine, Path resultsDir) {
        Instant now = clock.instant();
        VerdictResult result = new VerdictResult(VerdictResult.SCHEMA, VerdictResult.KIND, now, machine,
                baseline.label(), candidate.label(), configuration, measure, baseline.workload(),
                baseline.opsPerSecond(), candidate.opsPerSecond(), verdict);
        Path file = ResultFiles.newJsonFile(resultsDir, VerdictResult.KIND, now);
        ResultFiles.writeReserved(file, result);
        return new Written(result, file);
    }
}
