package org.hakbench.analyze;

import java.util.List;
import java.util.Locale;

/** The human summary of one analysed soak, as printed by {@code soak} and {@code analyze}. */
public final class SoakSummary {
    private SoakSummary() {
    }

    public static String format(SoakCsv csv, SoakAnalysis a) {
        StringBuilder sb = new StringBuilder();
        line(sb, "soak %s  [%s]", csv.file(), csv.label());
        line(sb, "  epochs           %d (warm-up %d, analysed %d, drift windows of %d), %.1f s, %,d ops",
                a.epochs(), a.warmupEpochs(), a.analysedEpochs(), a.windowEpochs(), a.elapsedSeconds(), a.totalOps());
        if (!csv.skipped().isEmpty()) {
            line(sb, "  skipped lines    %d (first: line %d: %s)", csv.skipped().size(),
                    csv.skipped().getFirst().lineNumber(), csv.skipped().getFirst().reason());
        }
        SoakAnalysis.Throughput t = a.throughput();
        line(sb, "  throughput       mean %s  median %s  CV %.2f%%  drift %s", mops(t.meanOpsPerS()), mops(t.medianOpsPerS()),
                t.cvPercent(), percent(t.driftPercent()));
        line(sb, "  ops/s over epochs min %s  p5 %s  p95 %s  max %s", mops(t.minOpsPerS()), mops(t.p5OpsPerS()),
                mops(t.p95OpsPerS()), mops(t.maxOpsPerS()));
        if (t.opsPerCpuSecond() != null && t.loopCpuSharePercent() != null) {
            line(sb, "  loop CPU         %s ops per CPU second; the loop ran %.1f%% of the wall time%s", mops(t.opsPerCpuSecond()),
                    t.loopCpuSharePercent(), t.loopCpuSharePercent() < 95 ? " (it waited for a core: a busy machine)" : "");
        }
        if (t.basis() != null) {
            line(sb, "  judged on        %s: %s%s", t.basis(), t.basisReason(), SoakAnalyzer.BASIS_CPU.equals(t.basis())
                    ? String.format(Locale.ROOT, " (CV %.2f%%, drift %s)", t.cpuCvPercent(), percent(t.cpuDriftPercent())) : "");
        }
        SoakAnalysis.Rss res = a.allocatorResident();
        if (res != null) {
            level(sb, "alloc resident", res);
        } else {
            line(sb, "  alloc resident   unknown: %s", a.allocatorResidentSource() == null
                    ? "the CSV has no alloc_resident_bytes column (written before schema 2)" : a.allocatorResidentSource());
        }
        level(sb, "process RSS", a.rss());
        if (a.jvmFloorRssKiB() != null) {
            line(sb, "  JVM floor        %s (the child's RSS before the allocator was made)", mib(a.jvmFloorRssKiB()));
        }
        line(sb, "  RSS checks on    %s", SoakAnalyzer.RSS_BASIS_ALLOCATOR.equals(a.rssBasis())
                ? "the allocator's resident bytes (" + a.allocatorResidentSource() + ")" : "process RSS (no allocator figure)");
        SoakAnalysis.Latency l = a.latency();
        line(sb, "  latency/batch    p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  (%s, %s ops/batch, %,d samples)",
                nanos(l.p50Nanos()), nanos(l.p90Nanos()), nanos(l.p99Nanos()), nanos(l.p999Nanos()), nanos(l.maxNanos()),
                l.source(), l.batchOps() == null ? "?" : l.batchOps().toString(), l.samples());
        SoakAnalysis.OsCalls o = a.osCalls();
        if (o.total() != null) {
            line(sb, "  OS calls         %d total, %s per op, %s per op after warm-up", o.total(), sci(o.perOp()),
                    sci(o.perOpAfterWarmup()));
        } else {
            line(sb, "  OS calls         not reported by this allocator");
        }
        SoakAnalysis.Verdict v = a.verdict();
        line(sb, "  verdict          %s (%s)", v.result(), v.reason());
        for (SoakAnalysis.Check c : v.checks()) {
            line(sb, "    %-26s %8s %s %s  %s", c.name(), c.value() == null ? "-" : String.format(Locale.ROOT, "%.2f", c.value()),
                    c.comparison(), String.format(Locale.ROOT, "%.2f", c.limit()), c.passed() ? "ok" : "MISSED");
        }
        return sb.toString();
    }

    /**
     * The soaks side by side, one row each: the allocator's resident bytes (first, last, peak, drift),
     * process RSS beside them, throughput and the verdict. What users compare across configurations.
     */
    public static String sideBySide(List<SoakCsv> csvs, List<SoakAnalysis> analyses) {
        StringBuilder sb = new StringBuilder();
        line(sb, "side by side (alloc resident = the allocator's own figure; RSS = the whole child JVM)");
        line(sb, "  %-34s %14s %14s %14s %9s %11s %11s %9s  %s", "soak", "resident first", "resident last", "resident peak",
                "drift", "RSS last", "median op/s", "CV", "verdict");
        for (int i = 0; i < csvs.size(); i++) {
            SoakAnalysis a = analyses.get(i);
            SoakAnalysis.Rss res = a.allocatorResident();
            SoakAnalysis.Throughput t = a.throughput();
            boolean cpu = SoakAnalyzer.BASIS_CPU.equals(t.basis());
            line(sb, "  %-34s %14s %14s %14s %9s %11s %11s %9s  %s", csvs.get(i).label(),
                    res == null ? "unknown" : mib(res.firstKiB()), res == null ? "unknown" : mib(res.lastKiB()),
                    res == null ? "unknown" : mib(res.peakKiB()), res == null ? "-" : percent(res.driftPercent()),
                    mib(a.rss().lastKiB()), mops(t.medianOpsPerS()),
                    String.format(Locale.ROOT, "%.2f%%%s", cpu ? t.cpuCvPercent() : t.cvPercent(), cpu ? "*" : ""),
                    a.verdict().result());
        }
        if (analyses.stream().anyMatch(a -> SoakAnalyzer.BASIS_CPU.equals(a.throughput().basis()))) {
            line(sb, "  * CV of ops per loop CPU-second (the loop waited for a core in some epoch)");
        }
        return sb.toString();
    }

    private static void level(StringBuilder sb, String name, SoakAnalysis.Rss r) {
        line(sb, "  %-16s first %s  last %s  peak %s  drift %s", name, mib(r.firstKiB()), mib(r.lastKiB()),
                mib(r.peakKiB()), percent(r.driftPercent()));
        if (r.slopeKiBPerHour() != null) {
            line(sb, "  %-16s %+.1f KiB/h (95%% CI %+.1f .. %+.1f)", name.equals("process RSS") ? "RSS slope" : "resident slope",
                    r.slopeKiBPerHour(), r.slopeCi95LowKiBPerHour(), r.slopeCi95HighKiBPerHour());
        }
    }

    private static void line(StringBuilder sb, String format, Object... args) {
        sb.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }

    private static String mops(double opsPerS) {
        return String.format(Locale.ROOT, "%.2fM", opsPerS / 1e6);
    }

    private static String mib(long kib) {
        return String.format(Locale.ROOT, "%.1f MiB", kib / 1024.0);
    }

    private static String percent(Double p) {
        return p == null ? "-" : String.format(Locale.ROOT, "%+.2f%%", p);
    }

    private static String nanos(Double ns) {
        return ns == null ? "-" : String.format(Locale.ROOT, "%.0f ns", ns);
    }

    private static String sci(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2e", v);
    }
}
