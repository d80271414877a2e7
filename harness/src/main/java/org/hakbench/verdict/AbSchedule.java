package org.hakbench.verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * The run order of an A/B comparison: pairs alternate A B, B A, A B, ... (ABBA). Slow drifts of the
 * machine (thermal state, background load) then hit both sides alike instead of favouring whichever
 * side ran first, and each pair runs back to back.
 */
public final class AbSchedule {

    /** Which side a run belongs to. */
    public enum Side { A, B }

    private AbSchedule() {
    }

    /** The pair (0-based) that the run at {@code index} (1-based, as in {@link AbResult.Run#index()}) belongs to. */
    public static int pairOf(int index) {
        return (index - 1) / 2;
    }

    /** {@code runsPerSide} pairs in ABBA order: 2 * runsPerSide entries. */
    public static List<Side> order(int runsPerSide) {
        if (runsPerSide < VerdictEvaluator.MIN_PAIRS) {
            throw new IllegalArgumentException("runs=" + runsPerSide + ": a paired verdict needs at least "
                    + VerdictEvaluator.MIN_PAIRS + " runs a side (with 5 pairs no 95% interval exists)");
        }
        List<Side> order = new ArrayList<>(2 * runsPerSide);
        for (int pair = 0; pair < runsPerSide; pair++) {
            boolean aFirst = pair % 2 == 0;
            order.add(aFirst ? Side.A : Side.B);
            order.add(aFirst ? Side.B : Side.A);
        }
        return List.copyOf(order);
    }
}
