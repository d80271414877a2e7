package org.hakbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known answers from published tables, Commons Math's own tests, and the test/interval agreement. */
class RankComparisonTest {

    /**
     * Two-sided alpha = 0.05 critical values of the signed-rank statistic (reject when T <= c), as in the
     * standard tables (e.g. Hollander and Wolfe, Table A.4; Zar, Table B.12): the interval uses rank c + 1.
     */
    @ParameterizedTest
    @CsvSource({"6,0", "7,2", "8,3", "9,5", "10,8", "12,13", "15,25", "20,52", "25,89", "30,137"})
    void signedRankCriticalValuesMatchThePublishedTable(int n, int critical) {
        RankComparison.NullDistribution d = RankComparison.NullDistribution.signedRank(n);
        assertEquals(critical + 1, d.largestRankWithLowerTail(0.025), "n=" + n);
    }

    /** Two-sided alpha = 0.05 critical values of U for m = n (reject when U <= c). */
    @ParameterizedTest
    @CsvSource({"5,5,2", "6,6,5", "8,8,13", "10,10,23", "12,12,37", "15,15,64", "20,20,127", "5,10,8", "7,12,18"})
    void mannWhitneyCriticalValuesMatchThePublishedTable(int m, int k, int critical) {
        RankComparison.NullDistribution d = RankComparison.NullDistribution.rankSum(m, k);
        assertEquals(critical + 1, d.largestRankWithLowerTail(0.025), "m=" + m + " n=" + k);
    }

    @Test
    void pValuesAgreeWithCommonsMathExactSignedRankAndUTest() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 60; trial++) {
            int n = 6 + rng.nextInt(11);
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = 100 + rng.nextGaussian();
                b[i] = 100 + rng.nextGaussian() + 0.5 * trial / 200.0;
            }
            RankComparison paired = RankComparison.paired(a, b, 0.05);
            double[] logA = Arrays.stream(a).map(Math::log).toArray();
            double[] logB = Arrays.stream(b).map(Math::log).toArray();
            // Commons Math doubles the one-sided tail without capping it at 1
            double exact = Math.min(1, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(logB, logA, true));
            assertEquals(exact, paired.pValue(), 1e-9, "paired n=" + n);
        }
        // large samples: Commons Math's U test is normal without continuity correction, ours exact
        double[] x = new SplittableRandom(8).doubles(40).map(v -> 100 + v).toArray();
        double[] y = new SplittableRandom(9).doubles(40).map(v -> 100.1 + v).toArray();
        RankComparison ind = RankComparison.independent(x, y, 0.05);
        assertEquals(new MannWhitneyUTest().mannWhitneyUTest(x, y), ind.pValue(), 0.01);
    }

    @Test
    void hodgesLehmannEstimateIsTheMedianOfWalshAverages() {
        // log ratios d = 0.1, 0.2, 0.3, 0.4, 1.0 shifted: Walsh averages' median by hand = 0.3 + ... (computed below)
        double[] d = {-0.02, 0.01, 0.03, 0.05, 0.07, 0.20};
        double[] base = new double[d.length];
        double[] cand = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            base[i] = 1;
            cand[i] = Math.exp(d[i]);
        }
        // the 21 Walsh averages sorted: median is the 11th
        double[] walsh = new double[21];
        int t = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = i; j < 6; j++) {
                walsh[t++] = (d[i] + d[j]) / 2;
            }
        }
        Arrays.sort(walsh);
        RankComparison r = RankComparison.paired(base, cand, 0.05);
        assertEquals(walsh[10], r.estimate(), 1e-12);
        // n = 6: k = 1, the interval is the smallest and largest Walsh average, at 1 - 2/64 = 96.9%
        assertEquals(walsh[0], r.ciLow(), 1e-12);
        assertEquals(walsh[20], r.ciHigh(), 1e-12);
        assertEquals(1 - 2.0 / 64, r.achievedConfidence(), 1e-12);
    }

    @Test
    void significanceAndTheIntervalNeverDisagree() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 3000; trial++) {
            int n = 6 + rng.nextInt(25);
            double shift = (rng.nextDouble() - 0.5) * 0.04;
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = 100 * (1 + 0.02 * rng.nextGaussian());
                b[i] = 100 * (1 + shift + 0.02 * rng.nextGaussian());
            }
            for (RankComparison r : new RankComparison[] {RankComparison.paired(a, b, 0.05), RankComparison.independent(a, b, 0.05)}) {
                assertEquals(r.pValue() <= 0.05, r.significant(), r.toString());
            }
        }
    }

    @Test
    void badInputIsRefusedNamingTheValue() {
        var ex = assertThrows(IllegalArgumentException.class,
                () -> RankComparison.paired(new double[] {1, 2, 3}, new double[] {1, -2, 3}, 0.05));
        assertTrue(ex.getMessage().contains("candidate run 1: ops/s=-2.0"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RankComparison.paired(new double[] {1, 2}, new double[] {1}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> RankComparison.independent(new double[] {1, 2}, new double[] {1, 2}, 1.5));
    }

    @Test
    void detectableChangeShrinksWithTheSquareRootOfTheRuns() {
        double five = RankComparison.detectableChangePercent(RankComparison.PAIRED, 0.01, 5, 0.05);
        double twenty = RankComparison.detectableChangePercent(RankComparison.PAIRED, 0.01, 20, 0.05);
        assertTrue(five > 2 * twenty * 0.9, five + " vs " + twenty);
        // normal theory: (1.96 + 0.84) * 1% / sqrt(20) / sqrt(3/pi) ~ 0.64%
        assertEquals(0.66, twenty, 0.05);
    }
}
