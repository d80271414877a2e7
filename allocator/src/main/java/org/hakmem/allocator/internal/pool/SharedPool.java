package org.hakmem.allocator.internal.pool;

import java.util.concurrent.locks.ReentrantLock;

import org.hakmem.allocator.internal.os.NativeMemory;
import org.hakmem.allocator.internal.sizeclass.SizeClasses;
import org.hakmem.allocator.internal.slab.PageMap;
import org.hakmem.allocator.internal.slab.Slab;
import org.hakmem.allocator.internal.slab.SlabList;
import org.hakmem.allocator.internal.slab.SlabOwner;
import org.hakmem.allocator.internal.slab.SuperSlabBackend;

/**
 * The shared pool: mid sizes (1 KiB .. 64 KiB), tiny classes routed POOL_ONLY or falling back from
 * the tiny front, and every tiny request in checked mode. One lock per bin, no thread cache, so it
 * holds no memory per thread; it also adopts the slabs of threads that ended, and lends them to
 * live threads' tiny fronts.
 */
public final class SharedPool {
    /** Pattern written over free blocks in checked mode and verified when they are handed out again. */
    public static final byte POISON = (byte) 0xDF;

    private final SuperSlabBackend backend;
    private final boolean checked;
    private final boolean keepOneEmptySlab;
    private final Bin[] bins = new Bin[SizeClasses.BIN_COUNT];

    /** One bin of the pool: the owner of its slabs, guarded by its lock. */
    public static final class Bin extends SlabOwner {
        final int bin;
        final ReentrantLock lock = new ReentrantLock();
        final SlabList available;
        final SlabList full;
        long bytesInUse;

        Bin(int bin, PageMap pageMap) {
            super(null, null);
            this.bin = bin;
            this.available = new SlabList(pageMap);
            this.full = new SlabList(pageMap);
            SlabList.pair(available, full);
        }
    }

    public SharedPool(SuperSlabBackend backend, boolean checked, boolean keepOneEmptySlab) {
        this.backend = backend;
        this.checked = checked;
        this.keepOneEmptySlab = keepOneEmptySlab;
        for (int b = 0; b < bins.length; b++) {
            bins[b] = new Bin(b, backend.pageMap());
        }
    }

    /** A block of the bin, or 0 when the OS refuses memory. */
    public long malloc(int bin) {
        Bin pb = bins[bin];
        long address;
        pb.lock.lock();
        try {
            Slab slab = slabWithFreeBlock(pb);
            if (slab == null) {
                return 0;
            }
            address = slab.takeOne();
            if (slab.freeCount == 0) {
                pb.full.addFirst(slab);
            }
            pb.bytesInUse += slab.blockBytes;
        } finally {
            pb.lock.unlock();
        }
        int blockBytes = SizeClasses.blockBytes(bin);
        if (checked) {
            checkPoison(address, blockBytes);
        }
        return address;
    }

    /**
     * Frees a block of a slab the caller saw owned by pb. Returns false if the slab changed owner
     * meanwhile (a thread adopted it): the caller then frees remotely. Throws on a double free.
     */
    public boolean free(Bin pb, Slab slab, int index, long address) {
        Slab release = null;
        pb.lock.lock();
        try {
            if (slab.ownerAcquire() != pb) {
                return false;
            }
            if (slab.isFree(index) || slab.isRemotelyFreed(index)) {
                throw new IllegalArgumentException("free(0x" + Long.toHexString(address) + "): double free (block is already free)");
            }
            if (checked) {
                NativeMemory.fill(address, slab.blockBytes, POISON);
            }
            boolean wasFull = slab.freeCount == 0;
            slab.putFree(index);
            pb.bytesInUse -= slab.blockBytes;
            if (wasFull) {
                pb.available.addFirst(slab);
            }
            if (slab.isEmpty() && (!keepOneEmptySlab || pb.available.size() > 1)) {
                pb.available.remove(slab);
                release = slab;
            }
        } finally {
            pb.lock.unlock();
        }
        if (release != null) {
            backend.releaseSlab(release);
        }
        return true;
    }

    /** Lends a slab with free (or remotely freed) blocks to a thread's tiny front, or null. */
    public Slab lend(int bin, SlabOwner borrower) {
        Bin pb = bins[bin];
        if (pb.available.size() == 0 && pb.full.size() == 0) {
            return null;   // racy peek: an empty pool is the common case and needs no lock
        }
        pb.lock.lock();
        try {
            Slab slab = slabWithFreeBlockNoNew(pb);
            if (slab == null) {
                return null;
            }
            pb.available.remove(slab);
            slab.setOwnerRelease(borrower);
            slab.clearSignal();   // from now on remote frees signal the borrower, which drains next
            return slab;
        } finally {
            pb.lock.unlock();
        }
    }

    /** Takes over a slab of a thread that ended (its blocks may still be in use anywhere). */
    public void adopt(Slab slab) {
        Bin pb = bins[slab.bin];
        pb.lock.lock();
        try {
            slab.setOwnerRelease(pb);
            slab.takeRemote();
            (slab.freeCount == 0 ? pb.full : pb.available).addFirst(slab);
        } finally {
            pb.lock.unlock();
        }
    }

    /** Returns every empty slab to the backend, including the one a bin keeps in FAST mode. */
    public void releaseEmptySlabs() {
        for (Bin pb : bins) {
            java.util.List<Slab> empty = new java.util.ArrayList<>();
            pb.lock.lock();
            try {
                for (Slab s = pb.available.first(); s != null; ) {
                    Slab next = pb.available.next(s);
                    drainIfSignalled(s);
                    if (s.isEmpty()) {
                        pb.available.remove(s);
                        empty.add(s);
                    }
                    s = next;
                }
            } finally {
                pb.lock.unlock();
            }
            empty.forEach(backend::releaseSlab);
        }
    }

    private Slab slabWithFreeBlock(Bin pb) {
        Slab slab = slabWithFreeBlockNoNew(pb);
        if (slab == null) {
            slab = backend.acquireSlab(pb.bin, pb);
            if (slab != null) {
                pb.available.addFirst(slab);
            }
        }
        return slab;
    }

    /** Under pb.lock: an available slab, draining remote frees into full ones if needed. */
    private static Slab slabWithFreeBlockNoNew(Bin pb) {
        for (Slab s = pb.available.first(); s != null; s = pb.available.next(s)) {
            drainIfSignalled(s);
            if (s.freeCount > 0) {
                return s;
            }
        }
        for (Slab s = pb.full.first(); s != null; ) {
            Slab next = pb.full.next(s);
            if (drainIfSignalled(s)) {
                if (s.freeCount > 0) {
                    pb.available.addFirst(s);
                    return s;
                }
            }
            s = next;
        }
        return null;
    }

    /** Under the bin's lock: takes in the slab's remote frees if any were announced. */
    private static boolean drainIfSignalled(Slab s) {
        if (!s.isSignalled()) {
            return false;
        }
        s.takeRemote();
        return true;
    }

    private static void checkPoison(long address, int blockBytes) {
        long firstDiff = NativeMemory.findNot(address, blockBytes, POISON);
        if (firstDiff >= 0 && NativeMemory.findNot(address, blockBytes, (byte) 0) >= 0) {
            throw new IllegalStateException("use after free detected: block 0x" + Long.toHexString(address)
                    + " was written at offset " + firstDiff + " while free");
        }
    }

    public long bytesInUse() {
        long sum = 0;
        for (Bin pb : bins) {
            pb.lock.lock();
            try {
                sum += pb.bytesInUse;
            } finally {
                pb.lock.unlock();
            }
        }
        return sum;
    }
}
