package org.hakbench.cli;

import org.hakbench.verdict.VerdictThresholds;
import picocli.CommandLine.Option;

/** The verdict noise-band options shared by {@code verdict} and {@code ab} (a picocli mixin). */
final class ThresholdOptions {

    @Option(names = "--go-threshold", paramLabel = "PCT", defaultValue = "1.0",
            description = "GO when significant and the whole 95%% interval of the change is above this, in %% (default: ${DEFAULT-VALUE}).")
    double goPercent;

    @Option(names = "--nogo-threshold", paramLabel = "PCT", defaultValue = "-0.5",
            description = "NO-GO when significant and the whole interval is below this, in %% (default: ${DEFAULT-VALUE}).")
    double noGoPercent;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.05", description = "Significance level of the Mann-Whitney U test (default: ${DEFAULT-VALUE}).")
    double alpha;

    /** The thresholds; an inconsistent set -> IllegalArgumentException naming the options. */
    VerdictThresholds thresholds() {
        try {
            return new VerdictThresholds(goPercent, noGoPercent, alpha);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--go-threshold/--nogo-threshold/--alpha: " + e.getMessage(), e);
        }
    }
}
