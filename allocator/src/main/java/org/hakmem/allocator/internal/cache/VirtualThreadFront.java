package org.hakmem.allocator.internal.cache;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The tiny front of virtual threads: a fixed set of thread caches ("stripes"), each guarded by a
 * spin lock, instead of one cache per thread. A server with 100,000 virtual threads would otherwise
 * build up to 100,000 caches (each a 33 KiB stack array and slabs of its own; figures in the
 * README); the stripes bound hakmem's per-thread state by the number of stripes, as mimalloc and
 * glibc are bounded by the carrier threads they see.
 *
 * <p>A virtual thread starts at the stripe its thread id picks and takes the first free one from
 * there, so it never waits behind a stripe another carrier holds (a carrier's OS thread may be
 * descheduled while holding one). Each stripe's cache is owned by a thread object that never runs,
 * so no caller ever takes the lock-free local path for a stripe's blocks; under the stripe's lock a
 * free of a block of that stripe's own slab is a local free all the same, any other free goes the
 * remote way. A stripe's slow path can block (the backend's and the pool's locks) and park its
 * virtual thread with the stripe held; others then take other stripes, and when every stripe is
 * taken they yield instead of spinning, so the parked holder gets a carrier back. The pool and
 * large paths hold no stripe at all ({@link #enterShared}).
 *
 * <p>Closing: {@link #closeAndDrain} sets closed, then takes every lock and keeps it and waits
 * for the shared paths to empty; a thread that got a lock before sees closed and lets go, one that
 * spins for one sees closed and throws.
 */
public final class VirtualThreadFront {
    /** Ints between two locks: 128 bytes, two cache lines (the prefetcher pulls lines in pairs). */
    private static final int LOCK_STRIDE = 32;
    private static final int MAX_STRIPES = 64;

    private final ThreadCache[] stripes;
    private final AtomicIntegerArray locks;
    private final int mask;
    private volatile boolean closed;
    /** Virtual threads on a pool or large path ({@link #enterShared}). */
    private final java.util.concurrent.atomic.LongAdder inside = new java.util.concurrent.atomic.LongAdder();

    public VirtualThreadFront(CacheHome home, int processors) {
        int n = Math.min(MAX_STRIPES, Integer.highestOneBit(Math.max(2, 2 * processors - 1)) << 1);
        n = Math.max(4, n);
        this.stripes = new ThreadCache[n];
        for (int i = 0; i < n; i++) {
            stripes[i] = new ThreadCache(home, Thread.ofPlatform().name("hakmem-virtual-stripe-" + i).unstarted(() -> { }));
        }
        this.locks = new AtomicIntegerArray((n + 1) * LOCK_STRIDE);
        this.mask = n - 1;
    }

    public int stripeCount() {
        return stripes.length;
    }

    /**
     * Takes a stripe for the calling thread and returns its index: the thread id's stripe if free,
     * else the next free one. Throws IllegalStateException once the instance is closed.
     */
    public int enter(Thread current) {
        final AtomicIntegerArray l = locks;
        int s = (int) current.threadId() & mask;
        for (int tried = 1; ; tried++) {
            final int at = (s + 1) * LOCK_STRIDE;
            if (l.get(at) == 0 && l.compareAndSet(at, 0, 1)) {
                if (closed) {
                    l.setRelease(at, 0);
                    throw closedException();
                }
                return s;
            }
            if (closed) {
                throw closedException();
            }
            s = (s + 1) & mask;
            if ((tried & mask) == 0) {
                // every stripe taken: a holder may have parked (a slow path blocked on a lock), and a
                // carrier spinning here would keep it off: let it (and any other thread) run first
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * A virtual thread's pool, large or mapping path (which take locks and make system calls, and
     * may park): no stripe is held, only counted as inside, so close() waits for it. Pair with
     * {@link #exitShared}.
     */
    public void enterShared() {
        inside.increment();
        if (closed) {   // after the increment: close() either sees it inside or this sees closed
            inside.decrement();
            throw closedException();
        }
    }

    public void exitShared() {
        inside.decrement();
    }

    /** Lets go of a stripe {@link #enter} returned; what the holder wrote is visible to the next. */
    public void exit(int stripe) {
        locks.setRelease((stripe + 1) * LOCK_STRIDE, 0);
    }

    /** The cache of a stripe the caller holds. */
    public ThreadCache cache(int stripe) {
        return stripes[stripe];
    }

    /** Every stripe's cache, for stats (racy reads of owner-written counters, exact when quiet). */
    public ThreadCache[] caches() {
        return stripes.clone();
    }

    /** Gives back every stripe's cached blocks and empty slabs (collect), each under its lock. */
    public void collectAll() {
        for (int s = 0; s < stripes.length; s++) {
            lockWaiting(s);
            try {
                stripes[s].collect(false);
            } finally {
                exit(s);
            }
        }
    }

    /** Refuses new entries and waits until no thread is inside; the locks stay taken for good. */
    public void closeAndDrain() {
        closed = true;
        for (int s = 0; s < stripes.length; s++) {
            lockWaiting(s);
            stripes[s].forget();
        }
        while (inside.sum() != 0) {
            Thread.onSpinWait();
        }
    }

    private void lockWaiting(int stripe) {
        final int at = (stripe + 1) * LOCK_STRIDE;
        for (int tried = 1; !locks.compareAndSet(at, 0, 1); tried++) {
            if ((tried & 1023) == 0) {
                Thread.yield();   // the holder may be a parked virtual thread
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private static IllegalStateException closedException() {
        return new IllegalStateException("this hakmem allocator instance is closed");
    }
}
