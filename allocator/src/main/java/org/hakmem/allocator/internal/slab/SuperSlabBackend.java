package org.hakmem.allocator.internal.slab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.concurrent.locks.ReentrantLock;

import org.hakmem.allocator.internal.os.OsLayer;
import org.hakmem.allocator.internal.policy.ReleasePolicy;
import org.hakmem.allocator.internal.sizeclass.SizeClasses;

/**
 * Hands out slabs carved from superslabs and takes them back. Slab traffic is the slow path (one
 * call per 64 KiB of blocks), so one lock guards the unit maps; every syscall (map, unmap,
 * madvise) is made outside that lock, so a purge never stalls other threads' slab traffic.
 *
 * <p>In LEAN mode an emptied superslab first waits in {@link #pending} for the purge delay: if a
 * slab is needed meanwhile it is reused with no syscall at all, so a working set that breathes
 * does not turn into mmap/munmap churn. Expired ones are purged in 2 MiB units on later slow-path
 * calls (and at once by {@link #purge(boolean) purge(true)}, which {@code collect()} uses).
 */
public final class SuperSlabBackend {
    private final OsLayer os;
    private final PageMap pageMap;
    private final ReleasePolicy releasePolicy;
    private final ReentrantLock lock = new ReentrantLock();

    /** Superslabs with at least one slab (HOT or DRAINING). Guarded by lock. */
    private final ArrayList<SuperSlab> active = new ArrayList<>();
    /** Empty superslabs the release policy kept mapped. Guarded by lock. */
    private final ArrayDeque<SuperSlab> kept = new ArrayDeque<>();
    /** LEAN: empty superslabs waiting out the purge delay, oldest first. Guarded by lock. */
    private final ArrayDeque<SuperSlab> pending = new ArrayDeque<>();
    private final boolean lean;
    private final long delayNanos;
    private long slabMetadataBytes;

    public SuperSlabBackend(OsLayer os, PageMap pageMap, ReleasePolicy releasePolicy, boolean lean, long delayMillis) {
        this.os = os;
        this.pageMap = pageMap;
        this.releasePolicy = releasePolicy;
        this.lean = lean;
        this.delayNanos = delayMillis * 1_000_000L;
    }

    /** Units of 64 KiB a slab of this bin spans: room for at least 8 blocks. */
    static int unitsFor(int bin) {
        long need = 8L * SizeClasses.blockBytes(bin);
        int units = (int) ((need + SuperSlab.UNIT_BYTES - 1) >>> SuperSlab.UNIT_SHIFT);
        // A power of two, so runs start at multiples of their length and pack without holes.
        return Integer.bitCount(units) == 1 ? units : Integer.highestOneBit(units) << 1;
    }

    /** Maps count superslabs up front, pre-faulted, into the kept set (FAST prewarm). */
    public void prewarm(int count) {
        for (int i = 0; i < count; i++) {
            long base = os.map(SuperSlab.BYTES, SuperSlab.BYTES, true, false);
            if (base == 0) {
                return;
            }
            lock.lock();
            try {
                SuperSlab ss = register(base);
                kept.addLast(ss);
            } finally {
                lock.unlock();
            }
        }
    }

    /** A fresh slab of bin owned by owner, or null when the OS refuses memory. */
    public Slab acquireSlab(int bin, SlabOwner owner) {
        int units = unitsFor(bin);
        lock.lock();
        try {
            SuperSlab ss = pickHot(units);
            if (ss == null) {
                // An empty one: the most recently emptied first (still resident), then a kept one.
                SuperSlab empty = pending.isEmpty() ? kept.pollFirst() : pending.pollLast();
                if (empty != null) {
                    empty.filling = true;
                    active.add(empty);
                    ss = empty;
                }
            }
            if (ss != null) {
                return carve(ss, units, bin, owner);
            }
        } finally {
            lock.unlock();
        }
        purge(false);
        long base = os.map(SuperSlab.BYTES, SuperSlab.BYTES, false, false);
        lock.lock();
        try {
            SuperSlab ss;
            if (base != 0) {
                ss = register(base);
                active.add(ss);
            } else {
                ss = pickAny(units);   // out of memory: a DRAINING superslab beats failing
                if (ss == null) {
                    return null;
                }
            }
            return carve(ss, units, bin, owner);
        } finally {
            lock.unlock();
        }
    }

    public PageMap pageMap() {
        return pageMap;
    }

    /** Takes back an empty slab; an emptied superslab is kept (FAST) or waits out the purge delay (LEAN). */
    public void releaseSlab(Slab slab) {
        SuperSlab ss = slab.superslab;
        lock.lock();
        try {
            for (int u = slab.firstUnit; u < slab.firstUnit + slab.unitCount; u++) {
                ss.slabs[u] = null;
            }
            pageMap.remove(slab);
            ss.usedUnits &= ~(mask(slab.unitCount) << slab.firstUnit);
            slab.setOwnerRelease(null);
            slabMetadataBytes -= slab.metadataBytes();
            retier(ss);
            if (ss.tier != Tier.FREE) {
                return;
            }
            active.remove(ss);
            if (!lean) {
                kept.addFirst(ss);
                return;
            }
            ss.emptySinceNanos = System.nanoTime();
            pending.addLast(ss);
        } finally {
            lock.unlock();
        }
        purge(false);
    }

