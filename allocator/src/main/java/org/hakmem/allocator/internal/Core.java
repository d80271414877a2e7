package org.hakmem.allocator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.hakmem.allocator.AllocatorConfig;
import org.hakmem.allocator.AllocatorStats;
import org.hakmem.allocator.internal.cache.ThreadCache;
import org.hakmem.allocator.internal.cache.VirtualThreadFront;
import org.hakmem.allocator.internal.large.LargeAllocator;
import org.hakmem.allocator.internal.os.NativeMemory;
import org.hakmem.allocator.internal.os.OsLayer;
import org.hakmem.allocator.internal.policy.ReleasePolicy;
import org.hakmem.allocator.internal.policy.RouteTable;
import org.hakmem.allocator.internal.pool.SharedPool;
import org.hakmem.allocator.internal.sizeclass.SizeClasses;
import org.hakmem.allocator.internal.slab.PageMap;
import org.hakmem.allocator.internal.slab.Slab;
import org.hakmem.allocator.internal.slab.SlabOwner;
import org.hakmem.allocator.internal.slab.SuperSlabBackend;

/**
 * One allocator instance: routes each request to the tiny front, the shared pool or the large
 * path, and proves every pointer it is given before touching its memory.
 *
 * <p>Hot paths: malloc of up to 1 KiB finds the thread's cache in a claimed field or a thread-id
 * slot (the ThreadLocal only when neither holds it), then one table load and a pop from a Java
 * array; free of a block of a slab the calling thread owns is a page-map lookup, a division by
 * multiplication, two metadata checks and a push onto the stack array the slab carries for its
 * owner, with no ThreadLocal at all. Neither takes a lock, allocates on the Java heap or touches
 * block memory.
 */
public final class Core implements org.hakmem.allocator.internal.cache.CacheHome {
    private final AllocatorConfig config;
    private final OsLayer os = new OsLayer();
    private final PageMap pageMap = new PageMap();
    private final SuperSlabBackend backend;
    private final SharedPool pool;
    private final LargeAllocator large;
    private final RouteTable routes;
    private final boolean keepOneEmptySlab;
    private final ThreadLocal<ThreadCache> caches = ThreadLocal.withInitial(this::newCache);
    /**
     * The cache of the first thread to allocate (or of the next one after it ended), checked before
     * the ThreadLocal: a single-threaded program never pays the ThreadLocal lookup. Plain field:
     * a cache's {@code thread} is final, so a thread that reads someone else's (or a stale) cache
     * here only falls back to the ThreadLocal. It is claimed, never fought over: a thread writes it
     * only when it is empty, its owner ended, or its owner is blocked (then moved to its thread-id
     * slot, see threadLocalCache), so threads do not ping-pong its cache line.
     */
    private ThreadCache claimedCache;
    /**
     * Every other thread's cache, in the slot its thread id picks, checked before the ThreadLocal:
     * ids are handed out in sequence, so the threads alive at one time rarely share a slot, and
     * a ThreadLocal lookup (a hash probe and, here, an isAlive check) costs larson's worker threads
     * a fifth of their throughput. Same rules as claimedCache: plain slots, a cache's thread is
     * final, a slot is written only when empty or its thread ended; reaping clears it.
     */
    private final ThreadCache[] cachesByThreadId = new ThreadCache[CACHE_SLOTS];
    private static final int CACHE_SLOTS = 256;

    /** Every live thread's cache; guarded by itself. Dead threads' caches are reaped lazily. */
    private final List<ThreadCache> threadCaches = new ArrayList<>();
    /** The stripes virtual threads allocate through; null until a virtual thread first does. */
    private volatile VirtualThreadFront virtualFront;
    /** bytesInUse of caches whose threads ended. */
    private final LongAdder retiredBytesInUse = new LongAdder();
    private final LongAdder corruptionsDetected = new LongAdder();
    private volatile boolean closed;

    public Core(AllocatorConfig config) {
        this.config = config;
        this.routes = new RouteTable(config.tinyProfile());
        this.backend = new SuperSlabBackend(os, pageMap, new ReleasePolicy(config), config.lean(), config.leanDelayMillis());
        this.keepOneEmptySlab = !config.lean();
        this.pool = new SharedPool(backend, config.checked(), keepOneEmptySlab);
        this.large = new LargeAllocator(os);
        if (!config.lean()) {
            backend.prewarm(config.prewarmSuperslabs());
        }
    }

