package org.hakbench.scorecard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;

import org.hakbench.scorecard.ScorecardInputs.MachineSnapshot;
import org.hakbench.scorecard.ScorecardInputs.SnapshotRow;
import org.hakbench.scorecard.ScorecardInputs.SoakLine;
import org.hakbench.scorecard.ScorecardInputs.VerdictLogEntry;

/**
 * Renders the managed blocks of PERFORMANCE_TARGETS_SCORECARD.md from {@link ScorecardInputs}. Pure:
 * no clock, no file access, so the same inputs give the same text. Machines are kept apart: every
 * table is per machine fingerprint id.
 */
public final class ScorecardRenderer {

    public static final String SNAPSHOT = "snapshot";
    public static final String TARGETS = "targets";
    public static final String SYSCALLS = "syscalls";
    public static final String RSS = "rss";
    public static final String SOAK = "soak";
    public static final String VERDICTS = "verdicts";
    public static final String TREND = "trend";
    public static final String CALIBRATION = "calibration";
    public static final String REAL_PROGRAMS = "real-programs";

    /** Headings written above blocks that are new to a file (outside the markers, so users may edit them). */
    public static final Map<String, String> HEADINGS = Map.of(
            SNAPSHOT, "## Current snapshot (random_mixed, one table per machine)",
            TARGETS, "## Targets and milestones",
            SYSCALLS, "## Syscall budget",
            RSS, "## RSS tax",
            SOAK, "## Soak stability",
            VERDICTS, "## Verdict log (newest first, append-only)",
            TREND, "## Trend",
            CALIBRATION, "## Verdict calibration (A/A runs, per machine)",
            REAL_PROGRAMS, "## Real programs (recorded allocation traces, replayed)");

    private ScorecardRenderer() {
    }

    /** Bodies of every block, in file order. {@code existingVerdictLog} is the verdict block already in the file. */
    public static SequencedMap<String, String> render(ScorecardInputs in, Optional<String> existingVerdictLog) {
        SequencedMap<String, String> blocks = new LinkedHashMap<>();
        blocks.put(SNAPSHOT, snapshot(in));
        blocks.put(TARGETS, targets(in));
        blocks.put(SYSCALLS, syscalls(in));
        blocks.put(RSS, rss(in));
        blocks.put(SOAK, soak(in));
        blocks.put(VERDICTS, verdictLog(in.verdicts(), existingVerdictLog.orElse("")));
        blocks.put(TREND, trend(in));
        blocks.put(CALIBRATION, calibration(in));
        blocks.put(REAL_PROGRAMS, realPrograms(in));
        return blocks;
    }

    private static String machineHeader(MachineSnapshot m) {
        return "### Machine `" + m.machineId() + "`: " + m.machineDescription() + "\n\n"
                + "From `" + m.source() + "` (" + m.createdAt() + "); workload " + m.workload() + ".\n\n";
    }

