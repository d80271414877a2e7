package org.hakbench.rebase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hakbench.adapters.AllocatorKind;
import org.hakbench.adapters.AllocatorSpec;
import org.hakbench.results.OsCallCounts;
import org.hakbench.stats.Drift;
import org.hakbench.stats.Outliers;
import org.hakbench.stats.SampleStats;

/** Derives the per-allocator statistics of a rebase from its raw runs. */
final class RebaseStatistics {

    private RebaseStatistics() {
    }

    static List<RebaseReport.AllocatorSummary> summarize(RebaseRunner.Plan plan, List<RebaseReport.RunRecord> runs,
                                                         Map<String, OsCallCounts> straced, long iters,
                                                         RebaseRunner.PreviousRebase previous, List<String> warnings) {
        Double nullNsPerOp = null;
        Double referenceMean = null;
        List<Partial> partials = new ArrayList<>();
        for (AllocatorSpec spec : plan.allocators()) {
            List<RebaseReport.RunRecord> mine = runs.stream().filter(r -> r.allocator().equals(spec.name())).toList();
            List<RebaseReport.RunRecord> ok = mine.stream().filter(RebaseReport.RunRecord::ok).toList();
            int failed = mine.size() - ok.size();
            if (failed > 0) {
                warnings.add(spec.name() + ": " + failed + " of " + mine.size() + " runs failed (see runs[].failure)");
            }
            if (ok.isEmpty()) {
                continue;
            }
            double[] opsPerSec = ok.stream().mapToDouble(r -> r.result().opsPerSec()).toArray();
            SampleStats stats = SampleStats.of(opsPerSec);
            double nsPerOp = 1e9 / stats.mean();
            if (spec.kind() == AllocatorKind.NULL) {
                nullNsPerOp = nsPerOp;
            }
            if (spec.name().equals(plan.reference())) {
                referenceMean = stats.mean();
            }
            partials.add(new Partial(spec, ok, failed, opsPerSec, stats, nsPerOp));
        }
        if (referenceMean == null) {
            warnings.add("reference " + plan.reference() + " has no successful run: no ratios");
        }
        List<RebaseReport.AllocatorSummary> summaries = new ArrayList<>();
        for (Partial p : partials) {
            Outliers outliers = Outliers.of(p.opsPerSec);
            if (outliers.count() > 0) {
                warnings.add(p.spec.name() + ": " + outliers.count() + " outlier run(s) by modified z-score > "
                        + Outliers.THRESHOLD + " (flagged, kept in the statistics)");
            }
            boolean firstSlow = Outliers.firstRunSlow(p.opsPerSec, RebaseRunner.FIRST_RUN_SLOW_FRACTION);
            if (firstSlow) {
                warnings.add(p.spec.name() + ": the first run is the slowest by a clear margin; consider a longer --warmup");
            }
            OsCallCounts osCalls = p.spec.kind() == AllocatorKind.EMBEDDED_HAKMEM
                    ? p.ok.getFirst().result().osCalls()
                    : straced.getOrDefault(p.spec.name(), OsCallCounts.unknown("no strace counting run"));
            Double perOp = osCalls != null && osCalls.known() ? (double) osCalls.total() / iters : null;
            SampleStats rss = SampleStats.of(p.ok.stream().mapToDouble(r -> r.result().peakRssKiB()).toArray());
            Drift drift = null;
            if (previous != null) {
                drift = previous.summary(p.spec.name()).map(prev -> Drift.between(prev.opsPerSec(), p.stats)).orElse(null);
            }
            summaries.add(new RebaseReport.AllocatorSummary(p.spec.name(), p.ok.size(), p.failed, p.stats, p.nsPerOp,
                    nullNsPerOp == null ? null : p.nsPerOp - nullNsPerOp,
                    referenceMean == null ? null : p.stats.mean() / referenceMean,
                    outliers, firstSlow, osCalls, perOp, rss, drift));
        }
        return summaries;
    }

    private record Partial(AllocatorSpec spec, List<RebaseReport.RunRecord> ok, int failed, double[] opsPerSec,
                           SampleStats stats, double nsPerOp) {
    }
}
