package org.hakbench.workload;

/**
 * The xorshift64* generator of WORKLOAD.md and the per-thread seeding of docs/workloads/README.md.
 * Hot loops keep the state in a local: {@code s = step(s); r = output(s);}.
 */
public final class Xorshift {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long MULTIPLIER = 0x2545F4914F6CDD1DL;

    private Xorshift() {
    }

    /** The state a seed starts from: 0 would stay 0 forever, so it becomes 1. */
    public static long initialState(long seed) {
        return seed == 0 ? 1 : seed;
    }

    /** Thread t's own state, independent of scheduling: splitmix64 of seed + t * golden gamma. */
    public static long threadState(long seed, int thread) {
        long z = seed + thread * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return initialState(z ^ (z >>> 31));
    }

    public static long step(long state) {
        long x = state;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        return x;
    }

    public static long output(long state) {
        return state * MULTIPLIER;
    }

    /** The slot index of WORKLOAD.md: the high 32 bits of r, unsigned, mod slotCount. */
    public static int slot(long r, int slotCount) {
        return (int) ((r >>> 32) % slotCount);
    }

    /** A size in minSize..maxSize inclusive from the low 16 bits of r, as WORKLOAD.md. */
    public static long size(long r, long minSize, long maxSize) {
        return minSize + (r & 0xFFFF) % (maxSize - minSize + 1);
    }
}
