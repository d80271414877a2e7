package org.hakbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SampleStatsTest {

    private static final double EPS = 1e-9;

    /** 1..5: sd = sqrt(2.5); t(0.975, 4) = 2.7764451052; half width = t * sd / sqrt(5). */
    @Test
    void knownValuesOneToFive() {
        SampleStats s = SampleStats.of(5, 3, 1, 4, 2);
        assertEquals(5, s.n());
        assertEquals(3.0, s.mean(), EPS);
        assertEquals(3.0, s.median(), EPS);
        assertEquals(1.0, s.min(), EPS);
        assertEquals(5.0, s.max(), EPS);
        assertEquals(1.5811388300841898, s.stddev(), EPS);
        assertEquals(0.5270462766947299, s.cv(), EPS);
        assertEquals(1.0367568385224393, s.ci95Low(), 1e-7);
        assertEquals(4.9632431614775605, s.ci95High(), 1e-7);
    }

    /** Even count: median is the mean of the two middle values; t(0.975, 1) = 12.7062047. */
    @Test
    void twoValues() {
        SampleStats s = SampleStats.of(List.of(10.0, 20.0));
        assertEquals(15.0, s.median(), EPS);
        double sd = Math.sqrt(50);
        assertEquals(sd, s.stddev(), EPS);
        assertEquals(15.0 - 12.706204736174707 * sd / Math.sqrt(2), s.ci95Low(), 1e-6);
    }

    @Test
    void singleValueHasNoSpread() {
        SampleStats s = SampleStats.of(42.0);
        assertEquals(42.0, s.mean(), EPS);
        assertNull(s.stddev());
        assertNull(s.cv());
        assertNull(s.ci95Low());
        assertFalse(s.ciContains(42.0));
    }

    @Test
    void emptyIsRefused() {
        assertThrows(IllegalArgumentException.class, SampleStats::of);
    }

    @Test
    void outlierFlaggedNotDropped() {
        Outliers o = Outliers.of(10.0, 10.1, 9.9, 10.0, 50.0);
        assertEquals(List.of(false, false, false, false, true), o.flagged());
        assertEquals(1, o.count());
        // median 10, MAD 0.1: z(50) = 0.6745 * 40 / 0.1
        assertEquals(269.8, o.zScores().get(4), 1e-9);
        assertEquals(5, SampleStats.of(10.0, 10.1, 9.9, 10.0, 50.0).n());
    }

    @Test
    void madZeroFallsBackToMeanAbsoluteDeviation() {
        // median 5, MAD 0 (three of five equal), mean |dev| = (0+0+0+1+9)/5 = 2
        Outliers o = Outliers.of(5, 5, 5, 6, 14);
        assertEquals(9 / (1.253314 * 2), o.zScores().get(4), 1e-9);
        assertTrue(o.flagged().get(4));
        assertFalse(o.flagged().get(3));
        assertEquals(0, Outliers.of(3, 3, 3).count());
    }

    @Test
    void firstRunSlowWarning() {
        assertTrue(Outliers.firstRunSlow(new double[] {80, 100, 101, 99, 100}, 0.05));
        assertFalse(Outliers.firstRunSlow(new double[] {99, 100, 101, 99.5, 100}, 0.05));
        assertFalse(Outliers.firstRunSlow(new double[] {101, 80, 100, 99, 100}, 0.05));
        assertFalse(Outliers.firstRunSlow(new double[] {80, 100}, 0.05));
    }

    @Test
    void driftBeyondAndInsideNoise() {
        SampleStats before = SampleStats.of(100, 101, 99, 100, 100);
        SampleStats same = SampleStats.of(100.5, 99.5, 100, 101, 99);
        SampleStats faster = SampleStats.of(110, 111, 109, 110, 110);
        Drift inside = Drift.between(before, same);
        assertFalse(inside.significant());
        assertEquals("inside noise", inside.note());
        Drift beyond = Drift.between(before, faster);
        assertTrue(beyond.significant());
        assertEquals(10.0, beyond.changePercent(), 1e-9);
        assertFalse(Drift.between(SampleStats.of(1.0), faster).significant());
    }
}
