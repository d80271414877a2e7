package org.hakbench.rebase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hakbench.stats.RankComparison;

/**
 * The headline of a rebase with C twins: hakmem against a competitor run natively (no JVM, no downcall),
 * by round: round r's hakmem, JVM null, native competitor and native null runs ran one after the other,
 * so each round gives one ratio of net ns/op (each against its own null loop) and one of ops/s, and
 * the rank module ({@link RankComparison#paired}) gives the estimate and its 95% interval. Derived
 * from the runs in the file, so any rebase file with these rows gives it.
 *
 * @param candidate    "hakmem"
 * @param reference    e.g. "native:mimalloc"
 * @param rounds       rounds in which all four runs succeeded
 * @param netRatio     candidate net ns/op over the reference's (per-op cost: below 1 is cheaper); null when a
 *                     round's net figure was not positive (noise larger than the allocator's cost)
 * @param netLow       its 95% interval, null below 6 rounds
 * @param netHigh      upper end
 * @param opsRatio     candidate ops/s over the reference's (above 1 is faster)
 * @param opsLow       its 95% interval, null below 6 rounds
 * @param opsHigh      upper end
 */
public record NativeHeadline(String candidate, String reference, int rounds, Double netRatio, Double netLow, Double netHigh,
                             double opsRatio, Double opsLow, Double opsHigh) {

    public static final String CANDIDATE = "hakmem";
    public static final String REFERENCE = "native:mimalloc";
    private static final String JVM_NULL = "null";
    private static final String NATIVE_NULL = "native:null";
    private static final int MIN_ROUNDS_FOR_INTERVAL = 6;

    /** hakmem against native mimalloc, when the file has both and both null loops in at least 2 rounds. */
    public static Optional<NativeHeadline> of(RebaseReport report) {
        return of(report, CANDIDATE, REFERENCE);
    }

    public static Optional<NativeHeadline> of(RebaseReport report, String candidate, String reference) {
        Map<Integer, Map<String, Double>> byRound = new HashMap<>();
        for (RebaseReport.RunRecord r : report.runs()) {
            if (r.ok() && r.result() != null) {
                byRound.computeIfAbsent(r.round(), k -> new HashMap<>()).put(r.allocator(), r.result().opsPerSec());
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (Map<String, Double> round : byRound.values()) {
            if (round.keySet().containsAll(List.of(candidate, reference, JVM_NULL, NATIVE_NULL))) {
                rows.add(new double[] {round.get(candidate), round.get(JVM_NULL), round.get(reference), round.get(NATIVE_NULL)});
            }
        }
        if (rows.size() < 2) {
            return Optional.empty();
        }
        int n = rows.size();
        double[] candOps = new double[n];
        double[] refOps = new double[n];
        double[] candNet = new double[n];
        double[] refNet = new double[n];
        boolean positive = true;
        for (int i = 0; i < n; i++) {
            double[] x = rows.get(i);
            candOps[i] = x[0];
            refOps[i] = x[2];
            candNet[i] = 1e9 / x[0] - 1e9 / x[1];
            refNet[i] = 1e9 / x[2] - 1e9 / x[3];
            positive &= candNet[i] > 0 && refNet[i] > 0;
        }
        RankComparison ops = RankComparison.paired(refOps, candOps, 0.05);
        boolean interval = n >= MIN_ROUNDS_FOR_INTERVAL;
        Double netRatio = null;
        Double netLow = null;
        Double netHigh = null;
        if (positive) {
            RankComparison net = RankComparison.paired(refNet, candNet, 0.05);
            netRatio = Math.exp(net.estimate());
            netLow = interval ? Math.exp(net.ciLow()) : null;
            netHigh = interval ? Math.exp(net.ciHigh()) : null;
        }
        return Optional.of(new NativeHeadline(candidate, reference, n, netRatio, netLow, netHigh, Math.exp(ops.estimate()),
                interval ? Math.exp(ops.ciLow()) : null, interval ? Math.exp(ops.ciHigh()) : null));
    }

    /** One line: "hakmem vs native:mimalloc (10 rounds): net ns/op 1.52x [1.40, 1.66] (per-op cost; below 1 is cheaper), ops/s 0.83x [...]". */
    public String line() {
        String net = netRatio == null ? "net ns/op n/a (a round's net cost was not positive: noise above the allocator's cost)"
                : "net ns/op " + ratio(netRatio, netLow, netHigh) + " (per-op cost, each against its own null loop; below 1 is cheaper)";
        return String.format(Locale.ROOT, "%s vs %s (%d rounds): %s, ops/s %s (above 1 is faster)", candidate, reference, rounds, net,
                ratio(opsRatio, opsLow, opsHigh));
    }

    private static String ratio(double value, Double low, Double high) {
        return low == null ? String.format(Locale.ROOT, "%.2fx", value)
                : String.format(Locale.ROOT, "%.2fx [%.3f, %.3f]", value, low, high);
    }
}
