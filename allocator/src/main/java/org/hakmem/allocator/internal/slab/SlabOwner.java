package org.hakmem.allocator.internal.slab;

/**
 * Whoever may touch a slab's free set without atomics: a thread cache (owned by one thread) or a
 * shared pool bin (guarded by its lock). {@code thread} lets {@code free} recognise the owner with
 * one comparison against {@link Thread#currentThread()}, without a ThreadLocal lookup.
 */
public abstract class SlabOwner {
    /** The owning thread, or null for an owner guarded by a lock. */
    public final Thread thread;

    protected SlabOwner(Thread thread) {
        this.thread = thread;
    }
}
