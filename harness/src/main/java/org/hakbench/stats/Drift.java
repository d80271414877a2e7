package org.hakbench.stats;

/**
 * Change of one figure between a previous and a current sample.
 *
 * @param previousMean mean of the previous sample
 * @param currentMean  mean of the current sample
 * @param changePercent (current - previous) / previous * 100
 * @param significant  true when each mean lies outside the other's 95% CI: a change beyond the noise
 *                     of both measurements. False when either sample has fewer than 2 values (no CI).
 * @param note         "inside noise", "beyond noise", or why it cannot be judged
 */
public record Drift(double previousMean, double currentMean, double changePercent, boolean significant, String note) {

    public static Drift between(SampleStats previous, SampleStats current) {
        double change = previous.mean() == 0 ? Double.NaN : (current.mean() - previous.mean()) / previous.mean() * 100;
        if (previous.ci95Low() == null || current.ci95Low() == null) {
            return new Drift(previous.mean(), current.mean(), change, false, "no CI (fewer than 2 runs); cannot judge noise");
        }
        boolean beyond = !previous.ciContains(current.mean()) && !current.ciContains(previous.mean());
        return new Drift(previous.mean(), current.mean(), change, beyond, beyond ? "beyond noise" : "inside noise");
    }
}
