package org.hakmem.allocator.internal.slab;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.hakmem.allocator.internal.os.NativeMemory;

/**
 * One or more contiguous 64 KiB units of a superslab, cut into blocks of one bin.
 *
 * <p>Free blocks are a bitmap ({@code freeBits}), touched only by the {@link #owner} (its thread,
 * or under its lock), so the local paths need no atomics and never read block memory to find
 * free blocks. Frees from other threads set the block's bit in a second bitmap ({@code remoteBits})
 * with one atomic OR, and the owner takes a whole word of them back with one getAndSet when its own
 * free blocks run out. Neither side reads or writes the freed block to pass it back: a linked
 * remote-free list (mimalloc's thread-free list) makes the freeing thread write each block and the
 * owner walk them one dependent load at a time, a cache miss per block when the blocks went cold in
 * a queue (xmalloc: 30 ns per block, half the producer's time). The owner reads them once, all of a
 * refill together, when it hands them out again ({@link #take}).
 *
 * <p>A block counts as used from the moment it leaves the bitmap until the owner puts it back, so a
 * block waiting in the remote bitmap keeps the slab non-empty: an empty slab has no block that any
 * thread could still be freeing, and can be released without a race.
 */
public final class Slab extends SlabFields.PadC {
    /** {@link #freeRemote} results. */
    public static final int REMOTE_FREED = 0;
    /** The first remote free since the owner last looked: the caller tells the owner. */
    public static final int REMOTE_FREED_FIRST = 1;
    /** The block was already waiting in the remote bitmap: a double free, nothing changed. */
    public static final int REMOTE_DOUBLE_FREE = -1;
    private static final int REMOTE_PAD = SlabFields.REMOTE_PAD;
    private static final VarHandle REMOTE_BITS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle SIGNALLED;
    private static final VarHandle OWNER;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(SlabFields.RemoteWritten.class, MethodHandles.lookup());
            SIGNALLED = lookup.findVarHandle(SlabFields.RemoteWritten.class, "signalled", int.class);
            OWNER = MethodHandles.privateLookupIn(SlabFields.Shape.class, MethodHandles.lookup())
                    .findVarHandle(SlabFields.Shape.class, "owner", SlabOwner.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    Slab(SuperSlab superslab, int firstUnit, int unitCount, int bin, int blockBytes, SlabOwner owner) {
        super(superslab, firstUnit, unitCount, bin, blockBytes, owner);
    }

    public long byteSize() {
        return (long) unitCount << SuperSlab.UNIT_SHIFT;
    }

    /** Index of the block that starts exactly at address, or -1 for an interior or out-of-range address. */
    public int blockIndex(long address) {
        final long q = indexOf(address);
        return Long.compareUnsigned(q, blockCount) < 0 ? (int) q : -1;
    }

    /**
     * The index of the block starting at address if there is one; otherwise a value at or above
     * blockCount as an unsigned number. So {@code compareUnsigned(indexOf(a), carved) < 0} proves in
     * one comparison that a is a block start of this slab that has been handed out (see indexInverse).
     */
    public long indexOf(long address) {
        return Long.rotateRight((address - base) * indexInverse, indexShift);
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
        final long carvedEnd = base + (long) carved * blockBytes;
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
            raiseCarved(blockIndex(out[from + taken - 1]) + 1);
        }
        final int touched = Math.min(taken, remoteRecycled);
        if (touched > 0) {
            remoteRecycled -= touched;
            touchSink = touch(out, from, touched, carvedEnd);
        }
        return taken;
    }

