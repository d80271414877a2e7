package org.hakbench.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.hakbench.analyze.AnalyzeRequest;
import org.hakbench.analyze.SoakAnalysisService;
import org.hakbench.analyze.SoakInputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hakbench analyze}: statistics, verdict, JSON and plot of soak epoch CSVs. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyses soak epoch CSVs: throughput mean/median/CV and drift, RSS drift and slope,",
                "tail latency, OS calls per op; PASS/FAIL against the soak targets.",
                "Writes results/soak-<stamp>.json per CSV and one PNG (several CSVs are overlaid)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every soak PASS", "1:a soak FAIL or INCONCLUSIVE", "2:bad option or unreadable CSV"})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SoakAnalysisOptions analysis;

    @Parameters(arity = "1..*", paramLabel = "FILE.csv", description = "soak epoch CSVs (results/soak/*.csv)")
    List<Path> csvFiles;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "where JSON and PNG go (default: ${DEFAULT-VALUE})")
    Path resultsDir;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "PNG to write (default: next to the first JSON)")
    Path plotFile;

    @Option(names = "--no-plot", description = "do not draw the PNG")
    boolean noPlot;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AnalyzeRequest request;
        try {
            request = new AnalyzeRequest(csvFiles, resultsDir, analysis.warmupEpochs(),
                    analysis.targets(), plotFile, !noPlot);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return run(request, out, err);
    }

    /** Runs an analysis and maps its outcome to an exit code; shared with {@code soak}. */
    static int run(AnalyzeRequest request, PrintWriter out, PrintWriter err) {
        try {
            return new SoakAnalysisService().analyze(request, out, err).allPassed() ? ExitCodes.OK : ExitCodes.NO_GO;
        } catch (SoakInputException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.ENVIRONMENT;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
