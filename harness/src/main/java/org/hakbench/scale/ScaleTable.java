package org.hakbench.scale;

import java.util.List;
import java.util.Locale;

import org.hakbench.stats.PairedRatio;
import org.hakbench.stats.SampleStats;

/** The console (and markdown) table of a scale result: one row per (allocator, threads). */
public final class ScaleTable {
    private ScaleTable() {
    }

    /** reference: the allocator of the last column ({@link ScalePoint#vsReference}), or null for no such column. */
    public static String markdown(List<ScalePoint> points, int baseThreads, String reference) {
        StringBuilder sb = new StringBuilder();
        sb.append("| allocator | threads | runs ok/failed | median ops/s | min .. max ops/s | CV % | speed-up vs ")
                .append(baseThreads).append(" thr | median ops/CPU-s | peak RSS MiB |");
        if (reference != null) {
            sb.append(" vs ").append(reference).append(", run by run (95% CI) |");
        }
        sb.append("\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |").append(reference != null ? " ---: |" : "").append('\n');
        for (ScalePoint p : points) {
            sb.append("| ").append(p.allocator())
                    .append(" | ").append(p.threads())
                    .append(" | ").append(p.okRuns()).append('/').append(p.failedRuns());
            if (!p.measured()) {
                sb.append(" | failed | - | - | - | - | - |").append(reference != null ? " - |" : "").append('\n');
                continue;
            }
            SampleStats ops = p.opsPerSecond();
            sb.append(" | ").append(millions(ops.median()))
                    .append(" | ").append(millions(ops.min())).append(" .. ").append(millions(ops.max()))
                    .append(" | ").append(ops.cv() == null ? "-" : String.format(Locale.ROOT, "%.1f", 100 * ops.cv()))
                    .append(" | ").append(p.speedUp() == null ? "-" : String.format(Locale.ROOT, "%.2fx", p.speedUp()))
                    .append(" | ").append(p.opsPerCpuSecond() == null ? "-" : millions(p.opsPerCpuSecond().median()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", p.peakRssKiB() / 1024.0))
                    .append(" |");
            if (reference != null) {
                sb.append(' ').append(ratio(p, reference)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** "1.04x [0.981, 1.102] level" (three decimals, so a bound just above 1 does not print as 1.00);
     * "(reference)" for the reference itself, "-" where no run pairs up. */
    static String ratio(ScalePoint p, String reference) {
        PairedRatio r = p.vsReference();
        if (r == null) {
            return p.allocator().equals(reference) ? "(reference)" : "-";
        }
        return r.describe();
    }

    /** Ops/s as millions with 3 significant decimals: "12.345 M". */
    static String millions(double opsPerSecond) {
        return String.format(Locale.ROOT, "%.3f M", opsPerSecond / 1e6);
    }
}
