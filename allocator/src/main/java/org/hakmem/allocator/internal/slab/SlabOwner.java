package org.hakmem.allocator.internal.slab;

/**
 * Whoever may touch a slab's free set without atomics: a thread cache (owned by one thread) or a
 * shared pool bin (guarded by its lock). {@code thread} lets {@code free} recognise the owner with
 * one comparison against {@link Thread#currentThread()}, without a ThreadLocal lookup.
 */
public abstract class SlabOwner {
    /** The owning thread, or null for an owner guarded by a lock. */
    public final Thread thread;
    /**
     * A thread cache's stacks of free blocks (layout in ThreadCache), carried by each slab it owns
     * so that a local free reaches them in one load; only the owning thread touches them. Null
     * for a lock-guarded owner.
     */
    public final long[] stack;

    protected SlabOwner(Thread thread, long[] stack) {
        this.thread = thread;
        this.stack = stack;
    }
}
