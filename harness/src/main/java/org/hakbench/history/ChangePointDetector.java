package org.hakbench.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * E-divisive means change-point detection (Matteson and James 2014), as MongoDB's signal-processing and
 * Apache Otava (hunter) use it for nightly performance series.
 *
 * <p>For a segment, the split {@code tau} maximising the energy statistic
 * {@code Q = m n / (m + n) * (2/(m n) sum|x-y| - 1/C(m,2) sum|x-x'| - 1/C(n,2) sum|y-y'|)} is the
 * candidate; a permutation test (the segment shuffled {@code permutations} times with a seeded RNG) gives
 * its p-value. Significant splits are kept and both halves searched again (binary segmentation) until no
 * significant split remains. Every segment has at least {@code minSegment} points, so a single odd night can
 * never become a segment of its own: it takes {@code minSegment} nights in a row to establish a new level.
 * Because the statistic compares distributions rather than the last two points, a slow creep is caught
 * once enough of it has accumulated.
 */
public final class ChangePointDetector {

    public static final double DEFAULT_ALPHA = 0.01;
    public static final int DEFAULT_PERMUTATIONS = 199;
    public static final int DEFAULT_MIN_SEGMENT = 3;
    public static final long DEFAULT_SEED = 42;

    private final double alpha;
    private final int permutations;
    private final int minSegment;
    private final long seed;

    public ChangePointDetector() {
        this(DEFAULT_ALPHA, DEFAULT_PERMUTATIONS, DEFAULT_MIN_SEGMENT, DEFAULT_SEED);
    }

    public ChangePointDetector(double alpha, int permutations, int minSegment, long seed) {
        this.alpha = checkAlpha(alpha);
        this.permutations = checkPermutations(permutations, alpha);
        this.minSegment = checkMinSegment(minSegment);
        this.seed = seed;
    }

    /** Significant change points of {@code series}, by index ascending. */
    public List<ChangePoint> detect(double[] series) {
        Objects.requireNonNull(series, "series");
        for (int i = 0; i < series.length; i++) {
            if (!Double.isFinite(series[i])) {
                throw new IllegalArgumentException("series[" + i + "]=" + series[i] + " is not a finite number");
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Found> found = new ArrayList<>();
        List<int[]> pending = new ArrayList<>();
        pending.add(new int[] {0, series.length});
        while (!pending.isEmpty()) {
            int[] seg = pending.removeLast();
            double[] values = Arrays.copyOfRange(series, seg[0], seg[1]);
            if (values.length < 2 * minSegment) {
                continue;
            }
            Split best = bestSplit(values);
            double p = permutationPValue(values, best.q(), rng);
            if (p <= alpha) {
                int at = seg[0] + best.tau();
                found.add(new Found(at, p));
                pending.add(new int[] {seg[0], at});
                pending.add(new int[] {at, seg[1]});
            }
        }
        found.sort(Comparator.comparingInt(Found::index));
        List<ChangePoint> result = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            int from = i == 0 ? 0 : found.get(i - 1).index();
            int at = found.get(i).index();
            int to = i + 1 < found.size() ? found.get(i + 1).index() : series.length;
            double before = mean(series, from, at);
            double after = mean(series, at, to);
            result.add(new ChangePoint(at, found.get(i).pValue(), before, after, after / before - 1));
        }
        return List.copyOf(result);
    }

    /**
     * The change point that starts the latest segment when that segment is worse than the one before by
     * more than {@code minRelativeChange} (a fraction, e.g. 0.005); empty when the latest level is not a
     * regression. {@code biggerIsBetter} is true for ops/s, false for ns/op, RSS, syscalls.
     */
    public Optional<ChangePoint> latestRegression(double[] series, boolean biggerIsBetter, double minRelativeChange) {
        if (!(minRelativeChange >= 0) || !Double.isFinite(minRelativeChange)) {
            throw new IllegalArgumentException("minRelativeChange=" + minRelativeChange + " must be a finite fraction >= 0");
        }
        List<ChangePoint> points = detect(series);
        if (points.isEmpty()) {
            return Optional.empty();
        }
        ChangePoint last = points.getLast();
        double worsening = biggerIsBetter ? -last.relativeChange() : last.relativeChange();
        return worsening > minRelativeChange ? Optional.of(last) : Optional.empty();
    }

    private record Found(int index, double pValue) {
    }

    private record Split(int tau, double q) {
    }

    /** The split maximising Q, in O(n^2) with running sums of the pairwise-distance matrix. */
    private Split bestSplit(double[] x) {
        final int n = x.length;
        double[][] d = new double[n][n];
        double[] rowSum = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = Math.abs(x[i] - x[j]);
                rowSum[i] += d[i][j];
            }
        }
        // left = [0, tau), right = [tau, n). withinLeft/withinRight count each unordered pair once.
        double withinLeft = 0;
        double withinRight = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                withinRight += d[i][j];
            }
        }
        double between = 0;
        int bestTau = -1;
        double bestQ = Double.NEGATIVE_INFINITY;
        for (int tau = 1; tau < n; tau++) {
            // move point tau-1 from the right to the left
            int k = tau - 1;
            double toLeft = 0;
            for (int i = 0; i < k; i++) {
                toLeft += d[i][k];
            }
            double toRight = rowSum[k] - toLeft; // d[k][k] == 0
            withinLeft += toLeft;
            withinRight -= toRight;
            between += toRight - toLeft;
            int m = tau;
            int r = n - tau;
            if (m < minSegment || r < minSegment) {
                continue;
            }
            double e = 2 * between / ((double) m * r)
                    - (m > 1 ? withinLeft / (m * (m - 1) / 2.0) : 0)
                    - (r > 1 ? withinRight / (r * (r - 1) / 2.0) : 0);
            double q = (double) m * r / (m + r) * e;
            if (q > bestQ) {
                bestQ = q;
                bestTau = tau;
            }
        }
        return new Split(bestTau, bestQ);
    }

    private double permutationPValue(double[] values, double observedQ, SplittableRandom rng) {
        double[] shuffled = values.clone();
        int atLeastAsLarge = 0;
        for (int p = 0; p < permutations; p++) {
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                double t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            if (bestSplit(shuffled).q() >= observedQ) {
                atLeastAsLarge++;
            }
        }
        return (atLeastAsLarge + 1.0) / (permutations + 1.0);
    }

    private static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return sum / (to - from);
    }

    private static double checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha=" + alpha + " must lie strictly between 0 and 1");
        }
        return alpha;
    }

    private static int checkPermutations(int permutations, double alpha) {
        // With N permutations the smallest p-value is 1/(N+1); fewer could never reach alpha.
        if (permutations < 1 || 1.0 / (permutations + 1) > alpha) {
            throw new IllegalArgumentException("permutations=" + permutations + " cannot reach alpha=" + alpha
                    + "; need at least " + (int) Math.ceil(1 / alpha - 1));
        }
        return permutations;
    }

    private static int checkMinSegment(int minSegment) {
        if (minSegment < 2) {
            throw new IllegalArgumentException("minSegment=" + minSegment + " must be at least 2 (one point is never a level)");
        }
        return minSegment;
    }
}