    /**
     * Applies the release policy to the superslabs whose purge delay ran out (all of them when
     * force is set): unmap while above the target, else keep, decommitted as configured.
     */
    public void purge(boolean force) {
        java.util.List<SuperSlab> unmap = new java.util.ArrayList<>();
        java.util.List<SuperSlab> decommit = new java.util.ArrayList<>();
        java.util.List<ReleasePolicy.Decision> how = new java.util.ArrayList<>();
        lock.lock();
        try {
            long now = System.nanoTime();
            long mapped = os.mappedBytes();
            while (!pending.isEmpty() && (force || now - pending.peekFirst().emptySinceNanos >= delayNanos)) {
                SuperSlab ss = pending.pollFirst();
                ReleasePolicy.Decision decision = releasePolicy.onEmpty(mapped);
                switch (decision) {
                    case UNMAP -> {
                        mapped -= SuperSlab.BYTES;
                        unmap.add(ss);
                    }
                    case KEEP -> kept.addFirst(ss);
                    default -> {
                        decommit.add(ss);
                        how.add(decision);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        // Outside the lock. These superslabs are on no list meanwhile, so nobody reuses one while
        // its pages are being unmapped or purged.
        for (SuperSlab ss : unmap) {
            os.unmap(ss.base, SuperSlab.BYTES);
        }
        for (int i = 0; i < decommit.size(); i++) {
            SuperSlab ss = decommit.get(i);
            boolean lazy = how.get(i) == ReleasePolicy.Decision.KEEP_DECOMMIT_FREE;
            boolean purged = os.advise(ss.base, SuperSlab.BYTES, lazy ? OsLayer.MADV_FREE : OsLayer.MADV_DONTNEED);
            lock.lock();
            try {
                ss.pagesReleased = purged && !lazy;
                kept.addLast(ss);
            } finally {
                lock.unlock();
            }
        }
    }

    /** The fullest HOT superslab with room: packing fills them and lets DRAINING ones empty. */
    private SuperSlab pickHot(int units) {
        SuperSlab best = null;
        for (SuperSlab ss : active) {
            if (ss.tier == Tier.HOT && ss.findFreeUnits(units) >= 0
                    && (best == null || ss.usedUnitCount() > best.usedUnitCount())) {
                best = ss;
            }
        }
        return best;
    }

    private SuperSlab pickAny(int units) {
        for (SuperSlab ss : active) {
            if (ss.findFreeUnits(units) >= 0) {
                return ss;
            }
        }
        return null;
    }

    /**
     * A superslab taken fresh stays HOT while it fills up; only one that was HOT and dropped to 25%
     * or less is DRAINING. Otherwise the first slab of a new superslab would already mark it as
     * draining and every slab request would map another one.
     */
    private static void retier(SuperSlab ss) {
        int used = ss.usedUnitCount();
        if (used * 4 > SuperSlab.UNITS) {
            ss.filling = false;
        }
        ss.tier = ss.filling && used > 0 ? Tier.HOT : Tier.of(used, SuperSlab.UNITS);
    }

    private SuperSlab register(long base) {
        SuperSlab ss = new SuperSlab(base);
        ss.filling = true;
        return ss;
    }

    private Slab carve(SuperSlab ss, int units, int bin, SlabOwner owner) {
        int first = ss.findFreeUnits(units);
        Slab slab = new Slab(ss, first, units, bin, SizeClasses.blockBytes(bin), owner);
        for (int u = first; u < first + units; u++) {
            ss.slabs[u] = slab;
        }
        pageMap.put(slab);
        ss.usedUnits |= mask(units) << first;
        retier(ss);
        ss.pagesReleased = false;
        slabMetadataBytes += slab.metadataBytes();
        return slab;
    }

    private static int mask(int units) {
        return units == SuperSlab.UNITS ? -1 : (1 << units) - 1;
    }

    /** Unmaps every kept superslab (used by close; active ones go with OsLayer.unmapAll). */
    public void clear() {
        lock.lock();
        try {
            for (SuperSlab ss : active) {
                for (Slab slab : ss.slabs) {
                    if (slab != null) {
                        pageMap.remove(slab);
                    }
                }
            }
            active.clear();
            kept.clear();
            pending.clear();
        } finally {
            lock.unlock();
        }
    }

    /** A consistent snapshot of the superslab population. */
    public Snapshot snapshot() {
        lock.lock();
        try {
            int[] perClass = new int[SizeClasses.TINY_CLASS_COUNT];
            int[] tiers = new int[Tier.values().length];
            for (SuperSlab ss : active) {
                tiers[ss.tier.ordinal()]++;
                boolean[] seen = new boolean[SizeClasses.TINY_CLASS_COUNT];
                for (Slab slab : ss.slabs) {
                    if (slab != null) {
                        int c = SizeClasses.tinyClassOf(slab.bin);
                        if (c >= 0 && !seen[c]) {
                            seen[c] = true;
                            perClass[c]++;
                        }
                    }
                }
            }
            long metadata = slabMetadataBytes + pageMap.metadataBytes()
                    + (active.size() + kept.size() + pending.size()) * (48L + 16L + 4L * SuperSlab.UNITS);
            long released = 0;
            for (SuperSlab ss : kept) {
                released += ss.pagesReleased ? SuperSlab.BYTES : 0;
            }
            return new Snapshot(active.size(), kept.size() + pending.size(), perClass, tiers[Tier.HOT.ordinal()],
                    tiers[Tier.DRAINING.ordinal()], metadata, released);
        } finally {
            lock.unlock();
        }
    }

    /** @param releasedBytes bytes of kept superslabs whose pages went back to the OS (MADV_DONTNEED) */
    public record Snapshot(int liveSuperslabs, int keptSuperslabs, int[] liveSuperslabsPerClass, int hot,
                           int draining, long metadataBytes, long releasedBytes) {
    }
}
