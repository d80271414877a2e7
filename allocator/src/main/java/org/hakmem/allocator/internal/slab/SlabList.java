package org.hakmem.allocator.internal.slab;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * An owner's list of slabs of one bin, intrusive through the slabs' links, so moving a slab
 * between an owner's "available" and "full" lists allocates nothing. A slab is on at most one list.
 * Touched only by the slab's owner.
 *
 * <p>The links are slab base addresses, resolved through the {@link PageMap}, not references:
 * refills and flushes move slabs between lists all the time, and with Serial or Parallel GC every
 * reference store also dirties a card-table byte, one byte per 512 heap bytes, so one table line
 * per 32 KiB of heap. Two threads whose slabs the heap placed within 32 KiB of each other then
 * pulled that line back and forth on every move: larson with two long-lived threads ran at 200-250
 * M ops/s in some runs instead of 270-280 (250-273 with -XX:+UseCondCardMark, which checks the byte
 * before writing it). Primitive stores dirty nothing, whatever the collector.
 */
public final class SlabList {
    /** Tag 0 means "on no list". Tags only tell lists apart; one reused after wrap-around is harmless. */
    private static final AtomicInteger TAGS = new AtomicInteger();
    private static final long NONE = 0;

    private final PageMap pageMap;
    private final int tag;
    /** The owner's other list of the same bin: addFirst moves a slab from it without a lookup. */
    private SlabList sibling;
    private long headBase = NONE;
    private int size;

    public SlabList(PageMap pageMap) {
        this.pageMap = pageMap;
        int t;
        do {
            t = TAGS.incrementAndGet();
        } while (t == 0);
        this.tag = t;
    }

    /** Pairs an owner's two lists of one bin (available and full), so addFirst can move between them. */
    public static void pair(SlabList a, SlabList b) {
        a.sibling = b;
        b.sibling = a;
    }

    public Slab first() {
        return slabAt(headBase);
    }

    /** The slab after s on this list, or null. */
    public Slab next(Slab slab) {
        return slabAt(slab.nextBase);
    }

    public int size() {
        return size;
    }

    public boolean contains(Slab slab) {
        return slab.listTag == tag;
    }

    /** Puts slab first, taking it off this list or its sibling first if it is on one. */
    public void addFirst(Slab slab) {
        final int on = slab.listTag;
        if (on == tag) {
            remove(slab);
        } else if (sibling != null && on == sibling.tag) {
            sibling.remove(slab);
        } else if (on != 0) {
            throw new IllegalStateException("slab at 0x" + Long.toHexString(slab.base) + " is on another owner's list");
        }
        slab.listTag = tag;
        slab.prevBase = NONE;
        slab.nextBase = headBase;
        if (headBase != NONE) {
            slabAt(headBase).prevBase = slab.base;
        }
        headBase = slab.base;
        size++;
    }

    public void remove(Slab slab) {
        if (slab.listTag != tag) {
            throw new IllegalStateException("slab at 0x" + Long.toHexString(slab.base) + " is not on this list");
        }
        if (slab.prevBase != NONE) {
            slabAt(slab.prevBase).nextBase = slab.nextBase;
        } else {
            headBase = slab.nextBase;
        }
        if (slab.nextBase != NONE) {
            slabAt(slab.nextBase).prevBase = slab.prevBase;
        }
        slab.nextBase = NONE;
        slab.prevBase = NONE;
        slab.listTag = 0;
        size--;
    }

    /** A slab on a list is live, so its base finds it in the page map. */
    private Slab slabAt(long base) {
        return base == NONE ? null : pageMap.slabAt(base);
    }
}
