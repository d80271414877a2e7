package org.hakbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ChangePointDetectorTest {

    private final ChangePointDetector detector = new ChangePointDetector();

    /** Nightly ops/s around {@code level} with normal noise of the given CV. */
    private static double[] noise(long seed, int n, double level, double cv) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double z = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
            out[i] = level * (1 + cv * z);
        }
        return out;
    }

    @Test
    void stepIsDetectedAtTheRightIndexAndFlagged() {
        double[] series = noise(7, 30, 59e6, 0.01);
        for (int i = 18; i < series.length; i++) {
            series[i] *= 0.95;
        }
        List<ChangePoint> points = detector.detect(series);
        assertEquals(1, points.size(), points.toString());
        assertEquals(18, points.getFirst().index());
        assertTrue(points.getFirst().relativeChange() < -0.03, points.toString());
        assertTrue(detector.latestRegression(series, true, 0.005).isPresent());
        // the same step upwards is an improvement, not a regression
        double[] up = noise(7, 30, 59e6, 0.01);
        for (int i = 18; i < up.length; i++) {
            up[i] *= 1.05;
        }
        assertTrue(detector.latestRegression(up, true, 0.005).isEmpty());
    }

    @Test
    void slowCreepIsFlagged() {
        // -0.2% a night for 30 nights: no two neighbouring nights differ beyond the 1% noise.
        double[] series = noise(11, 30, 59e6, 0.01);
        for (int i = 0; i < series.length; i++) {
            series[i] *= 1 - 0.002 * i;
        }
        assertTrue(detector.latestRegression(series, true, 0.005).isPresent(), detector.detect(series).toString());
    }

    @Test
    void singleOutlierNightIsNotFlagged() {
        int middleFlagged = 0;
        for (long seed = 1; seed <= 20; seed++) {
            double[] series = noise(seed, 30, 59e6, 0.01);
            series[series.length - 1] *= 0.90; // last night 10% down: one noisy night is never a level of its own
            assertTrue(detector.latestRegression(series, true, 0.005).isEmpty(), "seed " + seed + ": " + detector.detect(series));
            double[] middle = noise(seed, 30, 59e6, 0.01);
            middle[15] *= 0.85;
            if (!detector.detect(middle).isEmpty()) {
                middleFlagged++;
            }
        }
        // alpha = 0.01: the outlier must not raise the false-alarm rate of plain noise.
        assertTrue(middleFlagged <= 1, middleFlagged + " of 20 series with one odd night in the middle flagged");
    }

    @Test
    void pureNoiseIsNotFlagged() {
        int flagged = 0;
        for (long seed = 100; seed < 120; seed++) {
            if (!detector.detect(noise(seed, 30, 59e6, 0.02)).isEmpty()) {
                flagged++;
            }
        }
        // alpha = 0.01 per test: a false alarm in 20 noise-only histories would already be unusual.
        assertTrue(flagged <= 1, flagged + " of 20 pure-noise series flagged");
    }

    @Test
    void shortSeriesAndBadValuesAreHandled() {
        assertTrue(detector.detect(new double[] {1, 2, 3}).isEmpty());
        assertTrue(detector.detect(new double[0]).isEmpty());
        var ex = assertThrows(IllegalArgumentException.class, () -> detector.detect(new double[] {1, Double.NaN}));
        assertTrue(ex.getMessage().contains("series[1]=NaN"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ChangePointDetector(0.01, 50, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new ChangePointDetector(0.01, 199, 1, 1));
    }
}
