package org.hakbench.trace;

/**
 * One replay child's measurement.
 *
 * @param passes             timed passes of the whole trace
 * @param ops                operations replayed in them
 * @param elapsedNanos       time of the operations only (freeing what a pass left live is outside it)
 * @param peakRssKiB         the child's VmHWM at the end (its JVM included)
 * @param residentBytes      the allocator's own resident bytes with the trace's final live set, or null when unknown
 * @param finalLiveBytes     bytes the trace leaves live (what the program never freed)
 * @param mappedAtPeakBytes  the allocator's mapped bytes at the trace's peak live set (untimed pass), or null when unknown
 * @param peakLiveBytes      the trace's peak live bytes requested
 * @param osCallsPerOp       mmap + munmap + madvise per operation in the timed passes, from the allocator's own
 *                           counters, or null when it keeps none
 */
public record ReplayRunResult(String allocator, String implementation, String trace, int passes, long ops, long elapsedNanos,
                              double opsPerSecond, long peakRssKiB, Long residentBytes, long finalLiveBytes, Long mappedAtPeakBytes,
                              long peakLiveBytes, Double osCallsPerOp) {
    /** Mapped at the peak over the peak live bytes requested: 1 is no overhead; null when unknown. */
    public Double fragmentation() {
        return mappedAtPeakBytes == null || peakLiveBytes <= 0 ? null : (double) mappedAtPeakBytes / peakLiveBytes;
    }
}