    public long malloc(long byteSize) {
        if (Long.compareUnsigned(byteSize, SizeClasses.MAX_TINY_BYTES) <= 0) {
            final ThreadCache tc = currentCache();
            final int bin = SizeClasses.tinyBinOf(byteSize);
            if (tc != null) {
                final long address = tc.pop(bin);
                return address != 0 ? address : tc.mallocSlow(bin);
            }
            return mallocVirtual(bin);
        }
        return mallocLarger(byteSize);
    }

    /** A tiny block for a virtual thread, from a stripe of the virtual-thread front. */
    private long mallocVirtual(int bin) {
        final VirtualThreadFront v = virtualFront();
        final int stripe = v.enter(Thread.currentThread());
        try {
            final ThreadCache tc = v.cache(stripe);
            final long address = tc.pop(bin);
            return address != 0 ? address : tc.mallocSlow(bin);
        } finally {
            v.exit(stripe);
        }
    }

    private long mallocLarger(long byteSize) {
        checkSize("byteSize", byteSize);
        final VirtualThreadFront v = enterSlowPath();
        try {
            return mallocPoolOrLarge(byteSize);
        } finally {
            exitSlowPath(v);
        }
    }

    private long mallocPoolOrLarge(long byteSize) {
        if (byteSize <= SizeClasses.MAX_SMALL_BYTES) {
            return pool.malloc(SizeClasses.binOf(byteSize));
        }
        return large.malloc(byteSize, OsLayer.PAGE_SIZE);
    }

    public void free(long address) {
        if (address == 0) {
            return;
        }
        final Slab slab = pageMap.slabAt(address);
        if (slab != null) {
            // One unsigned comparison: a block start of this slab below its carved mark (Slab.indexOf).
            if (Long.compareUnsigned(slab.indexOf(address), slab.carved) < 0 && slab.ownerThread == Thread.currentThread()) {
                ThreadCache.freeLocal(slab, slab.ownerStack, address);
                return;
            }
            final int index = slab.blockIndex(address);
            if (index >= 0) {
                if (slab.ownerThread == Thread.currentThread()) {
                    throw doubleFree(address);      // a block of ours never handed out
                }
                final ThreadCache caller = currentCache();   // registers the caller first: see registerCaller
                if (caller != null) {
                    freeShared(caller, slab, slab.owner, index, address);
                } else {
                    freeVirtual(slab, index, address);
                }
                return;
            }
            throw interior(address);
        }
        final VirtualThreadFront v = enterSlowPath();
        try {
            freeLarge(address);
        } finally {
            exitSlowPath(v);
        }
    }

    private void freeLarge(long address) {
        if (large.free(address)) {
            return;
        }
        if (large.isInterior(address)) {
            throw interior(address);
        }
        throw notOwned("free", address);
    }

    /**
     * A virtual thread's free of a tiny or pool block, under a stripe: a block of that stripe's own
     * slab goes back on its stack (the stripe's slabs change owner only under its lock, so the owner
     * read is stable here), any other the shared way, credited to the stripe.
     */
    private void freeVirtual(Slab slab, int index, long address) {
        final VirtualThreadFront v = virtualFront();
        final int stripe = v.enter(Thread.currentThread());
        try {
            final ThreadCache tc = v.cache(stripe);
            final SlabOwner owner = slab.owner;
            if (owner == tc) {
                if (index >= slab.carved) {
                    throw doubleFree(address);
                }
                ThreadCache.freeLocal(slab, slab.ownerStack, address);
                return;
            }
            freeShared(tc, slab, owner, index, address);
        } finally {
            v.exit(stripe);
        }
    }

    /** A block of a slab owned by the pool or by another thread; caller is credited with the free. */
    private void freeShared(ThreadCache caller, Slab slab, SlabOwner owner, int index, long address) {
        if (owner instanceof SharedPool.Bin bin && pool.free(bin, slab, index, address)) {
            return;
        }
        // A released slab has no live block; a block back in the slab or never handed out is not
        // live either. freeBits is the owner's: the read is racy, but a correct program handed
        // this block over after the owner took it out, so it sees the bit clear.
        if (owner == null || index >= slab.carved || slab.isFree(index)) {
            throw doubleFree(address);
        }
        final int freed = slab.freeRemote(index);
        if (freed == Slab.REMOTE_DOUBLE_FREE) {
            throw doubleFree(address);
        }
        // Tell whoever owns the slab now (the owner read above may be stale); a pool bin finds
        // the flag itself when it looks for blocks, so it stays set.
        if (freed == Slab.REMOTE_FREED_FIRST && slab.ownerAcquire() instanceof ThreadCache current) {
            current.signal(slab);
        }
        caller.remotelyFreed(slab.blockBytes);
    }

