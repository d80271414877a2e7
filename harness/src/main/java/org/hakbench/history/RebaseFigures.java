package org.hakbench.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.hakbench.rebase.NativeHeadline;
import org.hakbench.rebase.RebaseReport;
import org.hakbench.rebase.RebaseReport.AllocatorInfo;
import org.hakbench.rebase.RebaseReport.AllocatorSummary;
import org.hakbench.rebase.RebaseRunResult;
import org.hakbench.results.MachineFingerprint;
import org.hakbench.results.ResultFiles;

/**
 * A rebase file reduced to what verdicts, history and the scorecard compare: per allocator
 * configuration the raw ops/s of every successful run and the rebase's derived figures.
 *
 * <p>A configuration is named {@code allocator} or, for hakmem, {@code hakmem:PROFILE[,HAKMEM_X=V...]}
 * (the profile and the extra variables its children had), so two files compare like for like only when
 * the names are equal.
 *
 * @param file       the rebase file
 * @param createdAt  when the rebase ran
 * @param machine    where
 * @param workload   settings both sides of a comparison must share (iters, ws, seed, warm-up, JVM options)
 * @param configurations one per measured allocator with successful runs, in the file's order
 * @param nativeHeadline hakmem against native mimalloc ({@link NativeHeadline#line()}), or null without C twin rows
 */
public record RebaseFigures(Path file, Instant createdAt, MachineFingerprint machine, SortedMap<String, String> workload,
                            List<Configuration> configurations, String nativeHeadline) {

    /**
     * @param name          configuration name (see above)
     * @param allocator     allocator registry name
     * @param runs          every successful timed run, in run order
     * @param summary       the rebase's statistics of this allocator
     */
    public record Configuration(String name, String allocator, List<RebaseRunResult> runs, AllocatorSummary summary) {
        public Configuration {
            runs = List.copyOf(runs);
        }

        /** Wall-clock ops/s of every successful run, in run order. */
        public double[] opsPerSecond() {
            return runs.stream().mapToDouble(RebaseRunResult::opsPerSec).toArray();
        }
    }

    /** Loads {@code file}; another kind or schema, corrupt JSON -> IllegalArgumentException naming the file. */
    public static RebaseFigures load(Path file) {
        return of(file, ResultFiles.load(file, RebaseReport.class, RebaseReport.KIND, RebaseReport.SCHEMA));
    }

    /** Every rebase in {@code resultsDir}, newest first. */
    public static List<RebaseFigures> loadAll(Path resultsDir) {
        return ResultFiles.list(resultsDir, RebaseReport.KIND).stream().map(RebaseFigures::load).toList();
    }

    /** As {@link #loadAll}, a file that does not load skipped into {@code skipped} (or thrown when {@code strict}). */
    public static List<RebaseFigures> loadAll(Path resultsDir, boolean strict, List<String> skipped) {
        return ResultFiles.loadSkipping(ResultFiles.list(resultsDir, RebaseReport.KIND), RebaseFigures::load, strict, skipped);
    }

    static RebaseFigures of(Path file, RebaseReport report) {
        RebaseReport.Settings s = report.settings();
        TreeMap<String, String> workload = new TreeMap<>();
        workload.put("iters", Long.toString(s.iters()));
        workload.put("ws", Integer.toString(s.ws()));
        workload.put("seed", Long.toString(s.seed()));
        workload.put("warmupIters", Long.toString(s.warmupIters()));
        workload.put("warmupChunkOps", Long.toString(s.warmupChunkOps()));
        workload.put("jvmOptions", String.join(" ", measuredJvmOptions(s.jvmOptions())));
        List<Configuration> configurations = new ArrayList<>();
        for (AllocatorSummary summary : report.summaries()) {
            List<RebaseRunResult> runs = report.runs().stream()
                    .filter(r -> r.ok() && r.allocator().equals(summary.allocator()))
                    .map(RebaseReport.RunRecord::result).toList();
            configurations.add(new Configuration(configurationName(report, summary.allocator()), summary.allocator(), runs, summary));
        }
        return new RebaseFigures(file, report.createdAt(), report.machine(), workload, List.copyOf(configurations),
                NativeHeadline.of(report).map(NativeHeadline::line).orElse(null));
    }

    /**
     * The JVM options that can change the timed loop. Class-data-sharing options only change class
     * loading at start-up (ChildLauncher), and their archive path differs per checkout and build, so
     * they must not make two rebases incomparable.
     */
    static List<String> measuredJvmOptions(List<String> jvmOptions) {
        return jvmOptions.stream()
                .filter(o -> !o.startsWith("-XX:SharedArchiveFile=") && !o.equals("-XX:+AutoCreateSharedArchive") && !o.startsWith("-Xshare:"))
                .toList();
    }

    /** {@code allocator}, or {@code hakmem:PROFILE[,HAKMEM_X=V...]} from the children's HAKMEM_* environment. */
    static String configurationName(RebaseReport report, String allocator) {
        Map<String, String> env = report.allocators().stream().filter(a -> a.name().equals(allocator)).findFirst()
                .map(AllocatorInfo::childEnvironment).orElse(Map.of());
        TreeMap<String, String> hakmem = new TreeMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("HAKMEM_")) {
                hakmem.put(k, v);
            }
        });
        String profile = hakmem.remove("HAKMEM_PROFILE");
        if (profile == null) {
            // no profile set: the allocator ran its default; its runs recorded the effective one
            profile = report.runs().stream().filter(r -> r.ok() && r.allocator().equals(allocator))
                    .map(r -> r.result().effectiveConfig().get("HAKMEM_PROFILE")).filter(p -> p != null).findFirst().orElse(null);
        }
        if (profile == null && hakmem.isEmpty()) {
            return allocator;
        }
        StringBuilder name = new StringBuilder(allocator);
        if (profile != null) {
            name.append(':').append(profile);
        }
        hakmem.forEach((k, v) -> name.append(',').append(k).append('=').append(v));
        return name.toString();
    }

    /** The configuration named {@code name}, or the only one of allocator {@code name}. */
    public Optional<Configuration> configuration(String name) {
        Optional<Configuration> exact = configurations.stream().filter(c -> c.name().equals(name)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<Configuration> byAllocator = configurations.stream().filter(c -> c.allocator().equals(name)).toList();
        return byAllocator.size() == 1 ? Optional.of(byAllocator.getFirst()) : Optional.empty();
    }
}
