package org.hakbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedRatioTest {

    @Test
    void summarisesPairRatiosOnTheLogScale() {
        // Ratios e^0.1, e^-0.1, e^0: logs with mean 0 and standard deviation 0.1; t(2 df, 97.5%) = 4.302653.
        double[] b = {100, 200, 300};
        double[] a = {100 * Math.exp(0.1), 200 * Math.exp(-0.1), 300};
        PairedRatio r = PairedRatio.of(a, b);
        assertEquals(3, r.pairs());
        assertEquals(1.0, r.geoMean(), 1e-12);
        double half = 4.302652729749464 * 0.1 / Math.sqrt(3);
        assertEquals(Math.exp(-half), r.ci95Low(), 1e-9);
        assertEquals(Math.exp(half), r.ci95High(), 1e-9);
        assertEquals(Math.exp(-0.1), r.min(), 1e-12);
        assertEquals(Math.exp(0.1), r.max(), 1e-12);
        assertEquals("level", r.verdict());
    }

    @Test
    void pairingCancelsWhatBothRunsOfAPairShared() {
        // The machine's speed swings 2x from pair to pair; A stays 10% ahead of B within every pair.
        PairedRatio r = PairedRatio.of(new double[] {110, 220, 55, 165}, new double[] {100, 200, 50, 150});
        assertEquals(1.1, r.geoMean(), 1e-12);
        assertEquals(1.1, r.ci95Low(), 1e-9);
        assertEquals(1.1, r.ci95High(), 1e-9);
        assertEquals("ahead", r.verdict());
        assertEquals("behind", PairedRatio.of(new double[] {90, 180, 45}, new double[] {100, 200, 50}).verdict());
    }

    @Test
    void onePairHasNoInterval() {
        PairedRatio r = PairedRatio.of(new double[] {3}, new double[] {2});
        assertEquals(1.5, r.geoMean(), 1e-12);
        assertNull(r.ci95Low());
        assertNull(r.ci95High());
        assertEquals("level", r.verdict(), "no interval, no claim");
    }

    @Test
    void badInputIsRefusedNamingTheValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PairedRatio.of(new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("2 values against 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PairedRatio.of(new double[] {1, 0}, new double[] {1, 1}));
        assertTrue(e.getMessage().contains("pair 1: 0.0 / 1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PairedRatio.of(new double[0], new double[0]));
    }
}
