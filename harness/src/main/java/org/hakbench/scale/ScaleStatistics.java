package org.hakbench.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hakbench.stats.PairedRatio;
import org.hakbench.stats.SampleStats;

/** Derives the per-point figures from raw runs; nothing is dropped or smoothed, so a file can be re-derived. */
public final class ScaleStatistics {
    private ScaleStatistics() {
    }

    /** One point per (allocator, threads) of the config, in allocator-then-threads order. */
    public static List<ScalePoint> points(ScaleConfig config, List<ScaleRun> runs) {
        List<ScalePoint> points = new ArrayList<>();
        for (String allocator : config.allocators()) {
            ScalePoint base = point(allocator, config.baseThreads(), runs, null, null);
            for (int threads : config.threads()) {
                points.add(point(allocator, threads, runs, base, config.reference()));
            }
        }
        return points;
    }

    private static ScalePoint point(String allocator, int threads, List<ScaleRun> runs, ScalePoint base, String reference) {
        List<Double> ops = new ArrayList<>();
        List<Double> opsPerCpu = new ArrayList<>();
        long peakRssKiB = 0;
        int failed = 0;
        for (ScaleRun run : runs) {
            if (!run.allocator().equals(allocator) || run.threads() != threads) {
                continue;
            }
            if (run.ok()) {
                ops.add(run.result().opsPerSecond());
                if (run.result().opsPerCpuSecond() != null) {
                    opsPerCpu.add(run.result().opsPerCpuSecond());
                }
                peakRssKiB = Math.max(peakRssKiB, run.result().peakRssKiB());
            } else {
                failed++;
            }
        }
        SampleStats stats = ops.isEmpty() ? null : SampleStats.of(ops);
        Double speedUp = null;
        if (stats != null && base != null && base.measured() && base.opsPerSecond().median() > 0) {
            speedUp = stats.median() / base.opsPerSecond().median();
        }
        SampleStats cpuStats = opsPerCpu.isEmpty() ? null : SampleStats.of(opsPerCpu);
        PairedRatio vsReference = reference == null || reference.equals(allocator) ? null : paired(allocator, reference, threads, runs);
        return new ScalePoint(allocator, threads, ops.size(), failed, stats, cpuStats, speedUp, peakRssKiB, vsReference);
    }

    /** allocator / reference, pairing the runs of one run index (interleaved, so they ran back to back). */
    private static PairedRatio paired(String allocator, String reference, int threads, List<ScaleRun> runs) {
        Map<Integer, Double> mine = new TreeMap<>();
        Map<Integer, Double> theirs = new TreeMap<>();
        for (ScaleRun run : runs) {
            if (run.ok() && run.threads() == threads && run.result().opsPerSecond() > 0) {
                if (run.allocator().equals(allocator)) {
                    mine.put(run.run(), run.result().opsPerSecond());
                } else if (run.allocator().equals(reference)) {
                    theirs.put(run.run(), run.result().opsPerSecond());
                }
            }
        }
        mine.keySet().retainAll(theirs.keySet());
        if (mine.isEmpty()) {
            return null;
        }
        double[] a = mine.values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = mine.keySet().stream().mapToDouble(theirs::get).toArray();
        return PairedRatio.of(a, b);
    }
}
