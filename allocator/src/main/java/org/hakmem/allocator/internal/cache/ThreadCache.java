package org.hakmem.allocator.internal.cache;

import org.hakmem.allocator.internal.policy.RouteTable;
import org.hakmem.allocator.internal.sizeclass.SizeClasses;
import org.hakmem.allocator.internal.slab.PageMap;
import org.hakmem.allocator.internal.slab.Slab;
import org.hakmem.allocator.internal.slab.SlabList;

/**
 * One thread's tiny front (the seeds' unified cache / TLS SLL): per bin a stack of free block
 * addresses in a Java array, and the slabs this thread owns. Only the owning thread touches it
 * while it lives; after the thread ended, whoever unregistered it: the thread that takes it over
 * ({@link #adoptedBy}) or the reaper.
 *
 * <p>The fast paths never touch block memory: malloc pops an address, free pushes one. Reading or
 * writing a word of the freed block (glibc's tcache key, mimalloc's list link) pulls a line the
 * program stopped using long ago into the cache; on random_mixed that alone costs 5% of throughput.
 * So a local free checks only metadata it has at hand: it refuses a block never handed out (at or
 * above its slab's {@link Slab#carved} mark) and the block this thread freed last into the same bin
 * (the common {@code free(p); free(p)}; the top of the stack is on the line the push writes). Any
 * other double free is caught when the second copy returns to the slab (counted as a corruption
 * and dropped); until then the block may be handed out twice. A free by another thread, and
 * realloc, refuse a block that is free in its slab (either bitmap). HAKMEM_CHECKED=1 bypasses
 * this cache and refuses every double free exactly.
 */
public final class ThreadCache extends org.hakmem.allocator.internal.slab.SlabOwner {
    /**
     * Layout of {@link #stack}: after a pad, one header slot per bin ({@code countSlot(b)}), then one
     * stack of 2^STRIDE_SHIFT slots per bin. A bin's stack starts at stackBase(b) with a slot that
     * is always 0, its blocks above it. The header's low half is the index of the top block
     * ({@code stackBase + count}), its high half the index a push may not pass ({@code stackBase +
     * capacity}): malloc loads the header and the block at its top and is done if that is not 0
     * (the empty stack's "top" is the 0 slot), free compares its address with the top without
     * first asking whether the stack is empty and checks the limit from the same load; neither adds
     * a base to a count, and a push or pop rewrites the header by adding or subtracting 1 (the
     * top stays below the limit, so the low half never carries into the high one).
     * The tops of all bins share a few cache lines that every malloc and free writes, instead of
     * a line at the head of each bin's stack: fewer distinct lines written per operation, which is
     * what a core running more threads than it has (time-slicing, migrations) pays for (larson, 4
     * threads on 2 cores: 1.07x in 12 interleaved rounds; 2 threads +4-5%; glibc-thread even).
     * A local free needs nothing of the cache but this one array, which every slab it owns
     * carries ({@link Slab#ownerStack}).
     */
    private static final int STRIDE_SHIFT = 7;
    /**
     * 128 bytes of unused elements before and after the hot ones of the stack. The array is
     * written on every malloc and free, and a compacting GC may move another thread's hot
     * object right next to them: without the gap the two threads would share a cache line (and
     * its neighbour, which the prefetcher pulls in pairs). glibc-thread, two threads on two cores:
     * speed-up 1.44x without the gap, 1.78x with it (hakbench scale, 3 runs each).
     */
    private static final int PAD_LONGS = 16;
    /** The pad, then a header per bin, rounded up to whole cache lines. */
    private static final int HEADER_LONGS = PAD_LONGS + ((SizeClasses.TINY_BIN_COUNT + 7) & ~7);
    private static final int STACK_LONGS = HEADER_LONGS + (SizeClasses.TINY_BIN_COUNT << STRIDE_SHIFT) + PAD_LONGS;
    private final SlabList[] available;
    private final SlabList[] full;
    private final CacheHome core;
    private final PageMap pageMap;
    /** Slabs of this cache that other threads freed into since it last looked. */
    private final SignalStack signalled;
    /*
     * Accounting without a counter on the fast paths: a block leaves its slab into this cache
     * (refill: taken), comes back from it (flush: returned), or is freed by this thread into
     * another owner's slab (remotely freed). What this thread's mallocs handed out and nobody freed
     * is taken - returned - cached - remotely freed, summed over threads by stats. Owner-written
     * plain fields: another thread's read is racy, exact once the threads are quiet.
     */
    private long takenBytes;
    private long returnedBytes;
    private long remotelyFreedBytes;

