package org.hakbench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hakbench.adapters.NullAdapter;
import org.hakbench.workload.RandomMixed;
import org.junit.jupiter.api.Test;

class SoakLoopTest {
    record Seen(int epoch, long elapsedNanos, long epochNanos, long ops, long samples) {
    }

    @Test
    void runsTheRequestedEpochsOfAtLeastTheEpochLengthAndTimesOneBatchPerGroup() throws Exception {
        List<Seen> seen = new ArrayList<>();
        long epochNanos = TimeUnit.MILLISECONDS.toNanos(40);
        try (NullAdapter adapter = new NullAdapter()) {
            RandomMixed workload = new RandomMixed(adapter, 400, 42);
            SoakLoop.Outcome outcome = SoakLoop.run(workload, 64, 16, epochNanos, 3, new StopSignal(),
                    (epoch, elapsed, length, ops, latency) -> seen.add(new Seen(epoch, elapsed, length, ops, latency.getTotalCount())));
            assertEquals(new SoakLoop.Outcome(3, seen.stream().mapToLong(Seen::ops).sum(), SoakLoop.COMPLETED), outcome);
            assertEquals(outcome.totalOps(), workload.iterations());
        }
        assertEquals(3, seen.size());
        for (int i = 0; i < 3; i++) {
            Seen s = seen.get(i);
            assertEquals(i, s.epoch());
            assertTrue(s.elapsedNanos() >= (i + 1) * epochNanos, s.toString());
            assertTrue(s.epochNanos() >= epochNanos, s.toString());
            assertEquals(0, s.ops() % (64 * 16), "whole sample groups: " + s);
            assertEquals(s.ops() / (64 * 16), s.samples(), "one timed batch per group: " + s);
        }
    }

    @Test
    void stopInsideAnEpochWritesNoPartialEpoch() throws Exception {
        StopSignal stop = new StopSignal();
        List<Integer> epochs = new ArrayList<>();
        try (NullAdapter adapter = new NullAdapter()) {
            SoakLoop.Outcome outcome = SoakLoop.run(new RandomMixed(adapter, 400, 42), 64, 1,
                    TimeUnit.MILLISECONDS.toNanos(20), 1_000, stop, (epoch, elapsed, length, ops, latency) -> {
                        epochs.add(epoch);
                        if (epoch == 1) {
                            stop.request("test stop");
                        }
                    });
            assertEquals(2, outcome.epochsCompleted());
            assertEquals("test stop", outcome.stopReason());
        }
        assertEquals(List.of(0, 1), epochs);
    }
}
