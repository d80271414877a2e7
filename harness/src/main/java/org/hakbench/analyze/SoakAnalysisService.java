package org.hakbench.analyze;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.hakbench.results.AtomicFiles;
import org.hakbench.results.Json;
import org.hakbench.results.MachineFingerprint;
import org.hakbench.results.ResultFiles;

/**
 * Reads soak CSVs, analyses each, prints the summaries, writes one JSON per CSV and one PNG for all.
 * Every CSV is read before anything is written, so a bad file (a {@link SoakInputException}) leaves
 * no half-done output behind.
 */
public final class SoakAnalysisService {

    /** What was written; {@code allPassed} is false when any soak is FAIL or INCONCLUSIVE. */
    public record Outcome(List<SoakReport> reports, List<Path> jsonFiles, Path plotFile, boolean allPassed) {
    }

    public Outcome analyze(AnalyzeRequest request, PrintWriter out, PrintWriter err) {
        List<SoakCsv> soaks = new ArrayList<>();
        for (Path file : request.csvFiles()) {
            SoakCsv csv = EpochCsvReader.read(file);
            for (SkippedLine s : csv.skipped()) {
                err.println("warning: " + file + ": line " + s.lineNumber() + ": skipped: " + s.reason());
            }
            soaks.add(csv);
        }
        // the PNG renders on its own thread (AWT and font start-up dominate) while the statistics run
        CompletableFuture<byte[]> png = request.plot()
                ? CompletableFuture.supplyAsync(() -> SoakPlot.png(soaks), runnable -> Thread.ofPlatform().name("soak-plot").start(runnable))
                : null;
        SoakAnalyzer analyzer = new SoakAnalyzer(request.targets(), request.warmupEpochs());
        List<SoakAnalysis> analyses = soaks.stream().map(analyzer::analyze).toList();

        Instant now = Instant.now();
        MachineFingerprint machine = MachineFingerprint.capture();
        // names are taken one at a time as files are written, so CSVs analysed in one second get -2, -3, ...
        Path firstJson = ResultFiles.newJsonFile(request.resultsDir(), SoakReport.KIND, now);
        Path plot = null;
        if (png != null) {
            plot = request.plotFile() != null ? request.plotFile() : ResultFiles.sibling(firstJson, ".png");
            try {
                AtomicFiles.writeBytes(plot, png.join());
            } catch (IOException e) {
                ResultFiles.releaseIfEmpty(firstJson);
                throw new UncheckedIOException("cannot write " + plot + ": " + e.getMessage(), e);
            } catch (CompletionException e) {
                // the figures matter more than the picture: report and go on without it
                err.println("warning: plot not drawn: " + e.getCause());
                plot = null;
            }
        }
        List<Path> jsonFiles = new ArrayList<>();
        SoakReport.Settings settings = new SoakReport.Settings(request.warmupEpochs(), SoakAnalyzer.WINDOW_FRACTION,
                EstimationType.R_7.name(), request.targets());
        List<SoakReport> reports = new ArrayList<>();
        boolean allPassed = true;
        for (int i = 0; i < soaks.size(); i++) {
            SoakCsv csv = soaks.get(i);
            SoakAnalysis a = analyses.get(i);
            SoakReport report = new SoakReport(SoakReport.SCHEMA, SoakReport.KIND, now, machine, csv.file().toString(),
                    csv.header(), settings, a, csv.skipped(), plot == null ? null : plot.toString(), csv.epochs());
            Path json = i == 0 ? firstJson : ResultFiles.newJsonFile(request.resultsDir(), SoakReport.KIND, now);
            ResultFiles.writeReserved(json, report);
            jsonFiles.add(json);
            reports.add(report);
            allPassed &= a.verdict().passed();
            out.print(SoakSummary.format(csv, a));
            out.println("  result           " + jsonFiles.get(i));
        }
        if (soaks.size() >= 2) {
            out.print(SoakSummary.sideBySide(soaks, analyses));
        }
        if (plot != null) {
            out.println("plot               " + plot);
        }
        out.flush();
        return new Outcome(reports, jsonFiles, plot, allPassed);
    }
}