    /**
     * Reads one word of each of the first {@code count} blocks in out[from..] that were handed out
     * before (below carvedEnd; taken lowest first, so they come first). Called for as many blocks
     * as came back by remote frees: a thread that gets its blocks back that way is a producer
     * (xmalloc, a pipeline stage) that will hand out the whole refill in a row and the program
     * then writes each block, a cache miss (the freeing thread never touched the block, so the
     * line went cold while it was away) that stalls the next malloc's store. Read here, the misses
     * overlap: xmalloc 2+2 +25% ops/s (interleaved child JVMs, 3 rounds). Not for blocks freed by
     * the owner itself: a thread that frees and allocates (larson) hands out a refill's blocks
     * over a long time, in any order, or flushes them back unused. Blocks never handed out are
     * left alone: a read would map the zero page and the program's first write fault again.
     */
    private static long touch(long[] out, int from, int count, long carvedEnd) {
        long sink = 0;
        for (int i = from; i < from + count; i++) {
            final long a = out[i];
            if (a >= carvedEnd) {
                break;
            }
            sink ^= NativeMemory.getLong(a);
        }
        return sink;
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
                raiseCarved(index + 1);
                return base + (long) index * blockBytes;
            }
        }
        return 0;
    }

    /** Writes the mark only when it grows: once every block was out it is never written again. */
    private void raiseCarved(int mark) {
        if (mark > carved) {
            carved = mark;
        }
    }

    /**
     * Frees block index for a thread that does not own this slab: one atomic OR, no lock, no
     * block memory. Returns {@link #REMOTE_FREED_FIRST} for the first free since the owner last
     * looked (the caller then tells the owner: one more CAS per batch of remote frees, so an owner
     * never searches its slabs), {@link #REMOTE_DOUBLE_FREE} if the block was already waiting.
     */
    public int freeRemote(int index) {
        final long bit = 1L << index;
        final long old = (long) REMOTE_BITS.getAndBitwiseOr(remoteBits, REMOTE_PAD + (index >>> 6), bit);
        if ((old & bit) != 0) {
            return REMOTE_DOUBLE_FREE;
        }
        return (int) SIGNALLED.getVolatile(this) == 0 && SIGNALLED.compareAndSet(this, 0, 1)
                ? REMOTE_FREED_FIRST : REMOTE_FREED;
    }

    /** Whether block index was freed by another thread and not yet taken back (racy unless owner). */
    public boolean isRemotelyFreed(int index) {
        return ((long) REMOTE_BITS.getVolatile(remoteBits, REMOTE_PAD + (index >>> 6)) & (1L << index)) != 0;
    }

    /** Owner only, before draining: later remote frees will signal again. */
    public void clearSignal() {
        SIGNALLED.setVolatile(this, 0);
    }

    /**
     * Whether remote frees may be waiting: the signal flag, which a lock-guarded owner (a pool bin)
     * leaves set until it takes them ({@link #takeRemote}).
     */
    public boolean isSignalled() {
        return (int) SIGNALLED.getVolatile(this) != 0;
    }

    /**
     * Owner only: clears the signal, then drains. In this order a free that lands after its word
     * was read finds the flag clear and signals again, so no remote free is left unannounced.
     * Returns what {@link #drainRemote} returns.
     */
    public int takeRemote() {
        clearSignal();
        return drainRemote();
    }

    /**
     * Owner only: takes every remotely freed block back into the free set. Returns the number of
     * blocks that were free in both bitmaps (a remote double free racing the owner's own copy):
     * they count once.
     */
    public int drainRemote() {
        final long[] remote = remoteBits;
        final long[] bits = freeBits;
        int duplicates = 0;
        int drained = 0;
        for (int w = 0; w < bits.length; w++) {
            // A volatile read first: most words are 0, and a getAndSet would pull every line
            // exclusive; volatile, so it cannot be satisfied before the caller's clearSignal.
            if ((long) REMOTE_BITS.getVolatile(remote, REMOTE_PAD + w) != 0) {
                long word = (long) REMOTE_BITS.getAndSet(remote, REMOTE_PAD + w, 0L);
                long both = bits[w] & word;
                if (both != 0) {
                    duplicates += Long.bitCount(both);
                    word &= ~both;
                }
                bits[w] |= word;
                drained += Long.bitCount(word);
            }
        }
        freeCount += drained;
        remoteRecycled = Math.min(remoteRecycled + drained, blockCount);
        return duplicates;
    }

    /** Blocks that came back by remote frees and that take has not handed out since (at most blockCount). */
    public int remoteRecycledBlocks() {
        return remoteRecycled;
    }

    public SlabOwner ownerAcquire() {
        return (SlabOwner) OWNER.getAcquire(this);
    }

    public void setOwnerRelease(SlabOwner newOwner) {
        ownerThread = newOwner == null ? null : newOwner.thread;
        ownerStack = newOwner == null ? null : newOwner.stack;
        OWNER.setRelease(this, newOwner);
    }

    long metadataBytes() {
        return 320L + 16L + 8L * freeBits.length + 16L + 8L * remoteBits.length;   // the padded object (320 B), its bitmaps
    }
}
