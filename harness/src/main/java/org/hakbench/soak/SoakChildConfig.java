package org.hakbench.soak;

import java.util.SortedMap;

/**
 * What the soak child JVM is told (sent as JSON on its command line).
 *
 * @param allocator         registry name of the allocator under test
 * @param workingSet        random_mixed {@code ws}
 * @param seed              random_mixed seed
 * @param epochs            epochs to run (the soak's duration / epoch length, rounded up)
 * @param epochNanos        length of one epoch
 * @param batchOps          operations per timed batch (one latency sample)
 * @param timedEveryBatches one batch in this many is timed; the others run untimed between samples
 * @param csvFile           the epoch CSV to create (must not exist)
 * @param histogramLogFile  the HdrHistogram log to create next to it
 * @param header            extra {@code # key=value} header entries (allocator, profile, soak settings)
 */
public record SoakChildConfig(String allocator, int workingSet, long seed, int epochs, long epochNanos, int batchOps,
                              int timedEveryBatches, String csvFile, String histogramLogFile,
                              SortedMap<String, String> header) {
}
