package org.hakbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedRatioTest {

    @Test
    void summarisesPairRatiosOnTheLogScaleWithTheSignedRankInterval() {
        // log ratios 0.1, -0.1, 0, 0.05, -0.05, 0.02: with 6 pairs the 95% interval is the smallest and
        // the largest Walsh average, i.e. the smallest and largest log ratio
        double[] logs = {0.1, -0.1, 0, 0.05, -0.05, 0.02};
        double[] b = {100, 200, 300, 400, 500, 600};
        double[] a = new double[6];
        for (int i = 0; i < 6; i++) {
            a[i] = b[i] * Math.exp(logs[i]);
        }
        PairedRatio r = PairedRatio.of(a, b);
        assertEquals(6, r.pairs());
        assertEquals(Math.exp(0.02 / 6), r.geoMean(), 1e-12);
        assertEquals(Math.exp(-0.1), r.ci95Low(), 1e-9);
        assertEquals(Math.exp(0.1), r.ci95High(), 1e-9);
        assertEquals(Math.exp(-0.1), r.min(), 1e-12);
        assertEquals(Math.exp(0.1), r.max(), 1e-12);
        assertEquals("level", r.verdict());
        assertEquals("wilcoxon-signed-rank", r.method());
    }

    @Test
    void fewerThanSixPairsHaveNoInterval() {
        PairedRatio r = PairedRatio.of(new double[] {110, 220, 55}, new double[] {100, 200, 50});
        assertNull(r.ci95Low());
        assertEquals(1.1, r.ratio(), 1e-9);
        assertEquals("level", r.verdict(), "no interval, no claim");
    }

    @Test
    void pairingCancelsWhatBothRunsOfAPairShared() {
        // The machine's speed swings 2x from pair to pair; A stays 10% ahead of B within every pair.
        PairedRatio r = PairedRatio.of(new double[] {110, 220, 55, 165, 440, 88}, new double[] {100, 200, 50, 150, 400, 80});
        assertEquals(1.1, r.geoMean(), 1e-12);
        assertEquals(1.1, r.ci95Low(), 1e-9);
        assertEquals(1.1, r.ci95High(), 1e-9);
        assertEquals("ahead", r.verdict());
        assertEquals("behind", PairedRatio.of(new double[] {90, 180, 45, 90, 180, 45}, new double[] {100, 200, 50, 100, 200, 50}).verdict());
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
