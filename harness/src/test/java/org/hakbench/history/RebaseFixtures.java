package org.hakbench.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hakbench.rebase.RebaseReport;
import org.hakbench.rebase.RebaseRunResult;
import org.hakbench.results.Json;
import org.hakbench.results.MachineFingerprint;
import org.hakbench.results.OsCallCounts;
import org.hakbench.results.ResultFiles;
import org.hakbench.stats.Outliers;
import org.hakbench.stats.SampleStats;

/**
 * Writes synthetic but schema-true rebase files (the real {@link RebaseReport} record through the shared
 * Json mapper), so verdict, history and scorecard tests read exactly what {@code hakbench rebase} writes.
 */
public final class RebaseFixtures {

    public static final long ITERS = 1_000_000;

    private RebaseFixtures() {
    }

    public static MachineFingerprint machine(String cpu) {
        return new MachineFingerprint(cpu, 2, "6.1.0", "Debian 12 amd64", "25+36", "Eclipse Adoptium",
                new TreeMap<>(Map.of("libc6", "2.36")), "abc123");
    }

    /** A builder of one rebase: allocators with their ops/s per run. */
    public static final class Rebase {
        private final Instant createdAt;
        private MachineFingerprint machine = RebaseFixtures.machine("Test CPU");
        private String profile = "MIXED_TINYV3_C7_SAFE";
        private long iters = ITERS;
        private List<String> jvmOptions = List.of("-Xms64m");
        private final Map<String, double[]> opsByAllocator = new LinkedHashMap<>();
        private final Map<String, Long> peakRssKiB = new LinkedHashMap<>();

        public Rebase(Instant createdAt) {
            this.createdAt = createdAt;
        }

        public Rebase machine(MachineFingerprint m) {
            this.machine = m;
            return this;
        }

        public Rebase profile(String p) {
            this.profile = p;
            return this;
        }

        public Rebase iters(long n) {
            this.iters = n;
            return this;
        }

        public Rebase jvmOptions(String... options) {
            this.jvmOptions = List.of(options);
            return this;
        }

        public Rebase allocator(String name, long peakRss, double... opsPerSecond) {
            opsByAllocator.put(name, opsPerSecond);
            peakRssKiB.put(name, peakRss);
            return this;
        }

        public RebaseReport report() {
            List<RebaseReport.RunRecord> runs = new ArrayList<>();
            List<RebaseReport.AllocatorInfo> infos = new ArrayList<>();
            List<RebaseReport.AllocatorSummary> summaries = new ArrayList<>();
            double nullNs = opsByAllocator.containsKey("null") ? 1e9 / SampleStats.of(opsByAllocator.get("null")).mean() : Double.NaN;
            double refMean = opsByAllocator.containsKey("mimalloc") ? SampleStats.of(opsByAllocator.get("mimalloc")).mean() : Double.NaN;
            for (Map.Entry<String, double[]> e : opsByAllocator.entrySet()) {
                String name = e.getKey();
                boolean hakmem = name.equals("hakmem");
                Map<String, String> env = hakmem ? Map.of("HAKMEM_PROFILE", profile) : Map.of();
                infos.add(new RebaseReport.AllocatorInfo(name, hakmem ? "EMBEDDED_HAKMEM" : "C_MALLOC", name, null, null, "1", env));
                double[] ops = e.getValue();
                for (int i = 0; i < ops.length; i++) {
                    OsCallCounts os = hakmem ? new OsCallCounts(9, 0, 9, 0, 0, "hakmem-stats") : OsCallCounts.unknown("not counted");
                    RebaseRunResult r = new RebaseRunResult(name, name, hakmem ? Map.of("HAKMEM_PROFILE", profile) : Map.of(),
                            iters, 1000, 1_000_000, (long) (iters * 1e9 / ops[i]), ops[i],
                            (long) (iters * 1e9 / ops[i] * 0.95), ops[i] / 0.95, iters / 2, iters / 2, 40_000,
                            peakRssKiB.get(name), os, 300, 450);
                    runs.add(new RebaseReport.RunRecord(runs.size() + 1, i + 1, name, true, null, null, 500_000_000L, r, null));
                }
                SampleStats stats = SampleStats.of(ops);
                double ns = 1e9 / stats.mean();
                OsCallCounts os = hakmem ? new OsCallCounts(9, 0, 9, 0, 0, "hakmem-stats") : OsCallCounts.unknown("not counted");
                double[] perCpu = java.util.Arrays.stream(ops).map(o -> o / 0.95).toArray();
                summaries.add(new RebaseReport.AllocatorSummary(name, ops.length, 0, stats, SampleStats.of(perCpu), ns,
                        Double.isNaN(nullNs) ? null : ns - nullNs, Double.isNaN(refMean) ? null : stats.mean() / refMean,
                        Outliers.of(ops), false, os, hakmem ? 18.0 / iters : null,
                        SampleStats.of(peakRssKiB.get(name)), null));
            }
            RebaseReport.Settings settings = new RebaseReport.Settings(opsByAllocator.values().iterator().next().length, iters, 400, 42,
                    1000, 2000, profile, "mimalloc", 300, jvmOptions, "strace");
            return new RebaseReport(RebaseReport.SCHEMA, RebaseReport.KIND, createdAt, machine, settings, infos, List.of(), runs,
                    List.of(), summaries, List.of(), null);
        }

        /** Writes {@code rebase-<stamp>.json} into {@code dir} and returns its path. */
        public Path write(Path dir) {
            Path file = ResultFiles.newJsonFile(dir, RebaseReport.KIND, createdAt);
            Json.writeFile(file, report());
            return file;
        }
    }
}
