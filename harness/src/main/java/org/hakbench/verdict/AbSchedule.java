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

    /** {@code runsPerSide} pairs in ABBA order: 2 * runsPerSide entries. */
    public static List<Side> order(int runsPerSide) {
        if (runsPerSide < VerdictEvaluator.MIN_RUNS_PER_SIDE) {
            throw new IllegalArgumentException("runs=" + runsPerSide + ": a verdict needs at least "
                    + VerdictEvaluator.MIN_RUNS_PER_SIDE + " runs a side");
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
