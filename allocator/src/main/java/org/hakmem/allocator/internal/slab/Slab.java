package org.hakmem.allocator.internal.slab;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.hakmem.allocator.internal.os.NativeMemory;

/**
 * One or more contiguous 64 KiB units of a superslab, cut into blocks of one bin.
 *
 * <p>Free blocks are a bitmap ({@link #freeBits}), touched only by the {@link #owner} (its thread,
 * or under its lock), so the local paths need no atomics and never read block memory to find
 * free blocks. Frees from other threads go onto {@link #remoteHead}, a lock-free stack threaded
 * through the blocks' first 8 bytes: a push is one CAS, and the owner takes the whole stack with
 * one getAndSet when its own free blocks run out (mimalloc's thread-free list).
 *
 * <p>A block counts as used from the moment it leaves the bitmap until the owner puts it back, so a
 * block waiting on the remote stack keeps the slab non-empty: an empty slab has no block that any
 * thread could still be freeing, and can be released without a race.
 */
public final class Slab {
    /** Multiplier for division by the block size: exact for offsets below 2^24 and blocks up to 64 KiB. */
    private static final int MAGIC_SHIFT = 40;
    private static final VarHandle REMOTE_HEAD;
    private static final VarHandle OWNER;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            REMOTE_HEAD = lookup.findVarHandle(Slab.class, "remoteHead", long.class);
            OWNER = lookup.findVarHandle(Slab.class, "owner", SlabOwner.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public final SuperSlab superslab;
    public final long base;
    public final int bin;
    public final int blockBytes;
    public final int blockCount;
    final int firstUnit;
    final int unitCount;
    /** blockCount * blockBytes: the bytes that hold blocks. */
    private final long spanBytes;
    private final long magic;

    /** Bit i set: block i is free in this slab (not cached, not in use). Owner only. */
    private final long[] freeBits;
    /** Number of set bits in freeBits. Owner only. */
    public int freeCount;
    /**
     * One past the highest block ever handed out. Blocks are always taken lowest index first, so
     * every block below this has been out at least once (and carries the free key whenever it is
     * free) and none at or above it ever has: a free of one of those is refused without reading
     * the bitmap. Written by the owner; other threads' racy reads can only see it lower.
     */
    public int carved;

    /**
     * Plain reads are enough on the fast path: only the owner thread itself ever installs itself as
     * owner, so a thread that sees itself here is right, and a stale read by any other thread only
     * sends it down the remote path, which is safe whoever owns the slab.
     */
    public SlabOwner owner;
    @SuppressWarnings("unused") // accessed through REMOTE_HEAD
    private volatile long remoteHead;

    /** The owner's list this slab is on (its available or its full list), and the links. Owner only. */
    SlabList list;
    Slab next;
    Slab prev;

    Slab(SuperSlab superslab, int firstUnit, int unitCount, int bin, int blockBytes, SlabOwner owner) {
        this.superslab = superslab;
        this.firstUnit = firstUnit;
        this.unitCount = unitCount;
        this.base = superslab.base + ((long) firstUnit << SuperSlab.UNIT_SHIFT);
        this.bin = bin;
        this.blockBytes = blockBytes;
        this.blockCount = (int) (((long) unitCount << SuperSlab.UNIT_SHIFT) / blockBytes);
        this.spanBytes = (long) blockCount * blockBytes;
        this.magic = ((1L << MAGIC_SHIFT) + blockBytes - 1) / blockBytes;
        this.freeBits = new long[(blockCount + 63) >>> 6];
        for (int i = 0; i < blockCount; i++) {
            freeBits[i >>> 6] |= 1L << i;
        }
        this.freeCount = blockCount;
        this.owner = owner;
    }

    public long byteSize() {
        return (long) unitCount << SuperSlab.UNIT_SHIFT;
    }

    /** Index of the block that starts exactly at address, or -1 for an interior or out-of-range address. */
    public int blockIndex(long address) {
        long offset = address - base;
        if (Long.compareUnsigned(offset, spanBytes) >= 0) {
            return -1;
        }
        int index = (int) ((offset * magic) >>> MAGIC_SHIFT);
        return (long) index * blockBytes == offset ? index : -1;
    }

    public long blockAddress(int index) {
        return base + (long) index * blockBytes;
    }

    public boolean isFree(int index) {
        return (freeBits[index >>> 6] & (1L << index)) != 0;
    }

    public boolean isEmpty() {
        return freeCount == blockCount;
    }

    /** Owner only: returns block index to the free set. */
    public void putFree(int index) {
        freeBits[index >>> 6] |= 1L << index;
        freeCount++;
    }

    /**
     * Owner only: moves up to max free blocks out of the bitmap into out[from..], lowest addresses
     * first (they share pages and cache lines). Returns how many were taken.
     */
    public int take(long[] out, int from, int max) {
        final long[] bits = freeBits;
        final long base = this.base;
        final int blockBytes = this.blockBytes;
        int taken = 0;
        for (int w = 0; w < bits.length && taken < max; w++) {
            long word = bits[w];
            while (word != 0 && taken < max) {
                int bit = Long.numberOfTrailingZeros(word);
                word &= word - 1;
                out[from + taken++] = base + (long) ((w << 6) + bit) * blockBytes;
            }
            bits[w] = word;
        }
        freeCount -= taken;
        if (taken > 0) {
            carved = Math.max(carved, blockIndex(out[from + taken - 1]) + 1);
        }
        return taken;
    }

    /** Owner only: takes the lowest free block out of the bitmap; 0 if there is none. */
    public long takeOne() {
        final long[] bits = freeBits;
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            if (word != 0) {
                bits[w] = word & (word - 1);
                freeCount--;
                int index = (w << 6) + Long.numberOfTrailingZeros(word);
                carved = Math.max(carved, index + 1);
                return base + (long) index * blockBytes;
            }
        }
        return 0;
    }

    /** Pushes a block freed by a thread that does not own this slab: one CAS, no lock. */
    public void pushRemote(long address) {
        long head;
        do {
            head = (long) REMOTE_HEAD.getVolatile(this);
            NativeMemory.putLong(address, head);
        } while (!REMOTE_HEAD.compareAndSet(this, head, address));
    }

    public boolean hasRemote() {
        return (long) REMOTE_HEAD.getAcquire(this) != 0;
    }

    /**
     * Owner only: takes every remotely freed block back into the free set. Returns the number of
     * duplicates found (a block pushed twice by racing double frees): the walk stops there, so a
     * corrupted stack can cost blocks but never loop or hand a block out twice.
     */
    public int drainRemote() {
        long address = (long) REMOTE_HEAD.getAndSet(this, 0L);
        int steps = 0;
        while (address != 0) {
            int index = blockIndex(address);
            if (index < 0 || isFree(index) || ++steps > blockCount) {
                return 1;
            }
            long next = NativeMemory.getLong(address);
            putFree(index);
            address = next;
        }
        return 0;
    }

    public SlabOwner ownerAcquire() {
        return (SlabOwner) OWNER.getAcquire(this);
    }

    public void setOwnerRelease(SlabOwner newOwner) {
        OWNER.setRelease(this, newOwner);
    }

    long metadataBytes() {
        return 96L + 16L + 8L * freeBits.length;
    }
}
