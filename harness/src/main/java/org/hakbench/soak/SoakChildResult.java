package org.hakbench.soak;

/**
 * The soak child's result line.
 *
 * @param epochsWritten completed epochs in the CSV
 * @param totalOps      operations in those epochs
 * @param stopReason    "completed", "stop requested (SIGTERM)" or "parent process gone"
 * @param csvFile       the epoch CSV
 */
public record SoakChildResult(int epochsWritten, long totalOps, String stopReason, String csvFile) {
}
