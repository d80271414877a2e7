package org.hakbench.analyze;

/**
 * The PASS/FAIL thresholds of a soak, from the seeds (Phase 48 soak template, Phase 57): RSS may grow at
 * most {@code maxRssDriftPercent}, throughput may fall at most to {@code minThroughputDriftPercent}, and
 * the epoch-to-epoch coefficient of variation of ops/s stays below {@code maxCvPercent}.
 */
public record SoakTargets(double maxRssDriftPercent, double minThroughputDriftPercent, double maxCvPercent) {
    public static final double SEEDS_MAX_RSS_DRIFT_PERCENT = 5.0;
    public static final double SEEDS_MIN_THROUGHPUT_DRIFT_PERCENT = -5.0;
    public static final double SEEDS_MAX_CV_PERCENT = 2.0;

    public SoakTargets {
        checkFinite("maxRssDriftPercent", maxRssDriftPercent);
        checkFinite("minThroughputDriftPercent", minThroughputDriftPercent);
        checkFinite("maxCvPercent", maxCvPercent);
        if (maxCvPercent <= 0) {
            throw new IllegalArgumentException("maxCvPercent must be > 0: maxCvPercent=" + maxCvPercent);
        }
    }

    private static void checkFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number: " + name + "=" + value);
        }
    }

    public static SoakTargets seeds() {
        return new SoakTargets(SEEDS_MAX_RSS_DRIFT_PERCENT, SEEDS_MIN_THROUGHPUT_DRIFT_PERCENT, SEEDS_MAX_CV_PERCENT);
    }
}
