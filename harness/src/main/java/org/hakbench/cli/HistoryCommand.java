package org.hakbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hakbench.history.HistoryAnalyzer;
import org.hakbench.history.HistoryService;
import org.hakbench.history.Metric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hakbench history}: binds options into a {@link HistoryService.Request} and calls {@link HistoryService}. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Reads every rebase in the results directory and shows each figure as a series per machine, "
                + "flags regressions by change-point detection (E-divisive means with a permutation test: one odd "
                + "night does not alarm, a step or slow creep does), draws a PNG trend and exports dashboard JSON.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no regression (or not asked to fail on one)", "1:a regression with --fail-on-regression",
                "2:bad option or a bad result file"})
final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "Where rebase-*.json are read (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--allocator", paramLabel = "A", description = "Only this allocator or configuration, e.g. hakmem or hakmem:MIXED_TINYV3_C7_SAFE.")
    String allocator;

    @Option(names = "--metric", paramLabel = "M", split = ",",
            description = "Metrics: ops_per_s, ops_per_cpu_s, net_ns_per_op, cv_percent, peak_rss_kib, os_calls_per_op (default: ops_per_s).")
    List<String> metrics = new ArrayList<>(List.of(Metric.OPS_PER_S.cliName()));

    @Option(names = "--plot", paramLabel = "FILE", description = "Trend PNG of the first metric (default: DIR/trend-METRIC.png).")
    Path plot;

    @Option(names = "--no-plot", description = "Do not draw the trend PNG.")
    boolean noPlot;

    @Option(names = "--export", paramLabel = "FORMAT", description = "Dashboard JSON of the latest point of every series: bmf or github-action-benchmark.")
    String export;

    @Option(names = "--output", paramLabel = "FILE", description = "Where --export writes.")
    Path output;

    @Option(names = "--strict", description = "A result file that does not load is an error (exit 2) instead of a warning.")
    boolean strict;

    @Option(names = "--fail-on-regression", description = "Exit 1 when any series' latest level is a regression (nightly).")
    boolean failOnRegression;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Services.call(err, () -> {
            List<Metric> parsed = new ArrayList<>();
            for (String m : metrics) {
                try {
                    parsed.add(Metric.parse(m));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--metric: " + e.getMessage(), e);
                }
            }
            HistoryService.Export format = export == null ? null : switch (export) {
                case "bmf" -> HistoryService.Export.BMF;
                case "github-action-benchmark" -> HistoryService.Export.GITHUB_ACTION_BENCHMARK;
                default -> throw new IllegalArgumentException("--export=" + export + ": known formats: bmf, github-action-benchmark");
            };
            Path plotFile = noPlot ? null : plot != null ? plot : results.resolve("trend-" + parsed.getFirst().cliName() + ".png");
            HistoryService.Request request = new HistoryService.Request(results, allocator, parsed, plotFile, format, output, strict);
            HistoryService.Outcome outcome = new HistoryService(new HistoryAnalyzer()).run(request);
            outcome.warnings().forEach(w -> err.println("warning: " + w));
            err.flush();
            out.print(HistoryService.describe(outcome.series()));
            for (Path written : outcome.written()) {
                out.println("wrote " + written + (format == HistoryService.Export.GITHUB_ACTION_BENCHMARK && written.toString().endsWith(".json")
                        ? " (github-action-benchmark tool: " + HistoryService.githubActionBenchmarkTool(written, outcome.series()) + ")" : ""));
            }
            out.flush();
            if (outcome.regression()) {
                err.println(String.format(Locale.ROOT, "regression: %d series' latest level is worse than before (change-point detection)",
                        outcome.series().stream().filter(s -> s.regression().isPresent()).count()));
                err.flush();
                return failOnRegression ? ExitCodes.NO_GO : ExitCodes.OK;
            }
            return ExitCodes.OK;
        });
    }
}