    public ThreadCache(CacheHome core, Thread thread) {
        super(thread, new long[STACK_LONGS]);
        this.core = core;
        this.pageMap = core.pageMap();
        this.available = new SlabList[SizeClasses.TINY_BIN_COUNT];
        this.full = new SlabList[SizeClasses.TINY_BIN_COUNT];
        this.signalled = new SignalStack();
        for (int bin = 0; bin < SizeClasses.TINY_BIN_COUNT; bin++) {
            available[bin] = new SlabList(pageMap);
            full[bin] = new SlabList(pageMap);
            SlabList.pair(available[bin], full[bin]);
            RouteTable.Route route = core.routes().routeOfBin(bin);
            int byBytes = Math.max(8, Math.min(64, 32768 / SizeClasses.blockBytes(bin)));
            int capacity = route == RouteTable.Route.POOL_ONLY || core.config().checked()
                    ? 0 : Math.min(byBytes, core.config().tinyCacheBlocks());
            stack[countSlot(bin)] = header(stackBase(bin), stackBase(bin) + capacity);
        }
    }

    /** The heir of a cache whose thread ended: the same stacks, slab lists, signal stack and counters. */
    private ThreadCache(ThreadCache ended, Thread thread) {
        super(thread, ended.stack);
        this.core = ended.core;
        this.pageMap = ended.pageMap;
        this.available = ended.available;
        this.full = ended.full;
        this.signalled = ended.signalled;
        this.takenBytes = ended.takenBytes;
        this.returnedBytes = ended.returnedBytes;
        this.remotelyFreedBytes = ended.remotelyFreedBytes;
    }

    /**
     * Hands this cache, whose thread ended, to thread (the caller, on its first malloc) whole: its
     * cached blocks stay cached and its slabs become the heir's (mimalloc similarly lets running
     * threads reclaim the segments an ended thread abandoned). A thread that replaces one that ended (a server's next worker, larson's next
     * generation) then frees the blocks it inherits locally and starts with warm slabs, instead of
     * the reaper flushing the cache, the pool adopting the slabs under its lock, every inherited block
     * coming back through that lock and the new thread borrowing the slabs again.
     *
     * <p>The signal stack is the same object, so a thread that read the old cache as a slab's owner
     * and signals it after the hand-over still reaches the heir. The caller must have taken this
     * cache out of the live list under its lock (so no reaper collects it too); the thread's end
     * happens-before that isAlive() returned false, so the heir sees the cache as the thread left it.
     */
    public ThreadCache adoptedBy(Thread heirThread) {
        ThreadCache heir = new ThreadCache(this, heirThread);
        for (int bin = 0; bin < SizeClasses.TINY_BIN_COUNT; bin++) {
            for (SlabList list : new SlabList[] {available[bin], full[bin]}) {
                for (Slab s = list.first(); s != null; s = list.next(s)) {
                    s.setOwnerRelease(heir);
                }
            }
        }
        return heir;
    }

    /** The slow half of malloc: refill from owned slabs, remote frees, the pool, or a new slab. */
    public long mallocSlow(int bin) {
        core.checkOpen();
        if (capacity(bin) == 0) {
            return core.pool().malloc(bin);
        }
        if (!refill(bin)) {
            return core.routes().routeOfBin(bin) == RouteTable.Route.TINY_FIRST ? core.pool().malloc(bin) : 0;
        }
        return pop(bin);
    }

    /** The fast half of malloc: the top cached block of bin, or 0 if there is none. */
    public long pop(int bin) {
        final long[] s = stack;
        final int cs = countSlot(bin);
        final long header = s[cs];
        final long address = s[(int) header];
        if (address != 0) {
            s[cs] = header - 1;
        }
        return address;
    }

