package org.hakbench.scorecard;

import java.nio.file.Path;

/** A scorecard whose managed-block markers cannot be trusted; the file is left untouched. */
public final class ScorecardFormatException extends IllegalArgumentException {
    public ScorecardFormatException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem + "; the file was left untouched");
    }
}
