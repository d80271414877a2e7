package org.hakbench.verdict;

import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One side of a comparison: where it was measured, under which workload settings, and the ops/s of
 * every run. Two sides are comparable only when {@code machineId} and {@code workload} are equal.
 *
 * @param label       what this side is, for messages (a file name or an A/B spec)
 * @param machineId   the machine fingerprint's id
 * @param workload    workload settings that must match (iters, ws, seed, sizes, warm-up, ...)
 * @param opsPerSecond ops/s of every run, in run order
 */
public record MeasuredSide(String label, String machineId, SortedMap<String, String> workload, double[] opsPerSecond) {

    public MeasuredSide {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
        if (machineId == null || machineId.isBlank()) {
            throw new IllegalArgumentException("machineId of " + label + " must not be blank");
        }
        workload = new TreeMap<>(workload);
        opsPerSecond = opsPerSecond.clone();
        for (int i = 0; i < opsPerSecond.length; i++) {
            if (!(opsPerSecond[i] > 0) || !Double.isFinite(opsPerSecond[i])) {
                throw new IllegalArgumentException(label + ": run " + (i + 1) + " has opsPerSecond=" + opsPerSecond[i]
                        + "; every run must be a positive finite figure");
            }
        }
    }

    @Override
    public double[] opsPerSecond() {
        return opsPerSecond.clone();
    }

    @Override
    public SortedMap<String, String> workload() {
        return new TreeMap<>(workload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeasuredSide m && label.equals(m.label) && machineId.equals(m.machineId)
                && workload.equals(m.workload) && Arrays.equals(opsPerSecond, m.opsPerSecond);
    }

    @Override
    public int hashCode() {
        return (label.hashCode() * 31 + machineId.hashCode()) * 31 + Arrays.hashCode(opsPerSecond);
    }

    @Override
    public String toString() {
        return "MeasuredSide[" + label + ", machine=" + machineId + ", runs=" + opsPerSecond.length + "]";
    }
}