    private static String snapshot(ScorecardInputs in) {
        if (in.snapshots().isEmpty()) {
            return "_No rebase result in results/ yet: run `hakbench rebase`._";
        }
        StringBuilder b = new StringBuilder();
        for (MachineSnapshot m : in.snapshots()) {
            b.append(machineHeader(m));
            if (m.nativeHeadline() != null) {
                b.append("**Headline**: ").append(m.nativeHeadline()).append(".\n\n");
            }
            Optional<SnapshotRow> ref = find(m, in.targets().reference());
            String reference = in.targets().reference();
            b.append("| allocator | runs | ops/s (mean) | CV | net ns/op | vs ").append(reference)
                    .append(" | ops per CPU-s (mean) | CV | vs ").append(reference).append(" (CPU) |\n");
            b.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (SnapshotRow r : m.rows()) {
                b.append("| ").append(r.configuration()).append(" | ").append(r.runs())
                        .append(" | ").append(millions(r.meanOpsPerSecond()))
                        .append(" | ").append(percent(r.cvPercent()))
                        .append(" | ").append(fixed(r.netNsPerOp(), 2))
                        .append(" | ").append(ref.map(x -> percent(100 * r.meanOpsPerSecond() / x.meanOpsPerSecond())).orElse("n/a"))
                        .append(" | ").append(Double.isNaN(r.meanOpsPerCpuSecond()) ? "n/a" : millions(r.meanOpsPerCpuSecond()))
                        .append(" | ").append(percent(r.cpuCvPercent()))
                        .append(" | ").append(ref.map(x -> percent(100 * r.meanOpsPerCpuSecond() / x.meanOpsPerCpuSecond())).orElse("n/a"))
                        .append(" |\n");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String targets(ScorecardInputs in) {
        Targets t = in.targets();
        StringBuilder b = new StringBuilder();
        b.append("Milestones: ops/s of `").append(t.subject()).append("` as a fraction of `").append(t.reference())
                .append("`, measured side by side in one rebase. With SE the standard error of the ratio (from both sides' CV and\n"
                        + "run counts): ACHIEVED when ratio - 2 SE reaches the target, NOT YET when ratio + 2 SE stays below it, WITHIN NOISE\n"
                        + "otherwise (the seeds' \"achieved within statistical noise\").\n\n");
        if (in.snapshots().isEmpty()) {
            return b.append("_No rebase result yet._").toString();
        }
        for (MachineSnapshot m : in.snapshots()) {
            Optional<SnapshotRow> subject = find(m, t.subject());
            Optional<SnapshotRow> ref = find(m, t.reference());
            b.append("Machine `").append(m.machineId()).append("`: ");
            if (subject.isEmpty() || ref.isEmpty()) {
                b.append("the rebase has no ").append(subject.isEmpty() ? "`" + t.subject() + "`" : "`" + t.reference() + "`")
                        .append(" row; no milestone status.\n\n");
                continue;
            }
            SnapshotRow s = subject.get();
            SnapshotRow r = ref.get();
            double[] wall = ratioAndSe(s.meanOpsPerSecond(), s.cvPercent(), s.runs(), r.meanOpsPerSecond(), r.cvPercent(), r.runs());
            double[] cpu = ratioAndSe(s.meanOpsPerCpuSecond(), s.cpuCvPercent(), s.runs(), r.meanOpsPerCpuSecond(), r.cpuCvPercent(), r.runs());
            b.append(String.format(Locale.ROOT, "ratio %.2f%% (standard error %.2f points)", wall[0] * 100, wall[1] * 100));
            if (!Double.isNaN(cpu[0])) {
                b.append(String.format(Locale.ROOT, "; by CPU time of the loop thread %.2f%% (standard error %.2f points)", cpu[0] * 100, cpu[1] * 100));
            }
            b.append("\n\n| milestone | target | wall-clock ratio | status | CPU-time ratio | status |\n| --- | ---: | ---: | --- | ---: | --- |\n");
            for (Map.Entry<String, Double> e : t.milestones().entrySet()) {
                double target = e.getValue();
                b.append("| ").append(e.getKey()).append(" | ").append(percent(target * 100)).append(" of ").append(t.reference())
                        .append(" | ").append(percent(wall[0] * 100)).append(" | ").append(status(wall, target))
                        .append(" | ").append(percent(cpu[0] * 100)).append(" | ").append(Double.isNaN(cpu[0]) ? "n/a" : status(cpu, target))
                        .append(" |\n");
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** {ratio, standard error of the ratio} of two means with their CVs (percent) and run counts; NaN when unknown. */
    private static double[] ratioAndSe(double subjectMean, double subjectCvPercent, int subjectRuns,
                                       double referenceMean, double referenceCvPercent, int referenceRuns) {
        double ratio = subjectMean / referenceMean;
        double se = ratio * Math.sqrt(sq(subjectCvPercent / 100) / subjectRuns + sq(referenceCvPercent / 100) / referenceRuns);
        return new double[] {ratio, se};
    }

    private static String status(double[] ratioAndSe, double target) {
        double ratio = ratioAndSe[0];
        double se = ratioAndSe[1];
        return ratio - 2 * se >= target ? "ACHIEVED" : ratio + 2 * se < target ? "NOT YET" : "WITHIN NOISE";
    }

    private static String syscalls(ScorecardInputs in) {
        Targets t = in.targets();
        double budget = t.syscallBudgetPerOp();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "OS memory calls (mmap + munmap + madvise) per op during the timed loop; budget for `%s`: %.1e / op "
                        + "(other allocators for reference).\n\n", t.subject(), budget));
        if (in.snapshots().isEmpty()) {
            return b.append("_No rebase result yet._").toString();
        }
        for (MachineSnapshot m : in.snapshots()) {
            b.append("Machine `").append(m.machineId()).append("`:\n\n| allocator | calls / op | status |\n| --- | ---: | --- |\n");
            for (SnapshotRow r : m.rows()) {
                String status = Double.isNaN(r.osCallsPerOp()) ? "not measured"
                        : !r.configuration().equals(t.subject()) ? "-"
                        : r.osCallsPerOp() <= budget ? "PASS" : "OVER BUDGET";
                b.append("| ").append(r.configuration()).append(" | ")
                        .append(Double.isNaN(r.osCallsPerOp()) ? "n/a" : String.format(Locale.ROOT, "%.2e", r.osCallsPerOp()))
                        .append(" | ").append(status).append(" |\n");
            }
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * Each run is a whole JVM, so peak RSS includes the JVM itself; the null allocator's run (same loop,
     * no allocator) is that floor, and the allocator's own cost is its peak minus null's.
     */
    private static String rss(ScorecardInputs in) {
        Targets t = in.targets();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "Peak RSS (VmHWM) of one run's child JVM. A JVM has a floor of its own, so the allocator's cost is the peak\n"
                        + "minus the `null` allocator's peak (same loop, no allocator); the tax is the difference to `%s`.\n"
                        + "Target for `%s`: at most %.0f MiB over `null`.\n\n", t.reference(), t.subject(), t.peakRssMaxMiB()));
        if (in.snapshots().isEmpty()) {
            return b.append("_No rebase result yet._").toString();
        }
        for (MachineSnapshot m : in.snapshots()) {
            Optional<SnapshotRow> ref = find(m, t.reference()).filter(r -> !Double.isNaN(r.peakRssKiB()));
            Optional<SnapshotRow> floor = find(m, "null").filter(r -> !Double.isNaN(r.peakRssKiB()));
            b.append("Machine `").append(m.machineId()).append("`:\n\n| allocator | peak RSS | over null | tax vs ")
                    .append(t.reference()).append(" |\n| --- | ---: | ---: | ---: |\n");
            for (SnapshotRow r : m.rows()) {
                boolean known = !Double.isNaN(r.peakRssKiB());
                b.append("| ").append(r.configuration())
                        .append(" | ").append(known ? mib(r.peakRssKiB()) : "n/a")
                        .append(" | ").append(known && floor.isPresent() ? signedMib(r.peakRssKiB() - floor.get().peakRssKiB()) : "n/a")
                        .append(" | ").append(known && ref.isPresent() ? signedMib(r.peakRssKiB() - ref.get().peakRssKiB()) : "n/a")
                        .append(" |\n");
            }
            Optional<SnapshotRow> subject = find(m, t.subject()).filter(r -> !Double.isNaN(r.peakRssKiB()));
            if (subject.isPresent() && floor.isPresent()) {
                double ownMiB = (subject.get().peakRssKiB() - floor.get().peakRssKiB()) / 1024;
                b.append(String.format(Locale.ROOT, "\n`%s`: %+.1f MiB over null, target <= %.0f MiB: %s\n", t.subject(), ownMiB,
                        t.peakRssMaxMiB(), ownMiB <= t.peakRssMaxMiB() ? "PASS" : "OVER"));
            } else {
                b.append("\nNo target status: the rebase needs both `").append(t.subject()).append("` and `null` rows.\n");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String mib(double kib) {
        return String.format(Locale.ROOT, "%.1f MiB", kib / 1024);
    }

    private static String signedMib(double kib) {
        return String.format(Locale.ROOT, "%+.1f MiB", kib / 1024);
    }

    private static String soak(ScorecardInputs in) {
        if (in.soaks().isEmpty()) {
            return "_No soak result in results/ yet: run `hakbench soak`._";
        }
        StringBuilder b = new StringBuilder("Each soak is judged by `hakbench analyze` against the targets recorded in its file: "
                + "RSS drift on the allocator's own resident bytes (`resident`; process RSS for files without them, `process`), "
                + "ops/s drift and CV per wall second (`wall`) or per loop CPU-second when the loop waited for a core (`cpu`).\n\n"
                + "| machine | allocator | duration | ops/s drift | RSS drift | CV | peak resident | peak process RSS | verdict | plot | source |\n"
                + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |\n");
        for (SoakLine s : in.soaks()) {
            String tput = SOAK_CPU_BASIS.equals(s.throughputBasis()) ? " cpu" : " wall";
            b.append("| `").append(s.machineId()).append("` | ").append(s.configuration())
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f s", s.durationSeconds()))
                    .append(" | ").append(signedPercent(s.opsDriftPercent())).append(tput)
                    .append(" | ").append(signedPercent(s.rssDriftPercent()))
                    .append(SOAK_RESIDENT_BASIS.equals(s.rssBasis()) ? " resident" : " process")
                    .append(" | ").append(percent(s.cvPercent())).append(tput)
                    .append(" | ").append(s.peakResidentKiB() == null ? "unknown" : String.format(Locale.ROOT, "%.1f MiB", s.peakResidentKiB() / 1024.0))
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f MiB", s.peakRssKiB() / 1024.0))
                    .append(" | ").append(s.verdict()).append(s.reason() == null || s.reason().isBlank() ? "" : ": " + cell(s.reason()))
                    .append(" | ").append(s.plotFile() == null ? "n/a" : "[plot](" + s.plotFile() + ")")
                    .append(" | `").append(s.source()).append("` |\n");
        }
        return b.toString();
    }

    private static final String SOAK_CPU_BASIS = org.hakbench.analyze.SoakAnalyzer.BASIS_CPU;
    private static final String SOAK_RESIDENT_BASIS = org.hakbench.analyze.SoakAnalyzer.RSS_BASIS_ALLOCATOR;

    /** Per machine: median ops/s per trace and allocator, hakmem's ratio to each other, and the geometric mean over traces. */
    private static String realPrograms(ScorecardInputs in) {
        if (in.realPrograms().isEmpty()) {
            return "_No replay in results/ yet: run `scripts/record-traces` and `hakbench replay results/traces/*.trace.gz`._";
        }
        StringBuilder sb = new StringBuilder();
        for (ScorecardInputs.RealPrograms rp : in.realPrograms()) {
            List<String> others = rp.allocators().stream().filter(a -> !a.startsWith("hakmem")).toList();
            String hakmem = rp.allocators().stream().filter(a -> a.startsWith("hakmem")).findFirst().orElse(null);
            sb.append("Machine `").append(rp.machineId()).append("`, `").append(rp.source()).append("` (").append(rp.createdAt())
                    .append("), median M ops/s per trace; hakmem / other > 1 is hakmem faster:\n\n");
            sb.append("| trace |");
            rp.allocators().forEach(a -> sb.append(' ').append(a).append(" |"));
            others.forEach(a -> sb.append(" hakmem / ").append(a).append(" |"));
            sb.append("\n| --- |");
            rp.allocators().forEach(a -> sb.append(" ---: |"));
            others.forEach(a -> sb.append(" ---: |"));
            sb.append('\n');
            Map<String, List<Double>> ratios = new LinkedHashMap<>();
            rp.opsPerSecond().forEach((trace, row) -> {
                sb.append("| ").append(trace).append(" |");
                rp.allocators().forEach(a -> sb.append(' ').append(row.containsKey(a) ? String.format(Locale.ROOT, "%.2f", row.get(a) / 1e6) : "-").append(" |"));
                for (String o : others) {
                    Double h = hakmem == null ? null : row.get(hakmem);
                    Double v = row.get(o);
                    if (h != null && v != null && v > 0) {
                        ratios.computeIfAbsent(o, k -> new ArrayList<>()).add(h / v);
                        sb.append(String.format(Locale.ROOT, " %.2fx |", h / v));
                    } else {
                        sb.append(" - |");
                    }
                }
                sb.append('\n');
            });
            sb.append("| geometric mean |");
            rp.allocators().forEach(a -> sb.append(" |"));
            for (String o : others) {
                List<Double> r = ratios.getOrDefault(o, List.of());
                sb.append(r.isEmpty() ? " - |" : String.format(Locale.ROOT, " %.2fx |",
                        Math.exp(r.stream().mapToDouble(Math::log).average().orElse(0))));
            }
            sb.append("\n\n");
        }
        return sb.toString().stripTrailing() + "\n";
    }

    private static String calibration(ScorecardInputs in) {
        if (in.calibrations().isEmpty()) {
            return "_No calibration in results/ yet: run `hakbench calibrate`._";
        }
        StringBuilder b = new StringBuilder("From `hakbench calibrate`: A/A trials (both sides the same configuration), so any GO or "
                + "NO-GO is a false alarm; the detectable slowdown is the smallest one a verdict catches 80% of the time with "
                + "that many runs a side on this machine.\n\n"
                + "| machine | configuration | trials x pairs | false alarms (95% upper bound) | run-to-run CV |");
        List<Integer> runs = in.calibrations().getFirst().runsPerSideReported();
        for (int n : runs) {
            b.append(" slowdown caught, ").append(n).append(" runs (ab / verdict) |");
        }
        b.append(" source |\n| --- | --- | ---: | ---: | ---: |");
        runs.forEach(n -> b.append(" ---: |"));
        b.append(" --- |\n");
        for (ScorecardInputs.CalibrationLine c : in.calibrations()) {
            b.append("| `").append(c.machineId()).append("` | ").append(c.configuration()).append(" | ").append(c.trials()).append(" x ")
                    .append(c.runsPerSide()).append(" | ").append(c.falseAlarms()).append(" of ").append(c.trials())
                    .append(String.format(Locale.ROOT, " (%.1f%%)", c.falseAlarmCi95HighPercent()))
                    .append(" | ").append(percent(c.runToRunCvPercent())).append(" |");
            for (int i = 0; i < c.runsPerSideReported().size(); i++) {
                Double ab = c.abSlowdownPercent().get(i);
                b.append(' ').append(ab == null ? "n/a" : String.format(Locale.ROOT, "%+.2f%%", ab)).append(" / ")
                        .append(String.format(Locale.ROOT, "%+.2f%%", c.verdictSlowdownPercent().get(i))).append(" |");
            }
            b.append(" `").append(c.source()).append("` |\n");
        }
        return b.toString();
    }

    private static String signedPercent(Double p) {
        return p == null ? "n/a" : String.format(Locale.ROOT, "%+.2f%%", p);
    }

    static final String VERDICT_HEADER = "| created (UTC) | verdict | baseline | candidate | reason | source |\n| --- | --- | --- | --- | --- | --- |\n";

    /**
     * Rows of the existing log are kept verbatim (verdict files may be gone from results/, the log is
     * the history); verdicts not yet logged are added; all rows sorted newest first by their ISO timestamp.
     */
    static String verdictLog(List<VerdictLogEntry> verdicts, String existing) {
        Map<String, String> rowsBySource = new LinkedHashMap<>();
        for (String line : existing.split("\n")) {
            List<String> cells = cells(line);
            if (cells.size() == 6 && !cells.getFirst().startsWith("---") && !cells.getFirst().equals("created (UTC)")) {
                rowsBySource.put(cells.getLast(), line.strip());
            }
        }
        for (VerdictLogEntry v : verdicts) {
            String key = "`" + v.source() + "`";
            rowsBySource.putIfAbsent(key, "| " + v.createdAt() + " | " + v.decision() + " | " + cell(v.baseline()) + " | "
                    + cell(v.candidate()) + " | " + cell(v.reason()) + " | " + key + " |");
        }
        if (rowsBySource.isEmpty()) {
            return "_No verdict yet: run `hakbench verdict` or `hakbench ab`._";
        }
        List<String> rows = new ArrayList<>(rowsBySource.values());
        rows.sort(Comparator.comparing((String row) -> cells(row).getFirst()).reversed().thenComparing(Comparator.naturalOrder()));
        return VERDICT_HEADER + String.join("\n", rows) + "\n";
    }

    private static String trend(ScorecardInputs in) {
        if (in.trends().isEmpty()) {
            return "_No history yet: the trend needs results in results/._";
        }
        StringBuilder b = new StringBuilder();
        for (ScorecardInputs.TrendLine t : in.trends()) {
            b.append("![").append(t.metric()).append(" trend](").append(t.plotFile()).append(")\n\n");
            b.append(t.seriesCount()).append(" series, ").append(t.pointCount()).append(" points; regressions by change-point detection (E-divisive means): ")
                    .append(t.regressions().isEmpty() ? "none" : String.join("; ", t.regressions())).append("\n\n");
        }
        return b.toString();
    }

    private static Optional<SnapshotRow> find(MachineSnapshot m, String configuration) {
        return m.rows().stream().filter(r -> r.configuration().equals(configuration)).findFirst();
    }

    private static List<String> cells(String line) {
        String s = line.strip();
        if (!s.startsWith("|") || !s.endsWith("|") || s.length() < 2) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String c : s.substring(1, s.length() - 1).split("(?<!\\\\)\\|", -1)) {
            out.add(c.strip());
        }
        return out;
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static double sq(double x) {
        return x * x;
    }

    private static String millions(double opsPerSecond) {
        return String.format(Locale.ROOT, "%.3f M", opsPerSecond / 1e6);
    }

    private static String percent(double p) {
        return Double.isNaN(p) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", p);
    }

    private static String fixed(double v, int digits) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
