package org.hakbench.workload;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.nativeaccess.NativeMemory;

/**
 * The {@code random_mixed} loop of WORKLOAD.md, stateful so it can run in chunks: {@link #run(long)}
 * continues the same PRNG state, slot table and iteration counter, so {@code run(a); run(b)} does
 * exactly what one {@code run(a + b)} does. Not thread-safe: one instance per thread.
 *
 * <p>Per op: one xorshift64* step, one unsigned modulo for the slot, then either {@code free} of the
 * slot's block or {@code malloc(16 + (r & 0xFFFF) % 1009)} and two byte writes ({@code i & 0xFF} at
 * the first and last byte).
 */
public final class RandomMixed {

    /** Smallest request, bytes. */
    public static final int MIN_BYTES = 16;
    /** Largest request, bytes. */
    public static final int MAX_BYTES = 1024;
    /** Number of distinct sizes: MIN_BYTES..MAX_BYTES. */
    private static final int SIZE_SPAN = MAX_BYTES - MIN_BYTES + 1;
    /** xorshift64* output multiplier. */
    private static final long MULTIPLIER = 0x2545F4914F6CDD1DL;

    private final AllocatorAdapter adapter;
    private final long[] slots;
    private long state;
    private long iteration;
    private long mallocCalls;
    private long freeCalls;

    /**
     * @param adapter    the allocator
     * @param workingSet number of slots (WORKLOAD.md {@code ws}), at least 1
     * @param seed       PRNG seed; 0 is treated as 1 (xorshift has no zero state)
     */
    public RandomMixed(AllocatorAdapter adapter, int workingSet, long seed) {
        this.adapter = java.util.Objects.requireNonNull(adapter, "adapter");
        this.slots = new long[checkWorkingSet(workingSet)];
        this.state = seed == 0 ? 1 : seed;
    }

    private static int checkWorkingSet(int workingSet) {
        if (workingSet < 1) {
            throw new IllegalArgumentException("ws=" + workingSet + ": must be at least 1");
        }
        return workingSet;
    }

    /**
     * Runs {@code ops} more iterations (each one malloc or one free). Throws IllegalStateException
     * naming the size when the allocator returns 0 (C would crash writing to it).
     *
     * @return the number of iterations run so far in total
     */
    public long run(long ops) {
        if (ops < 0) {
            throw new IllegalArgumentException("ops=" + ops + ": must be >= 0");
        }
        final AllocatorAdapter a = adapter;
        final long[] table = slots;
        final int ws = table.length;
        final long end = iteration + ops;
        long s = state;
        long mallocs = 0;
        long i = iteration;
        for (; i < end; i++) {
            s ^= s >>> 12;
            s ^= s << 25;
            s ^= s >>> 27;
            final long r = s * MULTIPLIER;
            // r >>> 32 < 2^32 and ws is an int: a 32-bit unsigned modulo gives WORKLOAD.md's (r >>> 32) mod ws
            // exactly, with a 32-bit divide (the C twin does the same).
            final int idx = Integer.remainderUnsigned((int) (r >>> 32), ws);
            final long p = table[idx];
            if (p != 0) {
                a.free(p);
                table[idx] = 0;
            } else {
                final long size = MIN_BYTES + (r & 0xFFFF) % SIZE_SPAN;
                final long q = a.malloc(size);
                if (q == 0) {
                    throw outOfMemory(size, i);
                }
                final byte mark = (byte) i;
                NativeMemory.putByte(q, mark);
                NativeMemory.putByte(q + size - 1, mark);
                table[idx] = q;
                mallocs++;
            }
        }
        mallocCalls += mallocs;
        freeCalls += ops - mallocs;
        state = s;
        iteration = i;
        return i;
    }

    private IllegalStateException outOfMemory(long size, long i) {
        return new IllegalStateException(adapter.name() + ": malloc(" + size + ") returned 0 at iteration " + i);
    }

    /** Frees every occupied slot (WORKLOAD.md: after the timed loop, not timed); returns how many. */
    public int freeAll() {
        int freed = 0;
        for (int idx = 0; idx < slots.length; idx++) {
            if (slots[idx] != 0) {
                adapter.free(slots[idx]);
                slots[idx] = 0;
                freed++;
            }
        }
        freeCalls += freed;
        return freed;
    }

    /** Iterations run so far. */
    public long iterations() {
        return iteration;
    }

    /** malloc calls made by {@link #run} so far. */
    public long mallocCalls() {
        return mallocCalls;
    }

    /** free calls made so far, including {@link #freeAll}. */
    public long freeCalls() {
        return freeCalls;
    }

    /** Occupied slots now. */
    public int liveBlocks() {
        int live = 0;
        for (long p : slots) {
            if (p != 0) {
                live++;
            }
        }
        return live;
    }

    /** Current PRNG state (for tests and resumable soaks). */
    public long state() {
        return state;
    }
}
