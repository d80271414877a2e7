package org.hakbench.verdict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.hakbench.history.RebaseFigures;
import org.hakbench.results.AtomicFiles;

/**
 * {@code hakbench verdict}: one configuration of two rebase files (baseline, candidate) through
 * {@link VerdictEvaluator}, written as a verdict file. The baseline is either named or found in a
 * baseline directory by the candidate's machine fingerprint (nightly runs keep one per machine in
 * {@code results/baseline/}, tracked in git).
 */
public final class RebaseVerdict {

    /**
     * @param baseline      baseline rebase file, or null to look in {@code baselineDir}
     * @param candidate     candidate rebase file
     * @param baselineDir   where per-machine baselines live, or null
     * @param adoptMissing  with {@code baselineDir}: when this machine has no baseline, copy the candidate there
     * @param configuration configuration to compare, e.g. {@code hakmem:MIXED_TINYV3_C7_SAFE} or {@code hakmem}
     * @param thresholds    noise band and alpha
     * @param measure       which per-run figure is compared
     * @param resultsDir    where the verdict file goes
     */
    public record Request(Path baseline, Path candidate, Path baselineDir, boolean adoptMissing, String configuration,
                          VerdictThresholds thresholds, Measure measure, Path resultsDir, String machineClassLabel) {
        public Request(Path baseline, Path candidate, Path baselineDir, boolean adoptMissing, String configuration,
                       VerdictThresholds thresholds, Measure measure, Path resultsDir) {
            this(baseline, candidate, baselineDir, adoptMissing, configuration, thresholds, measure, resultsDir, null);
        }
    }

    /** What happened: a verdict was written, or the candidate became this machine's baseline. */
    public sealed interface Outcome {
    }

    public record Decided(VerdictService.Written written) implements Outcome {
    }

    public record BaselineAdopted(Path baselineFile, String machineId) implements Outcome {
    }

    private final java.time.Clock clock;

    public RebaseVerdict(java.time.Clock clock) {
        this.clock = clock;
    }

    public Outcome run(Request request) {
        RebaseFigures candidate = RebaseFigures.load(request.candidate());
        RebaseFigures baseline;
        // which machines count as the same: the exact fingerprint, or (hosted runners) the machine class
        String label = request.machineClassLabel();
        java.util.function.Function<RebaseFigures, String> key = label == null ? f -> f.machine().id()
                : f -> "class-" + f.machine().classId(label);
        if (request.baseline() != null) {
            baseline = RebaseFigures.load(request.baseline());
        } else {
            String machineId = key.apply(candidate);
            Optional<RebaseFigures> found = findBaseline(request.baselineDir(), machineId, key);
            if (found.isEmpty()) {
                if (!request.adoptMissing()) {
                    throw new IllegalArgumentException("--baseline-dir=" + request.baselineDir() + ": no rebase baseline for machine "
                            + machineId + " (of " + request.candidate() + "); use --adopt-missing-baseline to make the candidate the baseline");
                }
                return adopt(request, machineId);
            }
            baseline = found.get();
        }
        RebaseFigures.Configuration base = select(baseline, request.configuration());
        RebaseFigures.Configuration cand = select(candidate, request.configuration());
        if (!base.name().equals(cand.name())) {
            throw new IncomparableResultsException("mismatched configurations: " + baseline.file() + " ran " + base.name()
                    + " but " + candidate.file() + " ran " + cand.name());
        }
        MeasuredSide baseSide = new MeasuredSide(baseline.file().toString(), key.apply(baseline), baseline.workload(),
                figures(baseline, base, request.measure()));
        MeasuredSide candSide = new MeasuredSide(candidate.file().toString(), key.apply(candidate), candidate.workload(),
                figures(candidate, cand, request.measure()));
        VerdictService service = new VerdictService(new VerdictEvaluator(request.thresholds()), clock);
        return new Decided(service.evaluateAndWrite(baseSide, candSide, cand.name(), request.measure(), candidate.machine(), request.resultsDir()));
    }

    private static double[] figures(RebaseFigures file, RebaseFigures.Configuration configuration, Measure measure) {
        if (measure == Measure.CPU && configuration.runs().stream().anyMatch(r -> r.loopCpuNanos() <= 0)) {
            throw new IllegalArgumentException(file.file() + ": " + configuration.name() + " has runs without loop CPU time "
                    + "(written before hakbench recorded it); use --measure wall");
        }
        return configuration.runs().stream().mapToDouble(measure::of).toArray();
    }

    private static RebaseFigures.Configuration select(RebaseFigures figures, String configuration) {
        return figures.configuration(configuration).orElseThrow(() -> new IllegalArgumentException(figures.file()
                + ": no successful runs of configuration " + configuration + "; it has "
                + figures.configurations().stream().map(RebaseFigures.Configuration::name).toList()));
    }

    /** The newest rebase in {@code dir} measured on {@code machineId}; unreadable files there are errors. */
    static Optional<RebaseFigures> findBaseline(Path dir, String machineId) {
        return findBaseline(dir, machineId, f -> f.machine().id());
    }

    /** The newest rebase in {@code dir} whose key (machine id, or machine class) is {@code machineKey}. */
    static Optional<RebaseFigures> findBaseline(Path dir, String machineKey, java.util.function.Function<RebaseFigures, String> key) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return files.stream().map(RebaseFigures::load)
                .filter(f -> key.apply(f).equals(machineKey))
                .max(Comparator.comparing(RebaseFigures::createdAt));
    }

    private static Outcome adopt(Request request, String machineId) {
        Path target = request.baselineDir().resolve("rebase-" + machineId + ".json");
        try {
            AtomicFiles.writeBytes(target, Files.readAllBytes(request.candidate()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write baseline " + target + ": " + e.getMessage(), e);
        }
        return new BaselineAdopted(target, machineId);
    }
}