    /**
     * Makes the calling thread a registered user before a path that does not go through its
     * cache (pool, large, remote free) touches memory close() would unmap: close() refuses while a
     * registered user lives, and a thread that registers after close() sees it closed and throws.
     * Without it a thread that only allocates above 1 KiB was invisible to close(), which could
     * unmap a slab or mapping under it. Costs the cache lookup, and a cache's Java arrays once per
     * such thread; these paths take a lock or a system call anyway.
     */
    private void registerCaller() {
        currentCache();
    }

    /**
     * Before a pool or large path: a platform caller is registered ({@link #registerCaller}), a
     * virtual one, which has no cache, is counted in by the virtual-thread front (close() waits for
     * it). Returns the front to hand to {@link #exitSlowPath}, or null.
     */
    private VirtualThreadFront enterSlowPath() {
        if (Thread.currentThread().isVirtual()) {
            final VirtualThreadFront v = virtualFront();
            v.enterShared();
            return v;
        }
        registerCaller();
        return null;
    }

    private static void exitSlowPath(VirtualThreadFront v) {
        if (v != null) {
            v.exitShared();
        }
    }

    /** The virtual threads' front, built on first use (most programs have none). */
    private VirtualThreadFront virtualFront() {
        VirtualThreadFront v = virtualFront;
        if (v == null) {
            synchronized (threadCaches) {
                checkOpen();
                v = virtualFront;
                if (v == null) {
                    v = new VirtualThreadFront(this, Runtime.getRuntime().availableProcessors());
                    virtualFront = v;
                }
            }
        }
        return v;
    }

    /**
     * The calling thread's cache: the claimed one, its thread-id slot, else the ThreadLocal (once);
     * null for a virtual thread.
     */
    private ThreadCache currentCache() {
        final Thread current = Thread.currentThread();
        final ThreadCache claimed = claimedCache;
        if (claimed != null && claimed.thread == current) {
            return claimed;
        }
        final ThreadCache slotted = cachesByThreadId[slotOf(current)];
        if (slotted != null && slotted.thread == current) {
            return slotted;
        }
        return threadLocalCache(claimed, current);
    }

    private static int slotOf(Thread thread) {
        return (int) thread.threadId() & (CACHE_SLOTS - 1);
    }

    /** Null for a virtual thread: it has no cache of its own, it uses the virtual-thread front's stripes. */
    private ThreadCache threadLocalCache(ThreadCache claimed, Thread current) {
        if (current.isVirtual()) {
            return null;
        }
        ThreadCache tc = caches.get();
        if (claimed == null || !claimed.thread.isAlive()) {
            claimedCache = tc;
        } else if (isBlocked(claimed.thread) && moveToItsSlot(claimed)) {
            // The first thread to allocate is often one that then only waits (a main thread that
            // built the data and joins its workers, larson's supervisor): a thread that finds the
            // claim held by a blocked thread takes it, and the holder keeps the next fastest path,
            // its thread-id slot. Once both are placed neither comes here again, so the claim
            // moves at most once per new thread and never ping-pongs.
            claimedCache = tc;
        } else {
            int slot = slotOf(current);
            ThreadCache occupant = cachesByThreadId[slot];
            if (occupant == null || !occupant.thread.isAlive()) {
                cachesByThreadId[slot] = tc;
            }
        }
        return tc;
    }

    /** The thread whose cache is in the claimed field, or null (tests). */
    Thread claimedThread() {
        final ThreadCache c = claimedCache;
        return c == null ? null : c.thread;
    }

    private static boolean isBlocked(Thread thread) {
        final Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED;
    }

    /** Puts cache in its thread's slot unless a live thread's cache is there; returns whether it is there now. */
    private boolean moveToItsSlot(ThreadCache cache) {
        final int slot = slotOf(cache.thread);
        final ThreadCache occupant = cachesByThreadId[slot];
        if (occupant == null || occupant == cache || !occupant.thread.isAlive()) {
            cachesByThreadId[slot] = cache;
            return true;
        }
        return false;
    }

