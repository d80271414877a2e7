package org.hakbench.scale;

/**
 * One planned child run, as it ended: {@code result} when it measured, {@code failure} (with the child's
 * stderr tail) when it crashed, timed out or its workload failed. Failed runs stay in the file.
 *
 * @param run 1-based repetition index; runs are interleaved (every allocator and thread count of run 1, then run 2, ...)
 */
public record ScaleRun(int run, String allocator, int threads, ScaleRunResult result, String failure) {
    public boolean ok() {
        return result != null;
    }
}
