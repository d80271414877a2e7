package org.hakbench.scale;

import java.nio.file.Path;

/**
 * What a scale run produced: the result and the files it was written to.
 *
 * @param pngFile the plot, or null when no point was measured (every run failed)
 */
public record ScaleReport(ScaleResult result, Path jsonFile, Path pngFile) {
    public boolean allRunsOk() {
        return result.runs().stream().allMatch(ScaleRun::ok);
    }
}
