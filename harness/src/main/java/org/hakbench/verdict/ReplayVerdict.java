package org.hakbench.verdict;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.TreeMap;

import org.hakbench.results.ResultFiles;
import org.hakbench.trace.ReplayRunner.ReplayResult;
import org.hakbench.trace.ReplayRunner.ReplayRun;

/**
 * {@code hakbench verdict A.json B.json} on two replay files: one allocator on one trace, the runs of
 * each file as the two independent samples (Mann-Whitney and the Hodges-Lehmann shift, as for two
 * rebase files). The trace is named by file name; with one trace in the files it may be left out.
 */
public final class ReplayVerdict {
    private final Clock clock;

    public ReplayVerdict(Clock clock) {
        this.clock = clock;
    }

    /** True when {@code file} is a replay result (by its kind field), so the caller picks this verdict. */
    public static boolean isReplay(Path file) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = org.hakbench.results.Json.tree(java.nio.file.Files.readString(file), file.toString());
            return ReplayResult.KIND.equals(tree.path("kind").asText());
        } catch (java.io.IOException | IllegalArgumentException e) {
            return false;   // the rebase path reports what is wrong with the file
        }
    }

    public VerdictService.Written run(Path baselineFile, Path candidateFile, String allocator, String trace, VerdictThresholds thresholds,
                                      Measure measure, Path resultsDir) {
        if (measure != Measure.WALL) {
            throw new IllegalArgumentException("--measure=" + measure.name().toLowerCase(java.util.Locale.ROOT)
                    + ": replays record wall-clock ops/s only; use --measure wall");
        }
        ReplayResult base = ResultFiles.load(baselineFile, ReplayResult.class, ReplayResult.KIND, ReplayResult.SCHEMA);
        ReplayResult cand = ResultFiles.load(candidateFile, ReplayResult.class, ReplayResult.KIND, ReplayResult.SCHEMA);
        String traceName = trace != null ? trace : onlyTrace(base, baselineFile);
        MeasuredSide baseSide = side(base, baselineFile, allocator, traceName);
        MeasuredSide candSide = side(cand, candidateFile, allocator, traceName);
        return new VerdictService(new VerdictEvaluator(thresholds), clock).evaluateAndWrite(baseSide, candSide,
                allocator + " on " + traceName, measure, cand.machine(), resultsDir);
    }

    private static String onlyTrace(ReplayResult r, Path file) {
        List<String> names = r.settings().traces().stream().map(t -> Path.of(t).getFileName().toString()).distinct().toList();
        if (names.size() != 1) {
            throw new IllegalArgumentException(file + " replayed " + names + ": name one with --trace");
        }
        return names.getFirst();
    }

    private static MeasuredSide side(ReplayResult r, Path file, String allocator, String traceName) {
        List<ReplayRun> runs = r.runs().stream().filter(x -> x.ok() && x.allocator().equals(allocator)
                && Path.of(x.trace()).getFileName().toString().equals(traceName)).toList();
        if (runs.isEmpty()) {
            throw new IllegalArgumentException(file + ": no successful replay of " + allocator + " on " + traceName + "; it has allocators "
                    + r.settings().allocators() + " and traces " + r.settings().traces().stream().map(t -> Path.of(t).getFileName().toString()).toList());
        }
        TreeMap<String, String> workload = new TreeMap<>();
        workload.put("trace", traceName);
        workload.put("minOps", Long.toString(r.settings().minOps()));
        workload.put("warmupPasses", Integer.toString(r.settings().warmupPasses()));
        return new MeasuredSide(file.toString(), r.machine().id(), workload, runs.stream().mapToDouble(x -> x.result().opsPerSecond()).toArray());
    }
}
