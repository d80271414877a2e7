package org.hakbench.scale;

import java.util.ArrayList;
import java.util.List;

import org.hakbench.stats.SampleStats;

/** Derives the per-point figures from raw runs; nothing is dropped or smoothed, so a file can be re-derived. */
public final class ScaleStatistics {
    private ScaleStatistics() {
    }

    /** One point per (allocator, threads) of the config, in allocator-then-threads order. */
    public static List<ScalePoint> points(ScaleConfig config, List<ScaleRun> runs) {
        List<ScalePoint> points = new ArrayList<>();
        for (String allocator : config.allocators()) {
            ScalePoint base = point(allocator, config.baseThreads(), runs, null);
            for (int threads : config.threads()) {
                points.add(point(allocator, threads, runs, base));
            }
        }
        return points;
    }

    private static ScalePoint point(String allocator, int threads, List<ScaleRun> runs, ScalePoint base) {
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
        return new ScalePoint(allocator, threads, ops.size(), failed, stats, cpuStats, speedUp, peakRssKiB);
    }
}
