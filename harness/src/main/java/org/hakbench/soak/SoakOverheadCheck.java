package org.hakbench.soak;

import java.util.Arrays;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.adapters.Allocators;
import org.hakbench.workload.RandomMixed;

/**
 * The measurement behind "the soak's bookkeeping costs under 2%" (docs/soak.md), as a tool:
 * {@code scripts/soak-overhead hakmem 16 400 25}. In one JVM, on one RandomMixed state, it alternates
 * short time slices of the plain loop ({@code run(16384)} calls, as a rebase does) and of
 * {@link SoakLoop}, so both see the same JIT code and the same machine noise, and prints soak ops/s
 * over plain ops/s. Not JMH: the two loops must share one workload state and alternate within
 * milliseconds, which JMH's separate benchmark methods and forks do not give.
 * Arguments: allocator, timed-every (1 = time every batch), rounds, slice milliseconds.
 */
public final class SoakOverheadCheck {
    static final String USAGE = "usage: soak-overhead ALLOCATOR TIMED_EVERY ROUNDS SLICE_MS  (e.g. hakmem 16 400 25)";

    private static final int BATCH_OPS = 64;
    private static final int PLAIN_CALL_OPS = 16_384;

    private SoakOverheadCheck() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true)));
    }

    /** 0, or 2 with a message naming the bad argument. */
    static int run(String[] args, java.io.PrintWriter out, java.io.PrintWriter err) throws Exception {
        if (args.length != 4) {
            err.println(USAGE);
            return 2;
        }
        String allocator = args[0];
        int timedEvery;
        int rounds;
        long sliceNanos;
        try {
            Allocators.byName(allocator);
            timedEvery = positive("TIMED_EVERY", args[1]);
            rounds = positive("ROUNDS", args[2]);
            sliceNanos = positive("SLICE_MS", args[3]) * 1_000_000L;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (AllocatorAdapter adapter = Allocators.createAdapter(Allocators.byName(allocator))) {
            RandomMixed w = new RandomMixed(adapter, SoakRequest.DEFAULT_WORKING_SET, SoakRequest.DEFAULT_SEED);
            for (int i = 0; i < 10_000; i++) {
                w.run(2_000);
            }
            double[] plain = new double[rounds];
            double[] soak = new double[rounds];
            long[] epoch = new long[2];
            for (int r = -3; r < rounds; r++) {
                long start = System.nanoTime();
                long end = start + sliceNanos;
                long now;
                long ops = 0;
                do {
                    w.run(PLAIN_CALL_OPS);
                    ops += PLAIN_CALL_OPS;
                    now = System.nanoTime();
                } while (now < end);
                double plainRate = ops * 1e9 / (now - start);
                SoakLoop.run(w, BATCH_OPS, timedEvery, sliceNanos, 1, new StopSignal(), (e, elapsed, length, n, latency) -> {
                    epoch[0] = n;
                    epoch[1] = length;
                });
                if (r >= 0) {   // the first rounds only warm up the soak loop's code
                    plain[r] = plainRate;
                    soak[r] = epoch[0] * 1e9 / epoch[1];
                }
            }
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = soak[r] / plain[r];
            }
            Arrays.sort(ratios);
            out.printf("%s timed-every=%d rounds=%d slice=%d ms: plain %.2fM ops/s, soak %.2fM ops/s, "
                            + "soak/plain %.4f (mean rates), %.4f (median of per-round ratios)%n",
                    allocator, timedEvery, rounds, sliceNanos / 1_000_000, mean(plain) / 1e6, mean(soak) / 1e6,
                    mean(soak) / mean(plain), ratios[rounds / 2]);
        }
        return 0;
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException(name + "=" + value + ": must be a whole number >= 1");
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }
}
