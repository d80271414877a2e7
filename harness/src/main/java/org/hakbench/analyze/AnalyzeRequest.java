package org.hakbench.analyze;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code hakbench analyze} (and the end of {@code hakbench soak}) asks for.
 *
 * @param csvFiles     soak CSVs; several give one overlaid plot
 * @param resultsDir   where the JSON files (and by default the PNG) go
 * @param warmupEpochs epochs skipped at the start of each soak, or null for automatic
 * @param targets      PASS/FAIL thresholds
 * @param plotFile     the PNG to write, or null for {@code <first JSON stem>.png} in resultsDir
 * @param plot         false skips the PNG
 */
public record AnalyzeRequest(List<Path> csvFiles, Path resultsDir, Integer warmupEpochs, SoakTargets targets,
                             Path plotFile, boolean plot) {
    public AnalyzeRequest {
        csvFiles = List.copyOf(csvFiles);
        if (csvFiles.isEmpty()) {
            throw new IllegalArgumentException("at least one soak CSV is needed");
        }
        if (warmupEpochs != null && warmupEpochs < 0) {
            throw new IllegalArgumentException("warmup-epochs must be >= 0: warmup-epochs=" + warmupEpochs);
        }
    }
}
