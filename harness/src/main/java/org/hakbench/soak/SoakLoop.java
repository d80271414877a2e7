package org.hakbench.soak;

import java.io.IOException;

import org.HdrHistogram.Histogram;
import org.hakbench.workload.RandomMixed;

/**
 * The soak's hot loop: random_mixed in sample groups of {@code timedEveryBatches} batches, of which
 * only the last is timed. Per group the bookkeeping is two {@code nanoTime} calls, one histogram
 * record and one volatile read, spread over {@code batchOps * timedEveryBatches} operations; that is
 * what keeps the soak within 2% of a plain rebase loop (docs/soak.md gives the measurement). The timed
 * batch's end time doubles as the clock for the epoch boundary, so an epoch ends within one group after
 * its nominal length.
 */
final class SoakLoop {
    /** Receives each completed epoch; the histogram is reset after the call. */
    interface EpochSink {
        void epochDone(int epoch, long elapsedNanos, long epochNanos, long ops, Histogram latency) throws IOException;
    }

    /** Why the loop ended and how far it got. */
    record Outcome(int epochsCompleted, long totalOps, String stopReason) {
    }

    static final String COMPLETED = "completed";

    private SoakLoop() {
    }

    static Outcome run(RandomMixed workload, int batchOps, int timedEveryBatches, long epochNanos, int epochs,
            StopSignal stop, EpochSink sink) throws IOException {
        final RandomMixed w = workload;
        final long timedOps = batchOps;
        final long untimedOps = (long) batchOps * (timedEveryBatches - 1);
        final long groupOps = timedOps + untimedOps;
        final Histogram latency = new Histogram(3);
        final long start = System.nanoTime();
        long epochStart = start;
        long totalOps = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            if (stop.requested()) {
                return new Outcome(epoch, totalOps, stop.reason());
            }
            // each epoch lasts at least epochNanos from the end of the previous one: after a stall
            // (machine busy, GC) no catch-up epochs of a single group are produced
            final long epochEnd = epochStart + epochNanos;
            long ops = 0;
            long now;
            do {
                if (untimedOps > 0) {
                    w.run(untimedOps);
                }
                final long t0 = System.nanoTime();
                w.run(timedOps);
                now = System.nanoTime();
                latency.recordValue(now - t0);
                ops += groupOps;
            } while (now < epochEnd && !stop.requested());
            if (now < epochEnd) {
                // stopped inside the epoch: an incomplete epoch is not written (see docs/soak-csv.md)
                return new Outcome(epoch, totalOps, stop.reason());
            }
            sink.epochDone(epoch, now - start, now - epochStart, ops, latency);
            latency.reset();
            totalOps += ops;
            epochStart = now;
        }
        return new Outcome(epochs, totalOps, COMPLETED);
    }
}
