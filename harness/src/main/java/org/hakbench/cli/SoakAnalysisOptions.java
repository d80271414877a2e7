package org.hakbench.cli;

import org.hakbench.analyze.SoakTargets;

import picocli.CommandLine.Option;

/** The analysis options shared by {@code soak} and {@code analyze} (a picocli mixin). */
public final class SoakAnalysisOptions {
    @Option(names = "--warmup-epochs", paramLabel = "N", description = "epochs the analysis skips (default: 5%% of the epochs, at least 1 from 4 epochs)")
    Integer warmupEpochs;

    @Option(names = "--max-rss-drift", paramLabel = "PCT", defaultValue = "" + SoakTargets.SEEDS_MAX_RSS_DRIFT_PERCENT,
            description = "PASS needs RSS drift <= PCT %% (default: ${DEFAULT-VALUE})")
    double maxRssDrift;

    @Option(names = "--min-throughput-drift", paramLabel = "PCT", defaultValue = "" + SoakTargets.SEEDS_MIN_THROUGHPUT_DRIFT_PERCENT,
            description = "PASS needs throughput drift >= PCT %% (default: ${DEFAULT-VALUE})")
    double minThroughputDrift;

    @Option(names = "--max-cv", paramLabel = "PCT", defaultValue = "" + SoakTargets.SEEDS_MAX_CV_PERCENT,
            description = "PASS needs the CV of epoch ops/s < PCT %% (default: ${DEFAULT-VALUE})")
    double maxCv;

    Integer warmupEpochs() {
        return warmupEpochs;
    }

    /** The targets; a non-finite or non-positive value -> IllegalArgumentException naming it. */
    SoakTargets targets() {
        return new SoakTargets(maxRssDrift, minThroughputDrift, maxCv);
    }
}