    public long calloc(long count, long byteSize) {
        checkSize("count", count);
        checkSize("byteSize", byteSize);
        long total;
        try {
            total = Math.multiplyExact(count, byteSize);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("calloc(count=" + count + ", byteSize=" + byteSize + "): size overflows");
        }
        long address = malloc(total);
        if (address != 0 && total > 0) {
            NativeMemory.fill(address, total, (byte) 0);
        }
        return address;
    }

    public long realloc(long address, long newByteSize) {
        checkSize("newByteSize", newByteSize);
        if (address == 0) {
            return malloc(newByteSize);
        }
        long usable = usableSizeChecked("realloc", address);
        if (newByteSize <= usable && newByteSize >= usable / 2) {
            return address;
        }
        long moved = malloc(newByteSize);
        if (moved == 0) {
            return 0;   // like C: the old block stays valid
        }
        NativeMemory.copy(address, moved, Math.min(usable, newByteSize));
        free(address);
        return moved;
    }

    public long usableSize(long address) {
        return address == 0 ? 0 : usableSizeChecked("usableSize", address);
    }

    private long usableSizeChecked(String operation, long address) {
        Slab slab = pageMap.slabAt(address);
        if (slab != null) {
            int index = slab.blockIndex(address);
            if (index < 0) {
                throw interior(address);
            }
            if (slab.isFree(index) || slab.isRemotelyFreed(index)
                    || slab.ownerThread == Thread.currentThread()
                    && ThreadCache.isLastFreed(slab.ownerStack, slab.bin, address)) {
                throw new IllegalArgumentException(operation + "(0x" + Long.toHexString(address) + "): block is not allocated (already freed?)");
            }
            return slab.blockBytes;
        }
        long bytes = large.usableSize(address);
        if (bytes >= 0) {
            return bytes;
        }
        if (large.isInterior(address)) {
            throw interior(address);
        }
        throw notOwned(operation, address);
    }

    /** Memory aligned to byteAlignment (a power of two): a power-of-two bin, or an aligned mapping. */
    public long mallocAligned(long byteSize, long byteAlignment) {
        checkSize("byteSize", byteSize);
        if (byteAlignment <= 0 || Long.bitCount(byteAlignment) != 1) {
            throw new IllegalArgumentException("byteAlignment=" + byteAlignment + ": must be a power of two");
        }
        if (byteAlignment <= SizeClasses.MIN_ALIGNMENT) {
            return malloc(byteSize);
        }
        int bin = SizeClasses.alignedBinOf(byteSize, byteAlignment);
        if (bin >= 0) {
            return malloc(SizeClasses.blockBytes(bin));
        }
        final VirtualThreadFront v = enterSlowPath();
        try {
            return large.malloc(byteSize, byteAlignment);
        } finally {
            exitSlowPath(v);
        }
    }

    /** Returns the calling thread's cached blocks, ended threads' caches and every empty slab (like mi_collect). */
    public void collect() {
        checkOpen();
        ThreadCache own = currentCache();
        if (own != null) {
            own.collect(false);
        }
        VirtualThreadFront v = virtualFront;
        if (v != null) {
            v.collectAll();
        }
        reapDeadThreads();
        pool.releaseEmptySlabs();
        backend.purge(true);
    }

    public AllocatorStats stats() {
        reapDeadThreads();
        backend.purge(false);
        SuperSlabBackend.Snapshot s = backend.snapshot();
        long inUse = retiredBytesInUse.sum() + pool.bytesInUse() + large.bytesInUse();
        long cached = 0;
        long metadata = s.metadataBytes();
        int threads;
        synchronized (threadCaches) {
            for (ThreadCache tc : threadCaches) {
                inUse += tc.bytesInUse();
                cached += tc.cachedBytes();
                metadata += tc.metadataBytes();
            }
            threads = threadCaches.size();
        }
        VirtualThreadFront v = virtualFront;
        if (v != null) {
            for (ThreadCache tc : v.caches()) {
                inUse += tc.bytesInUse();
                cached += tc.cachedBytes();
                metadata += tc.metadataBytes();
            }
            threads += v.stripeCount();
        }
        return new AllocatorStats(os.mmapCalls(), os.munmapCalls(), os.madviseCalls(), os.madviseFailures(),
                os.largeMaps(), s.liveSuperslabs(), s.liveSuperslabsPerClass(), inUse, os.mappedBytes(), metadata,
                cached, os.peakMappedBytes(), s.keptSuperslabs(), s.hot(), s.draining(), threads,
                corruptionsDetected.sum(), s.releasedBytes());
    }

