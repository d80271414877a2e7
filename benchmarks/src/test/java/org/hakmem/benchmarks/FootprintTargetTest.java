package org.hakmem.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.hakmem.allocator.AllocatorConfig;
import org.junit.jupiter.api.Test;

/**
 * The memory targets of issue 2, on the seeded random_mixed loop: byte counts, not timings, so they
 * are the same on every machine and belong in the test suite.
 */
class FootprintTargetTest {

    @Test
    void leanMapsAtMost1point3TimesThePeakLiveBytesAtAMillionSlots() {
        var f = FootprintCheck.run(AllocatorConfig.fromEnvironment(Map.of("HAKMEM_SS_MEM_LEAN", "1")), 1_000_000, 6_000_000);
        assertTrue(f.peakLiveRequestedBytes() > 200L << 20, "the loop reaches ~250 MB live: " + f);
        assertTrue(f.mappedOverLive() <= 1.3, "peak mapped / peak live = " + f.mappedOverLive() + " " + f.stats());
    }

    @Test
    void balancedStaysWithinItsTenMegabyteTargetAtTheDefaultWorkingSet() {
        var f = FootprintCheck.run(AllocatorConfig.fromEnvironment(Map.of("HAKMEM_PROFILE", "MIXED_TINYV3_C7_BALANCED")), 400, 5_000_000);
        assertTrue(f.stats().peakBytesMapped() <= 10L << 20, f.stats().toString());
    }
}
