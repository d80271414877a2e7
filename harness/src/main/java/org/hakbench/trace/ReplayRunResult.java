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
 */
public record ReplayRunResult(String allocator, String implementation, String trace, int passes, long ops, long elapsedNanos,
                              double opsPerSecond, long peakRssKiB, Long residentBytes, long finalLiveBytes) {
}
