package org.hakbench.scale;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

import org.hakbench.results.MachineFingerprint;
import org.hakbench.results.ResultEnvelope;

/**
 * The file {@code results/scale-<UTC timestamp>.json}: envelope first, then the configuration, every raw
 * run, and the per-point statistics (recomputable from the runs).
 *
 * @param allocatorVersions library version of every allocator in the sweep
 * @param baseThreads       the thread count speed-ups are relative to
 */
public record ScaleResult(int schema, String kind, Instant createdAt, MachineFingerprint machine, ScaleConfig config,
        SortedMap<String, String> allocatorVersions, int baseThreads, List<ScaleRun> runs, List<ScalePoint> points)
        implements ResultEnvelope {

    public static final int SCHEMA = 1;
    public static final String KIND = "scale";

    public ScaleResult {
        runs = List.copyOf(runs);
        points = List.copyOf(points);
    }
}
