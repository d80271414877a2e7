package org.hakbench.rebase;

import java.util.List;
import java.util.Locale;

import org.hakbench.adapters.AllocatorKind;
import org.hakbench.results.OsCallCounts;
import org.hakbench.stats.Drift;
import org.hakbench.stats.SampleStats;

/**
 * The human-readable views of a {@link RebaseReport}: the console table and the markdown file, whose
 * first table has the columns of the seeds' Phase 48 "Comparison Table (All Allocators)".
 */
public final class RebaseTables {

    static final String NET_NOTE = "net ns/op: ns/op minus the loop's own cost, a JVM row's against `null` (the Java loop),"
            + " a native:* row's against `native:null` (the C twin, no JVM).";

    private RebaseTables() {
    }

    /** Console table, one allocator per line, plus warnings. */
    public static String console(RebaseReport report) {
        String ref = report.settings().reference();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-15s %9s %9s %8s %8s %7s %19s %9s %7s %9s %9s %11s %9s %6s%n",
                "allocator", "mean Mops", "median", "min", "max", "CV", "95% CI (M ops/s)", "Mops/CPUs", "ns/op", "net ns/op",
                "vs " + ref, "syscall/op", "peak MiB", "runs"));
        for (RebaseReport.AllocatorSummary s : report.summaries()) {
            SampleStats o = s.opsPerSec();
            out.append(String.format(Locale.ROOT, "%-15s %9.2f %9.2f %8.2f %8.2f %7s %19s %9.2f %7.2f %9s %9s %11s %9.1f %6s%n",
                    s.allocator(), o.mean() / 1e6, o.median() / 1e6, o.min() / 1e6, o.max() / 1e6, percent(o.cv()),
                    ci(o), s.opsPerCpuSec().mean() / 1e6, s.nsPerOp(), fixed(s.netNsPerOp()), percent(s.vsReference()), perOp(s.syscallsPerOp()),
                    s.peakRssKiB().max() / 1024, s.okRuns() + (s.failedRuns() > 0 ? "+" + s.failedRuns() + "F" : "")));
        }
        failedOnly(report).forEach(name -> out.append(String.format("%-15s every run failed%n", name)));
        out.append("Mops/CPUs: million iterations per CPU second of the loop thread (steady when the machine is busy).")
                .append(System.lineSeparator());
        out.append(NET_NOTE).append(System.lineSeparator());
        NativeHeadline.of(report).ifPresent(h -> out.append("headline: ").append(h.line()).append(System.lineSeparator()));
        report.warnings().forEach(w -> out.append("warning: ").append(w).append(System.lineSeparator()));
        return out.toString();
    }

    /** The markdown file written beside the JSON. */
    public static String markdown(RebaseReport report) {
        RebaseReport.Settings c = report.settings();
        String ref = c.reference();
        StringBuilder md = new StringBuilder();
        md.append("# hakbench rebase ").append(report.createdAt()).append("\n\n");
        md.append(String.format(Locale.ROOT, "random_mixed: iters=%d ws=%d seed=%d warmup=%d, %d runs per allocator, interleaved, one child JVM per run%s.%n%n",
                c.iters(), c.ws(), c.seed(), c.warmupIters(), c.runs(), c.profile() == null ? "" : ", hakmem profile " + c.profile()));
        var m = report.machine();
        md.append(String.format("Machine %s: %s, %d cores, kernel %s, %s, JDK %s (%s)%s.%n%n", m.id(), m.cpuModel(), m.cores(),
                m.kernel(), m.os(), m.jdkVersion(), m.jdkVendor(), m.gitCommit() == null ? "" : ", commit " + m.gitCommit()));

        NativeHeadline.of(report).ifPresent(h -> md.append("**Headline**: ").append(h.line()).append(".\n\n"));
        md.append("## Comparison Table (All Allocators)\n\n");
        md.append("| Allocator | Mean (M ops/s) | Median (M ops/s) | CV | vs ").append(ref).append(" | Binary type |\n");
        md.append("|---|---:|---:|---:|---:|---|\n");
        for (RebaseReport.AllocatorSummary s : report.summaries()) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %s | %s | %s |%n", s.allocator(), s.opsPerSec().mean() / 1e6,
                    s.opsPerSec().median() / 1e6, percent(s.opsPerSec().cv()), percent(s.vsReference()), binaryType(report, s.allocator())));
        }

        md.append("\n## Details\n\n");
        md.append("| Allocator | Min | Max | 95% CI of mean (M ops/s) | Mean per CPU s (M ops) | ns/op | net ns/op | syscalls/op | OS calls mmap/munmap/madvise/brk/mremap | peak RSS (MiB) | runs ok | failed | outliers |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
        for (RebaseReport.AllocatorSummary s : report.summaries()) {
            SampleStats o = s.opsPerSec();
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %s | %.2f | %.2f | %s | %s | %s | %.1f | %d | %d | %d |%n",
                    s.allocator(), o.min() / 1e6, o.max() / 1e6, ci(o), s.opsPerCpuSec().mean() / 1e6, s.nsPerOp(), fixed(s.netNsPerOp()),
                    perOp(s.syscallsPerOp()), calls(s.osCalls()), s.peakRssKiB().max() / 1024, s.okRuns(), s.failedRuns(),
                    s.outliers().count()));
        }
        md.append("\n").append(NET_NOTE).append(" Per CPU s: iterations per CPU second"
                + " of the loop thread, which leaves out time spent waiting for a core on a busy machine. Syscalls: ").append(c.syscallCounting()).append(".\n");

        md.append("\n## Environment Drift Analysis\n\n");
        if (report.previousRebase() == null) {
            md.append("No previous rebase in the results directory: this is the first baseline.\n");
        } else {
            md.append("Against ").append(report.previousRebase()).append(" (inside noise = a mean inside the other's 95% CI).\n\n");
            md.append("| Allocator | Previous | Current | Delta | Note |\n|---|---:|---:|---:|---|\n");
            for (RebaseReport.AllocatorSummary s : report.summaries()) {
                Drift d = s.drift();
                md.append(d == null
                        ? String.format(Locale.ROOT, "| %s | - | %.2fM | (initial) | First baseline |%n", s.allocator(), s.opsPerSec().mean() / 1e6)
                        : String.format(Locale.ROOT, "| %s | %.2fM | %.2fM | %+.2f%% | %s |%n", s.allocator(), d.previousMean() / 1e6,
                        d.currentMean() / 1e6, d.changePercent(), d.significant() ? "Environment drift (beyond noise)" : "Measurement variance (inside noise)"));
            }
        }
        List<RebaseReport.RunRecord> failed = report.runs().stream().filter(r -> !r.ok()).toList();
        if (!failed.isEmpty()) {
            md.append("\n## Failed runs\n\n");
            failed.forEach(r -> md.append("- ").append(r.allocator()).append(" run ").append(r.round()).append(": ").append(r.failure()).append('\n'));
        }
        if (!report.skipped().isEmpty() || !report.warnings().isEmpty()) {
            md.append("\n## Warnings\n\n");
            report.skipped().forEach(w -> md.append("- ").append(w).append('\n'));
            report.warnings().forEach(w -> md.append("- ").append(w).append('\n'));
        }
        return md.toString();
    }

    private static List<String> failedOnly(RebaseReport report) {
        return report.allocators().stream().map(RebaseReport.AllocatorInfo::name)
                .filter(n -> report.summary(n).isEmpty()).toList();
    }

    private static String binaryType(RebaseReport report, String allocator) {
        RebaseReport.AllocatorInfo info = report.allocators().stream().filter(a -> a.name().equals(allocator)).findFirst().orElseThrow();
        AllocatorKind kind = AllocatorKind.valueOf(info.kind());
        return switch (kind) {
            case EMBEDDED_HAKMEM -> "Integrated (Java, in-process)";
            case C_MALLOC -> info.preloadLibrary() == null ? "System (FFM downcall)" : "LD_PRELOAD (FFM downcall)";
            case NETTY_POOLED -> "Java (Netty pooled direct)";
            case NULL -> "Loop only (null)";
            case NATIVE_TWIN -> info.name().equals("native:null") ? "C twin, loop only (no JVM)"
                    : info.preloadLibrary() == null ? "C twin, system malloc (no JVM)" : "C twin, LD_PRELOAD (no JVM)";
        };
    }

    private static String percent(Double fraction) {
        return fraction == null ? "-" : String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    private static String fixed(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ci(SampleStats s) {
        return s.ci95Low() == null ? "-" : String.format(Locale.ROOT, "%.2f .. %.2f", s.ci95Low() / 1e6, s.ci95High() / 1e6);
    }

    private static String perOp(Double perOp) {
        return perOp == null ? "unknown" : String.format(Locale.ROOT, "%.2e", perOp);
    }

    private static String calls(OsCallCounts c) {
        if (c == null || !c.known()) {
            return c == null ? "unknown" : c.source();
        }
        return c.mmap() + "/" + c.munmap() + "/" + c.madvise() + "/" + (c.brk() < 0 ? "-" : c.brk()) + "/" + (c.mremap() < 0 ? "-" : c.mremap());
    }
}
