package org.hakbench.cli;

import org.hakbench.verdict.Measure;
import org.hakbench.verdict.VerdictThresholds;
import picocli.CommandLine.Option;

/** The verdict options shared by {@code verdict} and {@code ab}: noise band, alpha, measure (a picocli mixin). */
final class ThresholdOptions {

    @Option(names = "--go-threshold", paramLabel = "PCT", defaultValue = "1.0",
            description = "GO when significant and the whole 95%% interval of the change is above this, in %% (default: ${DEFAULT-VALUE}).")
    double goPercent;

    @Option(names = "--nogo-threshold", paramLabel = "PCT", defaultValue = "-0.5",
            description = "NO-GO when significant and the whole interval is below this, in %% (default: ${DEFAULT-VALUE}).")
    double noGoPercent;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.05", description = "Significance level of the rank test (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--measure", paramLabel = "wall|cpu", defaultValue = "wall",
            description = "Per-run figure compared: wall-clock ops/s, or ops per CPU-second of the loop thread (steadier when other processes share the cores) (default: ${DEFAULT-VALUE}).")
    String measure;

    /** The --measure value; unknown -> IllegalArgumentException naming it. */
    Measure measure() {
        return Measure.parse(measure);
    }

    /** The thresholds; an inconsistent set -> IllegalArgumentException naming the options. */
    VerdictThresholds thresholds() {
        try {
            return new VerdictThresholds(goPercent, noGoPercent, alpha);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--go-threshold/--nogo-threshold/--alpha: " + e.getMessage(), e);
        }
    }
}
