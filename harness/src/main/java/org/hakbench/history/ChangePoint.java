package org.hakbench.history;

/**
 * A significant change in a series: the points from {@code index} on differ in distribution from the
 * points of the segment before.
 *
 * @param index          first index of the new segment
 * @param pValue         permutation p-value of the split
 * @param meanBefore     mean of the segment before (back to the previous change point)
 * @param meanAfter      mean of the segment after (up to the next change point)
 * @param relativeChange {@code meanAfter / meanBefore - 1}
 */
public record ChangePoint(int index, double pValue, double meanBefore, double meanAfter, double relativeChange) {
}
