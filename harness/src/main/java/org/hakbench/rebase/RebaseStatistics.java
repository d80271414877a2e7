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
                                                         Map<String, RebaseReport.RunRecord> countingRuns, long iters,
                                                         RebaseRunner.PreviousRebase previous, List<String> warnings) {
        Double nullNsPerOp = null;
        Double nativeNullNsPerOp = null;
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
            if (spec.kind() == AllocatorKind.NATIVE_TWIN && spec.baseName().equals("null")) {
                nativeNullNsPerOp = nsPerOp;
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
            RebaseReport.RunRecord counting = countingRuns.get(p.spec.name());
            OsCallCounts traced = counting == null ? OsCallCounts.unknown("no strace counting run") : counting.straced();
            OsCallCounts osCalls = traced;
            if (p.spec.kind() == AllocatorKind.EMBEDDED_HAKMEM) {
                osCalls = p.ok.getFirst().result().osCalls();
                checkCounters(p.spec.name(), counting, warnings);
            }
            Double perOp = osCalls != null && osCalls.known() ? (double) osCalls.total() / iters : null;
            SampleStats rss = SampleStats.of(p.ok.stream().mapToDouble(r -> r.result().peakRssKiB()).toArray());
            Drift drift = null;
            if (previous != null) {
                drift = previous.summary(p.spec.name()).map(prev -> Drift.between(prev.opsPerSec(), p.stats)).orElse(null);
            }
            SampleStats cpu = SampleStats.of(p.ok.stream().mapToDouble(r -> r.result().opsPerCpuSec()).toArray());
            summaries.add(new RebaseReport.AllocatorSummary(p.spec.name(), p.ok.size(), p.failed, p.stats, cpu, p.nsPerOp,
                    netNsPerOp(p, nullNsPerOp, nativeNullNsPerOp),
                    referenceMean == null ? null : p.stats.mean() / referenceMean,
                    outliers, firstSlow, osCalls, perOp, rss, drift));
        }
        return summaries;
    }

    /** Net of the loop's own cost: a JVM row against the JVM null loop, a C twin against the C null loop. */
    private static Double netNsPerOp(Partial p, Double jvmNull, Double nativeNull) {
        Double floor = p.spec.kind() == AllocatorKind.NATIVE_TWIN ? nativeNull : jvmNull;
        return floor == null ? null : p.nsPerOp - floor;
    }

    /** Same run, two witnesses: the allocator's own counters must equal what strace saw on the loop thread. */
    private static void checkCounters(String allocator, RebaseReport.RunRecord counting, List<String> warnings) {
        if (counting == null || !counting.ok() || !counting.straced().known()) {
            return;
        }
        long own = counting.result().osCalls().total();
        long seen = counting.straced().total();
        if (own != seen) {
            warnings.add(allocator + ": in the strace counting run its own counters report " + own
                    + " OS calls in the loop, strace saw " + seen + " on the loop thread (the JVM's own mmaps, e.g. class"
                    + " loading in a cold loop, count in strace only; a longer --warmup removes those)");
        }
    }

    private record Partial(AllocatorSpec spec, List<RebaseReport.RunRecord> ok, int failed, double[] opsPerSec,
                           SampleStats stats, double nsPerOp) {
    }
}