    /** A cache for the calling thread: the whole cache of a thread that ended, if any, else a new one. */
    private ThreadCache newCache() {
        checkOpen();
        List<ThreadCache> ended = unregisterEnded();
        ThreadCache tc = ended.isEmpty() ? new ThreadCache(this, Thread.currentThread())
                : ended.removeFirst().adoptedBy(Thread.currentThread());
        reap(ended);
        synchronized (threadCaches) {
            // under the lock close() takes: either close() sees this cache (and refuses, its thread is
            // alive) or this thread sees closed and never touches the memory close() unmapped
            checkOpen();
            threadCaches.add(tc);
        }
        return tc;
    }

    /**
     * Gives back what ended threads held: their cached blocks and empty slabs go back, slabs
     * with live blocks go to the shared pool.
     */
    public void reapDeadThreads() {
        reap(unregisterEnded());
    }

    /**
     * Takes every cache whose thread ended out of the live list, under its lock, so each has one
     * taker (a reaper or an heir). A thread's end happens-before isAlive() returns false, so the
     * taker sees the cache exactly as its thread left it.
     */
    private List<ThreadCache> unregisterEnded() {
        List<ThreadCache> ended = new ArrayList<>();
        synchronized (threadCaches) {
            threadCaches.removeIf(tc -> !tc.thread.isAlive() && ended.add(tc));
        }
        for (ThreadCache tc : ended) {
            int slot = slotOf(tc.thread);
            if (cachesByThreadId[slot] == tc) {
                cachesByThreadId[slot] = null;   // let the dead cache be collected
            }
        }
        return ended;
    }

    private void reap(List<ThreadCache> ended) {
        for (ThreadCache tc : ended) {
            tc.collect(true);
            retiredBytesInUse.add(tc.bytesInUse());
        }
    }

    /**
     * Unmaps everything. Refused (IllegalStateException naming them) while a thread other than the
     * caller that has used this instance (any malloc, or a free other than of its own tiny blocks)
     * is still alive: its thread cache hands out blocks without asking the instance, so unmapping
     * under it would fault in that thread instead of throwing.
     * Such threads must end first. The check and the closed flag are set under the lock that new
     * caches register under, so no thread can slip in between.
     */
    public void close() {
        synchronized (threadCaches) {
            List<String> users = new ArrayList<>();
            for (ThreadCache tc : threadCaches) {
                if (tc.thread != Thread.currentThread() && tc.thread.isAlive()) {
                    users.add(tc.thread.getName());
                }
            }
            if (!users.isEmpty()) {
                throw new IllegalStateException("close refused: " + users.size() + " live thread(s) still use this hakmem instance "
                        + (users.size() <= 5 ? users : users.subList(0, 5) + " ...") + "; let them end first");
            }
            closed = true;
            threadCaches.forEach(ThreadCache::forget);
            threadCaches.clear();
        }
        VirtualThreadFront v = virtualFront;
        if (v != null) {
            v.closeAndDrain();   // waits for virtual threads inside the allocator; later ones throw
        }
        caches.remove();
        claimedCache = null;
        java.util.Arrays.fill(cachesByThreadId, null);
        backend.clear();
        large.clear();
        os.unmapAll();
    }

    @Override
    public void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this hakmem allocator instance is closed");
        }
    }

    @Override
    public void countCorruption(int duplicates) {
        if (duplicates != 0) {
            corruptionsDetected.add(duplicates);
        }
    }

    private static void checkSize(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + "=" + value + ": must be >= 0");
        }
    }

    private static IllegalArgumentException doubleFree(long address) {
        return org.hakmem.allocator.internal.slab.BadFree.doubleFree(address);
    }

    private static IllegalArgumentException interior(long address) {
        return new IllegalArgumentException("0x" + Long.toHexString(address) + ": interior pointer (not the start of a hakmem block)");
    }

    private static IllegalArgumentException notOwned(String operation, long address) {
        return new IllegalArgumentException(operation + "(0x" + Long.toHexString(address) + "): address not owned by this hakmem allocator");
    }

    @Override
    public AllocatorConfig config() {
        return config;
    }

    @Override
    public PageMap pageMap() {
        return pageMap;
    }

    @Override
    public SuperSlabBackend backend() {
        return backend;
    }

    @Override
    public SharedPool pool() {
        return pool;
    }

    @Override
    public RouteTable routes() {
        return routes;
    }

    @Override
    public boolean keepOneEmptySlab() {
        return keepOneEmptySlab;
    }
}