    /**
     * free of a block of a slab the calling thread owns, given that slab's {@link Slab#ownerStack}
     * (this thread's stack), once the caller proved address a block start below the slab's carved
     * mark: the last-freed check, then onto the stack.
     */
    public static void freeLocal(Slab slab, long[] s, long address) {
        final int cs = countSlot(slab.bin);
        final long header = s[cs];
        final int top = (int) header;
        if (s[top] == address) {   // isLastFreed, with top at hand
            throw org.hakmem.allocator.internal.slab.BadFree.doubleFree(address);
        }
        if (top >= (int) (header >>> 32)) {
            // The push is repeated in freeFull rather than shared: returning the new count here
            // for one push made the compiled fast path 5% slower (JMH random_mixed, 3 rounds).
            ((ThreadCache) slab.owner).freeFull(slab, slab.blockIndex(address), address);
            return;
        }
        s[top + 1] = address;
        s[cs] = header + 1;
    }

    /** freeLocal of a bin whose stack is full, or that caches nothing (capacity 0). */
    private void freeFull(Slab slab, int index, long address) {
        final int bin = slab.bin;
        if (capacity(bin) == 0) {
            returnToSlab(slab, index);
            return;
        }
        int c = flush(bin, (count(bin) + 1) >>> 1);
        stack[stackBase(bin) + c + 1] = address;
        setCount(bin, c + 1);
    }

    private boolean refill(int bin) {
        Slab slab = slabWithFreeBlock(bin);
        if (slab == null) {
            return false;
        }
        int base = stackBase(bin) + 1;
        int have = count(bin);
        int taken = slab.take(stack, base + have, Math.max(1, capacity(bin) / 2));
        if (slab.freeCount == 0) {
            full[bin].addFirst(slab);
        }
        setCount(bin, have + taken);
        takenBytes += (long) taken * SizeClasses.blockBytes(bin);
        return taken > 0;
    }

    private Slab slabWithFreeBlock(int bin) {
        // Invariant: a slab on an available list has free blocks (one that runs out moves to the
        // full list), and remote frees announce themselves by signal, so the head decides: no search.
        SlabList avail = available[bin];
        Slab first = avail.first();
        if (first != null && first.freeCount > 0) {
            return first;
        }
        takeSignalled();
        first = avail.first();
        if (first != null && first.freeCount > 0) {
            return first;
        }
        Slab s = core.pool().lend(bin, this);
        if (s == null) {
            s = core.backend().acquireSlab(bin, this);
            if (s == null) {
                return null;
            }
        } else {
            core.countCorruption(s.drainRemote());
        }
        avail.addFirst(s);
        return s.freeCount > 0 ? s : slabWithFreeBlock(bin);
    }

    /** Called by another thread after the first remote free into one of this cache's slabs. */
    public void signal(Slab slab) {
        signalled.push(slab);
    }

    /** Takes in the remote frees of every signalled slab; slabs that got blocks back become available. */
    private void takeSignalled() {
        for (SignalStack.Node n = signalled.takeAll(); n != null; n = n.next) {
            final Slab s = n.slab;
            if (s.owner == this) {
                boolean wasFull = s.freeCount == 0;
                core.countCorruption(s.takeRemote());
                if (wasFull && s.freeCount > 0) {
                    available[s.bin].addFirst(s);
                }
            }
        }
    }

    /**
     * Moves the n oldest cached blocks of bin back to their slabs and returns the new count.
     * Slabs that become empty go back to the backend, except one per bin in FAST mode.
     */
    private int flush(int bin, int n) {
        final int base = stackBase(bin) + 1;
        final int c = count(bin);
        for (int i = 0; i < n; i++) {
            long a = stack[base + i];
            Slab slab = pageMap.slabAt(a);
            returnToSlab(slab, slab.blockIndex(a));
        }
        System.arraycopy(stack, base + n, stack, base, c - n);
        setCount(bin, c - n);
        return c - n;
    }

