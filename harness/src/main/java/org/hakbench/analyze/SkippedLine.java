package org.hakbench.analyze;

/** A data line of a soak CSV that was not used, with its 1-based line number and why. */
public record SkippedLine(int lineNumber, String reason) {
}
