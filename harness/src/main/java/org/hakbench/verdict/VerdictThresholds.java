package org.hakbench.verdict;

/**
 * The noise band of a verdict. {@code goPercent} and {@code noGoPercent} are relative changes of mean
 * ops/s in percent (candidate against baseline); the band between them is "within noise".
 *
 * @param goPercent   the whole 95% interval must lie above this for GO (default +1.0)
 * @param noGoPercent the whole 95% interval must lie below this for NO-GO (default -0.5)
 * @param alpha       significance level of the Mann-Whitney U test (default 0.05)
 */
public record VerdictThresholds(double goPercent, double noGoPercent, double alpha) {

    public static final VerdictThresholds DEFAULT = new VerdictThresholds(1.0, -0.5, 0.05);

    public VerdictThresholds {
        checkFinite("goPercent", goPercent);
        checkFinite("noGoPercent", noGoPercent);
        if (noGoPercent > goPercent) {
            throw new IllegalArgumentException("noGoPercent=" + noGoPercent + " must not exceed goPercent=" + goPercent);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha=" + alpha + " must lie strictly between 0 and 1");
        }
    }

    private static void checkFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + "=" + value + " must be a finite number");
        }
    }
}