    private void returnToSlab(Slab slab, int index) {
        if (slab.isFree(index)) {
            // A double free that got past freeLocal (the block was deeper in this cache, or another
            // thread freed it too, when it was freed again): keep one copy, count it returned once.
            core.countCorruption(1);
            return;
        }
        returnedBytes += slab.blockBytes;
        boolean wasFull = slab.freeCount == 0;
        slab.putFree(index);
        SlabList avail = available[slab.bin];
        if (wasFull) {
            avail.addFirst(slab);
        }
        if (slab.isEmpty() && (!core.keepOneEmptySlab() || avail.size() > 1)) {
            avail.remove(slab);
            core.backend().releaseSlab(slab);
        }
    }

    /**
     * Empties the cache into the slabs, takes in remote frees and returns every empty slab
     * (mi_collect). Called by the owner thread, or by the reaper after the owner ended; with
     * orphan set, slabs still holding blocks go to the shared pool.
     */
    public void collect(boolean orphan) {
        for (int bin = 0; bin < SizeClasses.TINY_BIN_COUNT; bin++) {
            if (count(bin) > 0) {
                flush(bin, count(bin));
            }
            for (SlabList list : new SlabList[] {available[bin], full[bin]}) {
                for (Slab s = list.first(); s != null; ) {
                    Slab next = list.next(s);
                    core.countCorruption(s.drainRemote());
                    if (s.isEmpty()) {
                        list.remove(s);
                        core.backend().releaseSlab(s);
                    } else if (orphan) {
                        list.remove(s);
                        core.pool().adopt(s);
                    } else if (list == full[bin] && s.freeCount > 0) {
                        available[bin].addFirst(s);
                    }
                    s = next;
                }
            }
        }
    }

    /** This thread freed a block into a slab it does not own. */
    public void remotelyFreed(int blockBytes) {
        remotelyFreedBytes += blockBytes;
    }

    /** Usable bytes this thread's mallocs handed out that are not free again (see the fields). */
    public long bytesInUse() {
        return takenBytes - returnedBytes - cachedBytes() - remotelyFreedBytes;
    }

    /** Index of bin's sentinel slot in {@link #stack} (always 0); its cached blocks follow it. */
    private static int stackBase(int bin) {
        return HEADER_LONGS + (bin << STRIDE_SHIFT);
    }

    /** Index of bin's header (top and limit) in {@link #stack}. */
    private static int countSlot(int bin) {
        return PAD_LONGS + bin;
    }

    private static long header(int top, int limit) {
        return (long) limit << 32 | top;
    }

    /** Most blocks cached for bin; 0 routes the bin to the shared pool (POOL_ONLY or checked mode). */
    private int capacity(int bin) {
        return (int) (stack[countSlot(bin)] >>> 32) - stackBase(bin);
    }

    /** Number of blocks cached for bin. */
    private int count(int bin) {
        return (int) stack[countSlot(bin)] - stackBase(bin);
    }

    private void setCount(int bin, int c) {
        final int cs = countSlot(bin);
        stack[cs] = stack[cs] & 0xFFFF_FFFF_0000_0000L | (stackBase(bin) + c);
    }

    /**
     * Whether address is the block last freed into bin of stack s (a thread's own) and not handed
     * out since: the top of the bin's stack, or its sentinel slot when empty, which is never an address.
     */
    public static boolean isLastFreed(long[] s, int bin, long address) {
        return s[(int) s[countSlot(bin)]] == address;
    }

    /** Bytes of free blocks sitting in this cache (racy when read by another thread). */
    public long cachedBytes() {
        long sum = 0;
        for (int bin = 0; bin < SizeClasses.TINY_BIN_COUNT; bin++) {
            sum += (long) count(bin) * SizeClasses.blockBytes(bin);
        }
        return sum;
    }

    /** Java-heap bytes of this cache's arrays and lists (approximate). */
    public long metadataBytes() {
        return 16L + 8L * stack.length + 2L * 32 * available.length;
    }

    /** Drops every cached block without returning it: only for closing the whole instance. */
    public void forget() {
        for (int bin = 0; bin < SizeClasses.TINY_BIN_COUNT; bin++) {
            setCount(bin, 0);
        }
    }
}
